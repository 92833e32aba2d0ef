import NuPhysics

/// Neutrino-electron dσ/dT for a Z' with arbitrary vector and axial couplings: Dev et al. (000)
/// Appendix, Eqs. (10)-(14), added to the SM term Eq. (3). MeV⁻³.
///
///     dσ_Z'/dT  = m g_{−α}² F₁ / (4π(M² + 2mT)²)
///     dσ_int/dT = m g_{−α} G_F (F₂ + s_W²F₃) / (2√2π(M² + 2mT))
///     F₁ = 2(g_Ve² + g_Ae²) + g_{±e}²x² − 2g_{±e}²x − g_{+e}g_{−e}x x₀
///     F₂ = S_αe(2g_{−e} − g_{+e}x x₀) − 2δ S_αe g_{−e}x(2 − x)
///     F₃ = −4g_{±e}x(2 − x) + 4g_Ve(2 − x x₀)
///
/// with x = T/E, x₀ = m/E, S_αe = +1 for α = e and −1 otherwise, δ = 0 (ν) or 1 (ν̄),
/// g_{±e} = g_{+e} for neutrinos and g_{−e} for antineutrinos, g_{±} = g_V ± g_A.
public enum NuElectronGeneral {
    public static func differentialCrossSection(_ p: NuElectronPoint) throws -> Double {
        Spectrum(
            p.flavor, energy: p.energy, mediator: p.mediator, electron: p.electronCoupling,
            sin2ThetaW: p.sin2ThetaW
        )
        .value(at: p.recoil)
    }
}

/// dσ/dT at fixed E as a function of T, in the form the closed-form total cross section integrates:
///
///     dσ/dT = P_SM(T) + P_int(T)/(2mT + M²) + P_Z'(T)/(2mT + M²)²
///
/// with quadratic polynomials P read off Eq. (3) and Eqs. (10)-(14) of 000. MeV⁻³. The electron's
/// couplings are constant in T here (tree level): an L_α − L_β loop coupling depends on T and is
/// passed in at one recoil.
public struct Spectrum: Sendable {
    /// Coefficients of 1, T, T² (MeV⁻³ times the matching powers of MeV).
    public let standardModel: [Double]
    public let interference: [Double]
    public let mediatorSquared: [Double]
    public let mediatorMass: Double
    public let isStandardModel: Bool

    public init(
        _ flavor: Flavor, energy e: Double, mediator: ZPrime, electron el: LeptonCouplings,
        sin2ThetaW s: Double
    ) {
        let m = Constants.electronMass
        let gF = Constants.fermiConstant
        let c = DevTable1.coefficients(flavor, sin2ThetaW: s)
        let k = 2 * gF * gF * m / (Double.pi * e * e)
        standardModel = [
            k * (c.c1 * c.c1 + c.c2 * c.c2) * e * e,
            k * (-2 * c.c2 * c.c2 * e - c.c1 * c.c2 * m),
            k * c.c2 * c.c2,
        ]
        mediatorMass = mediator.mass
        isStandardModel = mediator.isStandardModel
        let gNu = mediator.coupling(flavor.lepton).left
        let gPlus = el.right
        let gMinus = el.left
        let gPM = flavor.isAntineutrino ? gMinus : gPlus
        let sign = flavor.lepton == .e ? 1.0 : -1.0
        let delta = flavor.isAntineutrino ? 1.0 : 0.0
        // F₁ in powers of T: (g₊² + g₋²) + g_±²(T²/E² − 2T/E) − g₊g₋ mT/E².
        let kv = m * gNu * gNu / (4 * Double.pi)
        mediatorSquared = [
            kv * (gPlus * gPlus + gMinus * gMinus),
            kv * (-2 * gPM * gPM / e - gPlus * gMinus * m / (e * e)),
            kv * gPM * gPM / (e * e),
        ]
        // F₂ + s F₃ in powers of T, using x x₀ = mT/E² and x(2 − x) = 2T/E − T²/E².
        let ki = m * gNu * gF / (2 * 2.0.squareRoot() * Double.pi)
        let curvature = -2 * delta * sign * gMinus - 4 * s * gPM  // coefficient of x(2 − x)
        interference = [
            ki * (2 * sign * gMinus + 8 * s * el.vector),
            ki * ((-sign * gPlus - 4 * s * el.vector) * m / (e * e) + 2 * curvature / e),
            ki * (-curvature / (e * e)),
        ]
    }

    /// dσ/dT at recoil T (MeV), MeV⁻³.
    public func value(at t: Double) -> Double {
        let sm = standardModel[0] + t * (standardModel[1] + t * standardModel[2])
        if isStandardModel { return sm }
        let d = 2 * Constants.electronMass * t + mediatorMass * mediatorMass
        let pInt = interference[0] + t * (interference[1] + t * interference[2])
        let pV = mediatorSquared[0] + t * (mediatorSquared[1] + t * mediatorSquared[2])
        return sm + pInt / d + pV / (d * d)
    }
}
