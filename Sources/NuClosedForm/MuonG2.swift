import Foundation
import NuPhysics

/// One-loop contribution of a neutral boson B to a_μ = (g−2)_μ/2, 004 Eqs. (58)-(59), in closed form:
///
///     δa_μ = g²/(8π²) I(r),  I(r) = ∫₀¹ Q(x)/(x² + (1−x) r) dx,  r = M²/m_μ²
///     Q(x) = 2x²(1−x) (vector),  x²(2−x) (scalar)
///
/// Derived closed form (polynomial division by D(x) = x² − r x + r):
///
///     I_V = 1 − 2r + r(r−2) ln r + (−r³ + 4r² − 2r) J(r)
///     I_S = 3/2 − r − (3r − r²)/2 ln r + (−r³/2 + 5r²/2 − 2r) J(r)
///     J(r) = ∫₀¹ dx/D = [atan((1−r/2)/√Δ) + atan(r/(2√Δ))]/√Δ,  Δ = r − r²/4   (r < 4)
///          = 1/2  (r = 4)
///          = [ln((r/2+κ−1)/(r/2−κ−1)) − ln((r/2+κ)/(r/2−κ))]/(2κ),  κ = √(r²/4 − r)   (r > 4)
///
/// These cancel badly for large r (the terms grow like r² ln r, the sum falls like 1/r: a factor
/// ~600 at r = 4.5), so for r ≤ 4.5 they are evaluated in extended precision: in Float80 where it
/// exists (x86 outside Windows and Android), else in double-double arithmetic (`DoubleDouble`),
/// with J = (2/r) Σ (−w)ᵏ/(2k+1), w = (4 − r)/r, for r ≥ 3.2 (the forms above lose digits within
/// 1e-4 of r = 4). Each is within 2.3e-16 relative (one ulp) of 40-digit values, and the two agree
/// to that over (0, 4.5] (PhysicsTests). For r > 4.5 the same integral is written through the real
/// roots x₊ > x₋ > 1 of D: I = [F(x₊) − F(x₋)]/(x₊ − x₋), F(c) = ∫₀¹ Q(x)/(x − c) dx,
/// F(x₋) = polynomial + Q(x₋) ln(1 − 1/x₋) (x₋ − 1 = 1/(x₊ − 1) exactly), F(x₊) summed as its
/// convergent series −Σ_k x₊^{−k−1} ∫₀¹ Q(x)x^k dx (ratio 1/x₊ < 0.3).
///
/// Limits: I_V → 1, I_S → 3/2 (M ≪ m_μ); I_V → 2/(3r), I_S → (ln r − 7/6)/r (M ≫ m_μ).
/// g dimensionless, M ≥ 0 in MeV.
public enum MuonG2 {
    public static func deltaA(_ mediator: Mediator, g: Double, mass: Double) throws -> Double {
        try requireFinite(g, "coupling g")
        try requireNonNegative(mass, "mediator mass")
        return g * g / (8 * Double.pi * Double.pi)
            * loopIntegral(
                mediator,
                massRatioSquared: mass * mass / (Constants.muonMass * Constants.muonMass))
    }

    /// The coupling g > 0 with δa_μ(g, M) = Δa_μ (δa ∝ g², so g = √(Δa/δa(1, M))).
    public static func coupling(_ mediator: Mediator, mass: Double, deltaA: Double) throws -> Double {
        try requirePositive(deltaA, "Δa_μ", unit: "")
        let unit = try MuonG2.deltaA(mediator, g: 1, mass: mass)
        return (deltaA / unit).squareRoot()
    }

    /// I(r), dimensionless, for r ≥ 0.
    public static func loopIntegral(_ mediator: Mediator, massRatioSquared r: Double) -> Double {
        if r == 0 { return mediator == .vector ? 1 : 1.5 }
        guard r <= 4.5 else { return viaRoots(mediator, r) }
        #if (arch(x86_64) || arch(i386)) && !os(Windows) && !os(Android)
        return directExtended(mediator, r)
        #else
        return directDoubleDouble(mediator, r)
        #endif
    }

    #if (arch(x86_64) || arch(i386)) && !os(Windows) && !os(Android)
    /// The direct form in Float80 (64-bit significand), 0 < r ≤ 4.5; rounded to Double at the end.
    static func directExtended(_ mediator: Mediator, _ r: Double) -> Double {
        Double(direct(mediator, Float80(r)))
    }

