/// Inputs of a neutrino-electron dσ/dT evaluation, validated once.
///
/// Energies in MeV: `energy` is the neutrino energy E > 0, `recoil` the electron's kinetic recoil
/// energy T with 0 ≤ T ≤ T_max = 2E²/(m_e + 2E). Dev et al. write E_e for this T: their
/// Eqs. (3)-(5) are the standard ones in the kinetic recoil energy (the propagator 2m_eE_e is
/// −q² = 2m_eT), so E_e there is T here.
public struct NuElectronPoint: Sendable {
    public let flavor: Flavor
    public let energy: Double
    public let recoil: Double
    public let mediator: ZPrime
    public let sin2ThetaW: Double

    public init(
        flavor: Flavor, energy: Double, recoil: Double, mediator: ZPrime = .none,
        sin2ThetaW: Double = Constants.defaultSin2ThetaW
    ) throws {
        try Kinematics.validateRecoil(recoil, energy: energy, targetMass: Constants.electronMass)
        guard sin2ThetaW.isFinite, sin2ThetaW > 0, sin2ThetaW < 1 else {
            throw PhysicsError.unphysical("sin²θ_W must lie in (0, 1), got \(sin2ThetaW)")
        }
        if !mediator.isStandardModel, mediator.mass == 0, recoil == 0 {
            throw PhysicsError.unphysical("a massless mediator at zero recoil gives an infinite cross section")
        }
        self.flavor = flavor
        self.energy = energy
        self.recoil = recoil
        self.mediator = mediator
        self.sin2ThetaW = sin2ThetaW
    }

    /// Neutrino coupling g_{−α} = g_Vα − g_Aα to the Z' (left-handed neutrino).
    public var neutrinoCoupling: Double { mediator.coupling(flavor.lepton).left }
    /// |q⃗| = √(2m_eT) (MeV), where a loop-induced electron coupling is evaluated.
    public var momentumTransfer: Double { (2 * Constants.electronMass * recoil).squareRoot() }

    /// The Z' couplings of the electron: tree level plus, for L_α − L_β, the loop-induced vector
    /// coupling for the loop function `epsilon` = ε_βα(|q⃗|), supplied by the evaluating path.
    public func electron(
        epsilon: (
            _ beta: Lepton, _ alpha: Lepton,
            _ q: Double
        ) throws -> Double
    ) rethrows -> LeptonCouplings {
        var c = mediator.coupling(.e)
        if let loop = mediator.electronLoop {
            c.vector += loop.electronVector(epsilon: try epsilon(loop.beta, loop.alpha, momentumTransfer))
        }
        return c
    }
}
