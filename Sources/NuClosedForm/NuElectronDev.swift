import Foundation
import NuPhysics

/// Neutrino-electron dσ/dT of Dev et al. (000), Eqs. (3)-(5) with Table 1, in MeV⁻³
/// (multiply by (ħc)² for cm²/MeV).
///
///     dσ_SM/dT  = 2G_F²m/(πE²) {c₁²E² + c₂²(E−T)² − c₁c₂mT}
///     dσ_V/dT   = Q_ν²Q_e²g⁴m/(4πE²) {2(E−T)E + (T−m)T} / (2mT + M²)²
///     dσ_int/dT = Q_νQ_e g²G_F m / (2√2 E²π (2mT + M²))
///                 × {c₃(2E² − mT) + 2c₄(2E − T)T + 4s_W²[2(E−T)E + (T−m)T]}
///
/// Holds for vector couplings only (Eq. (1)); with an axial coupling it throws `.notApplicable`.
/// Q_ν g and Q_e g are the mediator's vector couplings to ν_α and to the electron (for L_α − L_β
/// the loop-induced Q_e g of `KineticMixingLoop` at |q⃗| = √(2mT)).
public enum NuElectronDev {
    public struct Parts: Sendable {
        public let standardModel: Double, mediator: Double, interference: Double
        public var total: Double { standardModel + mediator + interference }
    }

    public static func parts(_ p: NuElectronPoint) throws -> Parts {
        guard p.mediator.isPurelyVector else {
            throw PhysicsError.notApplicable(
                "Dev et al. Eqs. (3)-(5) hold for vector couplings only; use the general "
                    + "form")
        }
        let m = Constants.electronMass
        let gF = Constants.fermiConstant
        let e = p.energy
        let t = p.recoil
        let s = p.sin2ThetaW
        let c = DevTable1.coefficients(p.flavor, sin2ThetaW: s)
        let sm =
            2 * gF * gF * m / (Double.pi * e * e)
            * (c.c1 * c.c1 * e * e + c.c2 * c.c2 * (e - t) * (e - t) - c.c1 * c.c2 * m * t)
        if p.mediator.isStandardModel { return Parts(standardModel: sm, mediator: 0, interference: 0) }
        let qg = p.mediator.coupling(p.flavor.lepton).vector * p.electronCoupling.vector  // Q_ν Q_e g²
        let kinematic = 2 * (e - t) * e + (t - m) * t
        let denominator = (2 * Constants.electronMass * p.recoil + p.mediator.mass * p.mediator.mass)
        let pure = qg * qg * m / (4 * Double.pi * e * e) * kinematic / (denominator * denominator)
        let interference =
            qg * gF * m / (2 * 2.0.squareRoot() * e * e * Double.pi * denominator)
            * (c.c3 * (2 * e * e - m * t) + 2 * c.c4 * (2 * e - t) * t + 4 * s * kinematic)
        return Parts(standardModel: sm, mediator: pure, interference: interference)
    }

    public static func differentialCrossSection(_ p: NuElectronPoint) throws -> Double {
        try parts(p).total
    }
}