    /// J from its two arctangents for r < 3.2; for 3.2 ≤ r ≤ 4.5 (|w| ≤ 1/4, w = (4 − r)/r) as
    /// (2/r) Σ (−w)ᵏ/(2k+1): the arctangent and logarithm forms lost up to 2.5e-11 of I_V within
    /// 1e-13 of r = 4, where √Δ and κ vanish.
    private static func direct(_ mediator: Mediator, _ r: Float80) -> Float80 {
        var j: Float80
        if r < 3.2 {
            let d = (r - r * r / 4).squareRoot()
            j = (atan((1 - r / 2) / d) + atan((r / 2) / d)) / d
        } else {
            let w = (4 - r) / r
            var power: Float80 = 1
            j = 1
            for k in 1..<200 {
                power *= -w
                let term = power / Float80(2 * k + 1)
                j += term
                if abs(term) <= 1e-21 * abs(j) { break }
            }
            j *= 2 / r
        }
        switch mediator {
        case .vector: return 1 - 2 * r + r * (r - 2) * log(r) + (-r * r * r + 4 * r * r - 2 * r) * j
        case .scalar: return 1.5 - r - (3 * r - r * r) / 2 * log(r) + (-r * r * r / 2 + 5 * r * r / 2 - 2 * r) * j
        }
    }
    #endif

    /// The direct form in double-double arithmetic, 0 < r ≤ 4.5: compiled everywhere, used where
    /// Float80 does not exist (e.g. arm64). J(r) = 2 atan(√w)/(r√w) with w = (4 − r)/r
    /// (the two arctangents of J combined: atan a + atan b = atan((a + b)/(1 − ab)), ab < 1):
    /// for r < 3.2 as 2 atan(t)/√(r(4 − r)), t = √w (atan t = π/2 − atan(1/t) when r ≤ 2), and for
    /// 3.2 ≤ r ≤ 4.5 (|w| ≤ 1/4, through r = 4 where J = 1/2) as (2/r) Σ (−w)ᵏ/(2k+1).
    static func directDoubleDouble(_ mediator: Mediator, _ r: Double) -> Double {
        typealias DD = DoubleDouble
        let rr = DD(r)
        let fourMinusR = DD.twoSum(4, -r)  // 4 − r exactly
        let j: DD
        if r < 3.2 {
            let angle =
                r <= 2
                ? DD.halfPi - DD.atan((rr / fourMinusR).squareRoot())
                : DD.atan((fourMinusR / rr).squareRoot())
            j = DD(2) * angle / (rr * fourMinusR).squareRoot()
        } else {
            j = DD(2) / rr * DD.atanRatio(fourMinusR / rr)
        }
        let lnR = DD.log(r)
        let r2 = rr * rr
        let r3 = r2 * rr
        switch mediator {
        case .vector:
            return (DD(1) - DD(2) * rr + rr * (rr - DD(2)) * lnR + (-r3 + DD(4) * r2 - DD(2) * rr) * j).double
        case .scalar:
            let logCoefficient = (DD(3) * rr - r2) / DD(2)
            let jCoefficient = (-r3 + DD(5) * r2) / DD(2) - DD(2) * rr
            return (DD(1.5) - rr - logCoefficient * lnR + jCoefficient * j).double
        }
    }

    /// Q(x) = q₂x² + q₃x³.
    private static func cubic(_ mediator: Mediator) -> (q2: Double, q3: Double) {
        mediator == .vector ? (2, -2) : (2, -1)
    }

    private static func viaRoots(_ mediator: Mediator, _ r: Double) -> Double {
        let kappa = (r * r / 4 - r).squareRoot()
        let xPlus = r / 2 + kappa
        let xMinus = r / xPlus  // x₊x₋ = r
        let xMinusLessOne = 1 / (xPlus - 1)  // D(1) = (1 − x₊)(1 − x₋) = 1
        let (q2, q3) = cubic(mediator)
        // F(x₋) = ∫₀¹ [Q(x) − Q(c)]/(x − c) dx + Q(c) ln((c − 1)/c)
        let c = xMinus
        // (x² − c²)/(x − c) = x + c;  (x³ − c³)/(x − c) = x² + cx + c²
        let polynomialPart = q2 * (0.5 + c) + q3 * (1.0 / 3 + c / 2 + c * c)
        let qAtC = mediator == .vector ? -2 * c * c * xMinusLessOne : c * c * (2 - c)
        let fMinus = polynomialPart + qAtC * (log(xMinusLessOne) - log(c))
        // F(x₊) = −Σ_k x₊^{−k−1} m_k, m_k = ∫₀¹ Q(x) x^k dx = q₂/(k+3) + q₃/(k+4).
        var fPlus = 0.0
        var power = 1 / xPlus
        for k in 0..<400 {
            let term = power * (q2 / Double(k + 3) + q3 / Double(k + 4))
            fPlus -= term
            if abs(term) <= 1e-17 * abs(fPlus) { break }
            power /= xPlus
        }
        return (fPlus - fMinus) / (xPlus - xMinus)
    }
}
