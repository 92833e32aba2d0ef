import Foundation
import GSLKit
import NuPhysics

/// ε_βα(q) of 004 Eq. (29) by GSL quadrature (QAGS, relative tolerance 1e-12).
///
/// Where the ratio inside the logarithm is close to 1 (q ≫ m_β, m_α) it is taken as
/// log1p((m_β² − m_α²)/(m_α² + x(1−x)q²)), elsewhere as the log of the ratio (log1p of a number
/// near −1 would lose the small ratio m_β²/m_α² to rounding). q in MeV, result dimensionless.
public enum LoopMixingQuadrature {
    public static func epsilon(beta: Lepton, alpha: Lepton, q: Double) throws -> Double {
        try requireNonNegative(q, "momentum transfer q")
        let mb2 = beta.mass * beta.mass
        let ma2 = alpha.mass * alpha.mass
        let q2 = q * q
        return try Quadrature.integrate(
            { x in
                let y = x * (1 - x)
                let excess = (mb2 - ma2) / (ma2 + y * q2)
                return y * (abs(excess) < 0.5 ? log1p(excess) : log((mb2 + y * q2) / (ma2 + y * q2)))
            }, from: 0, to: 1, absoluteTolerance: 1e-15, relativeTolerance: 1e-12
        ).value
    }
}

extension LoopMixingQuadrature {
    /// ε_βα with the timelike sign of q² inside the logarithm, by QAGS; below threshold only.
    public static func epsilonWrongSign(beta: Lepton, alpha: Lepton, q: Double) throws -> Double {
        try requireNonNegative(q, "momentum transfer q")
        let mb2 = beta.mass * beta.mass
        let ma2 = alpha.mass * alpha.mass
        let q2 = q * q
        guard q2 < 4 * min(mb2, ma2) else {
            throw PhysicsError.notApplicable("with the timelike sign the loop logarithm is complex for q ≥ 2m")
        }
        return try Quadrature.integrate(
            { x in
                let y = x * (1 - x)
                return y * log((mb2 - y * q2) / (ma2 - y * q2))
            }, from: 0, to: 1, absoluteTolerance: 1e-15, relativeTolerance: 1e-12
        ).value
    }
}
