import NuPhysics

/// Neutrino-electron scattering from the squared amplitude in Mandelstam variables: the
/// numerical path's own integrand, written independently of the closed-form module.
///
/// With s = m² + 2mE, t = −2mT, u = 2m² − s − t and effective chiral couplings ε_L, ε_R of the
/// electron (SM plus Z' exchange at momentum transfer t),
///
///     dσ/dt = G_F²/(π(s − m²)²) [ε₁²(s − m²)² + ε₂²(u − m²)² + 2m²ε₁ε₂ t],  dσ/dT = 2m dσ/dt,
///
/// where (ε₁, ε₂) = (ε_L, ε_R) for neutrinos and (ε_R, ε_L) for antineutrinos;
/// ε_L = T₃ − Q s_W² (+1 for ν_e, W exchange) + g_ν g_{Le}/(2√2G_F(M² − t)),
/// ε_R = −Q s_W² + g_ν g_{Re}/(2√2G_F(M² − t)). Units MeV⁻³. For L_α − L_β the electron's g_{L,R}e
/// is the loop-induced vector coupling with ε_βα(√(−t)) by quadrature.
public enum NuElectronAmplitude {
    public static func differentialCrossSection(_ p: NuElectronPoint) throws -> Double {
        let (left, right) = try chiralCouplings(p)
        return crossSection(p, left: left, right: right)
    }

    /// Effective (ε_L, ε_R) at the point's momentum transfer: the SM part plus the Z' shift.
    static func chiralCouplings(_ p: NuElectronPoint) throws -> (Double, Double) {
        let sm = standardCouplings(p)
        let shift = try zPrimeShift(p)
        return (sm.0 + shift.0, sm.1 + shift.1)
    }

    /// The SM (ε_L, ε_R): T₃ − Q s_W² (+1 for ν_e) and −Q s_W².
    static func standardCouplings(_ p: NuElectronPoint) -> (Double, Double) {
        let charged = p.flavor.lepton == .e ? 1.0 : 0.0
        return (
            ElectronCharges.isospin - ElectronCharges.electricCharge * p.sin2ThetaW + charged,
            -ElectronCharges.electricCharge * p.sin2ThetaW
        )
    }

    /// The Z' shift of (ε_L, ε_R): g_ν g_{L,R}e/(2√2G_F(M² − t)); (0, 0) without a mediator.
    static func zPrimeShift(_ p: NuElectronPoint) throws -> (Double, Double) {
        if p.mediator.isStandardModel { return (0, 0) }
        let t = -2 * Constants.electronMass * p.recoil
        let amplitude =
            p.neutrinoCoupling
            / (2 * 2.0.squareRoot() * Constants.fermiConstant * (p.mediator.mass * p.mediator.mass - t))
        let electron = try p.electronCoupling()
        return (amplitude * electron.left, amplitude * electron.right)
    }

    /// dσ/dT (MeV⁻³) for given effective chiral couplings.
    static func crossSection(_ p: NuElectronPoint, left: Double, right: Double) -> Double {
        let m = Constants.electronMass
        let gF = Constants.fermiConstant
        let s = m * m + 2 * m * p.energy
        let t = -2 * m * p.recoil
        let u = 2 * m * m - s - t
        let (e1, e2) = p.flavor.isAntineutrino ? (right, left) : (left, right)
        let sm = s - m * m
        let um = u - m * m
        let dSigmaDt =
            gF * gF / (Double.pi * sm * sm)
            * (e1 * e1 * sm * sm + e2 * e2 * um * um + 2 * m * m * e1 * e2
                * t)
        return 2 * m * dSigmaDt
    }
}

extension NuElectronAmplitude {
    /// The interference part of dσ/dT (MeV⁻³). dσ/dT is a quadratic form Q(ε) in the chiral
    /// couplings; with ε = ε₀ + δ (SM plus Z' shift) the interference is the cross term 2B(ε₀, δ)
    /// of the symmetric bilinear form B of Q, evaluated directly: no difference of cross sections
    /// and no difference of couplings, so it keeps its relative accuracy as g²/M² → 0.
    public static func interference(_ p: NuElectronPoint) throws -> Double {
        if p.mediator.isStandardModel { return 0 }
        return 2 * bilinear(p, standardCouplings(p), try zPrimeShift(p))
    }

    /// B(a, b) with Q(ε) = B(ε, ε) the bracket of `crossSection`.
    static func bilinear(_ p: NuElectronPoint, _ a: (Double, Double), _ b: (Double, Double)) -> Double {
        let m = Constants.electronMass
        let gF = Constants.fermiConstant
        let s = m * m + 2 * m * p.energy
        let t = -2 * m * p.recoil
        let u = 2 * m * m - s - t
        let (a1, a2) = p.flavor.isAntineutrino ? (a.1, a.0) : (a.0, a.1)
        let (b1, b2) = p.flavor.isAntineutrino ? (b.1, b.0) : (b.0, b.1)
        let sm = s - m * m
        let um = u - m * m
        let bracket = a1 * b1 * sm * sm + a2 * b2 * um * um + m * m * (a1 * b2 + a2 * b1) * t
        return 2 * m * gF * gF / (Double.pi * sm * sm) * bracket
    }
}
