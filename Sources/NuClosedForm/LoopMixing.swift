import Foundation
import NuPhysics

/// The one-loop kinetic-mixing integral of 004 Eq. (29), dimensionless:
///
///     ε_βα(q) = ∫₀¹ x(1−x) ln[(m_β² + x(1−x)q²)/(m_α² + x(1−x)q²)] dx,   q = |q⃗| ≥ 0 (MeV)
///
/// in closed form. With K(z) = ∫₀¹ x(1−x) ln(1 + x(1−x)z²) dx one has
/// ε_βα = ln(m_β²/m_α²)/6 + K(q/m_β) − K(q/m_α), and (derived here, checked against quadrature)
///
///     K(z) = −5/18 + (2/3)w + (1/6)(1 − 2w) β ln[(β + 1)/(β − 1)],   w = 1/z², β = √(1 + 4w).
///
/// Evaluated without cancellation at every q: for z < 1.5 K is summed as its series
/// Σ (−1)ⁿ⁺¹ z²ⁿ B(n+2, n+2)/n (K ≈ z²/30 at small z); for z ≥ 1.5 the function
/// M(z) = K(z) − ln(z²)/6 + 5/18 is written with log1p and a rationalised (1 − 2w)β − 1, and
/// ε_βα = M(q/m_β) − M(q/m_α) (the ln z² and −5/18 cancel exactly between the two masses).
/// Limits: ε → ln(m_β²/m_α²)/6 as q → 0, ε → 0 as q → ∞; ε_βα = −ε_αβ.
public enum LoopMixing {
    public static func epsilon(beta: Lepton, alpha: Lepton, q: Double) throws -> Double {
        try requireNonNegative(q, "momentum transfer q")
        return epsilon(massBeta: beta.mass, massAlpha: alpha.mass, q: q)
    }

    public static func epsilon(massBeta mb: Double, massAlpha ma: Double, q: Double) -> Double {
        if q == 0 { return log(mb * mb / (ma * ma)) / 6 }
        let zb = q / mb
        let za = q / ma
        let threshold = 1.5
        if zb < threshold && za < threshold {
            return log(mb * mb / (ma * ma)) / 6 + smallK(zb) - smallK(za)
        }
        return shiftedL(zb) - shiftedL(za)
    }

    /// The integral K(z) itself (used by the tests and by `ε` at small z).
    public static func k(_ z: Double) -> Double {
        z < 1.5 ? smallK(z) : shiftedL(z) - 5.0 / 18 + log(z * z) / 6
    }

    /// K(z) by its series; converges for z < 2, used for z < 1.5 (ratio ≤ 0.56 per term).
    private static func smallK(_ z: Double) -> Double {
        let z2 = z * z
        var beta = 1.0 / 30  // B(3, 3) = (2!)²/5!
        var power = z2
        var sum = 0.0
        for n in 1...400 {
            let term = (n % 2 == 1 ? 1.0 : -1.0) * power * beta / Double(n)
            sum += term
            if abs(term) <= 1e-17 * abs(sum) { break }
            beta *= Double(n + 2) / (2 * Double(2 * n + 5))  // B(n+3, n+3)/B(n+2, n+2)
            power *= z2
        }
        return sum
    }

    /// M(z) = K(z) − ln(z²)/6 + 5/18 for z ≥ 1.5 (also valid below; used for mixed cases).
    private static func shiftedL(_ z: Double) -> Double {
        if z < 1.5 { return smallK(z) - log(z * z) / 6 + 5.0 / 18 }
        let w = 1 / (z * z)
        let beta = (1 + 4 * w).squareRoot()
        // ln[(β+1)/(β−1)] = 2 ln((β+1)/2) + ln z², and (β − 1)/2 = 2w/(β + 1).
        let logHalf = log1p(2 * w / (beta + 1))
        let d: Double  // (1 − 2w)β − 1
        if w <= 0.25 {
            d = (-12 * w * w + 16 * w * w * w) / ((1 - 2 * w) * beta + 1)
        } else {
            d = (1 - 2 * w) * beta - 1
        }
        return (2.0 / 3) * w + ((1 - 2 * w) * beta * 2 * logHalf + d * log(z * z)) / 6
    }

    /// 004's normalisation turned into a photon-Z' kinetic-mixing parameter:
    /// ε_kin = e g ε_βα(q)/(2π²). Matching the Z' term of 004 Eq. (28),
    /// √2 α g² ε_βα/(πG_F(q² + M²)), to a coupling e ε_kin to the proton's charge with the
    /// coefficient g_ν g_p/(√2G_F(q² + M²)) of Eq. (16) gives this; at q = 0 it is Abdullah's
    /// (002) estimate 8eg/(48π²) ln(m_τ/m_μ) for L_μ − L_τ.
    public static func kineticMixing(beta: Lepton, alpha: Lepton, q: Double, g: Double) throws -> Double {
        try requireFinite(g, "coupling g")
        return Constants.elementaryCharge * g
            * (try epsilon(
                beta: beta, alpha: alpha,
                q: q)) / (2 * Double.pi * Double.pi)
    }
}

extension LoopMixing {
    /// ε_βα with the wrong sign of q² in the logarithm, ln[(m_β² − x(1−x)q²)/(m_α² − x(1−x)q²)]
    /// (a timelike q² = +|q|² where 004 has the spacelike −|q⃗|²): K(z) → −Σ z²ⁿ B(n+2, n+2)/n,
    /// the same series with every term negative. Defined only below threshold, q < 2 min(m_α, m_β),
    /// where the series converges (z < 2); above it the logarithm's argument turns negative.
    public static func epsilonWrongSign(beta: Lepton, alpha: Lepton, q: Double) throws -> Double {
        try requireNonNegative(q, "momentum transfer q")
        let threshold = 2 * min(beta.mass, alpha.mass)
        guard q < threshold else {
            throw PhysicsError.notApplicable(
                "with the timelike sign the loop logarithm is complex for q ≥ 2m = "
                    + "\(threshold) MeV")
        }
        // c_n = z²ⁿ B(n+2, n+2) carried as one product (z²ⁿ alone overflows near threshold, where
        // the terms shrink only as (z²/4)ⁿ n^(−3/2)); refused if 10⁶ terms do not reach rounding.
        func kTimelike(_ z: Double) throws -> Double {
            let z2 = z * z
            var c = z2 / 30
            var sum = 0.0
            for n in 1...1_000_000 {
                let term = c / Double(n)
                sum += term
                if term <= 1e-17 * sum { return -sum }
                c *= z2 * Double(n + 2) / (2 * Double(2 * n + 5))
            }
            throw PhysicsError.notConverged(
                "the timelike loop series at q/m = \(z) (threshold 2) needs more than 10⁶ "
                    + "terms")
        }
        return log(beta.mass * beta.mass / (alpha.mass * alpha.mass)) / 6
            + (try kTimelike(q / beta.mass)) - (try kTimelike(q / alpha.mass))
    }

    /// The kinetic-mixing parameter each source writes for L_μ − L_τ (dimensionless), at coupling g
    /// and momentum transfer q: 004's e g ε_τμ(q)/(2π²) (from Eq. (28)); Abdullah's (002 Sec. III)
    /// 8eg/(48π²) ln(m_τ/m_μ) (q-independent); the slides' (001) 3eg'/(4π²) ε_τμ(q), their sign dropped.
    public static func kineticMixingAsWritten(source: String, g: Double, q: Double) throws -> Double {
        let e = Constants.elementaryCharge
        let pi2 = Double.pi * Double.pi
        switch source {
        case "004": return try kineticMixing(beta: .tau, alpha: .mu, q: q, g: g)
        case "abdullah": return 8 * e * g / (48 * pi2) * log(Constants.tauMass / Constants.muonMass)
        case "slides": return 3 * e * g / (4 * pi2) * (try epsilon(beta: .tau, alpha: .mu, q: q))
        default: throw PhysicsError.unknown("source '\(source)' (expected 004, abdullah or slides)")
        }
    }
}
