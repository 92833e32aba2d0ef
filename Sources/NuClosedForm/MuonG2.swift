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
///          = 1/2  (r = 4);   [ln((r/2+κ−1)/(r/2−κ−1)) − ln((r/2+κ)/(r/2−κ))]/(2κ), κ = √(r²/4 − r)  (r > 4)
///
/// These cancel badly for large r (the terms grow like r² ln r, the sum falls like 1/r), so for
/// r ≤ 4.5 they are evaluated in Float80, and for r > 4.5 the same integral is written through the
/// real roots x₊ > x₋ > 1 of D: I = [F(x₊) − F(x₋)]/(x₊ − x₋) with F(c) = ∫₀¹ Q(x)/(x − c) dx,
/// F(x₋) = polynomial + Q(x₋) ln(1 − 1/x₋) (x₋ − 1 = 1/(x₊ − 1) exactly), F(x₊) summed as its
/// convergent series −Σ_k x₊^{−k−1} ∫₀¹ Q(x)x^k dx (ratio 1/x₊ < 0.3).
///
/// Limits: I_V → 1, I_S → 3/2 (M ≪ m_μ); I_V → 2/(3r), I_S → (ln r − 7/6)/r (M ≫ m_μ).
/// g dimensionless, M ≥ 0 in MeV.
public enum MuonG2 {
    public static func deltaA(_ mediator: Mediator, g: Double, mass: Double) throws -> Double {
        try requireFinite(g, "coupling g")
        try requireNonNegative(mass, "mediator mass")
        return g * g / (8 * Double.pi * Double.pi) * loopIntegral(mediator,
            massRatioSquared: mass * mass / (Constants.muonMass * Constants.muonMass))
    }

    /// The coupling g > 0 with δa_μ(g, M) = Δa_μ (δa ∝ g², so g = √(Δa/δa(1, M))).
    public static func coupling(_ mediator: Mediator, mass: Double, deltaA: Double) throws -> Double {
        try requirePositive(deltaA, "Δa_μ", unit: "")
        let unit = try MuonG2.deltaA(mediator, g: 1, mass: mass)
        return (deltaA / unit).squareRoot()
    }

    /// I(r), dimensionless.
    public static func loopIntegral(_ mediator: Mediator, massRatioSquared r: Double) -> Double {
        if r == 0 { return mediator == .vector ? 1 : 1.5 }
        return r <= 4.5 ? Double(direct(mediator, Float80(r))) : viaRoots(mediator, r)
    }

    private static func direct(_ mediator: Mediator, _ r: Float80) -> Float80 {
        let j: Float80
        if r < 4 {
            let d = (r - r * r / 4).squareRoot()
            j = (atan((1 - r / 2) / d) + atan((r / 2) / d)) / d
        } else if r == 4 {
            j = 0.5
        } else {
            let k = (r * r / 4 - r).squareRoot()
            j = (log((r / 2 + k - 1) / (r / 2 - k - 1)) - log((r / 2 + k) / (r / 2 - k))) / (2 * k)
        }
        switch mediator {
        case .vector: return 1 - 2 * r + r * (r - 2) * log(r) + (-r * r * r + 4 * r * r - 2 * r) * j
        case .scalar: return 1.5 - r - (3 * r - r * r) / 2 * log(r) + (-r * r * r / 2 + 5 * r * r / 2 - 2 * r) * j
        }
    }

    /// Q(x) = q₂x² + q₃x³.
    private static func cubic(_ mediator: Mediator) -> (q2: Double, q3: Double) {
        mediator == .vector ? (2, -2) : (2, -1)
    }

    private static func viaRoots(_ mediator: Mediator, _ r: Double) -> Double {
        let kappa = (r * r / 4 - r).squareRoot()
        let xPlus = r / 2 + kappa
        let xMinus = r / xPlus          // x₊x₋ = r
        let xMinusLessOne = 1 / (xPlus - 1)  // D(1) = (1 − x₊)(1 − x₋) = 1
        let (q2, q3) = cubic(mediator)
        // F(x₋) = ∫₀¹ [Q(x) − Q(c)]/(x − c) dx + Q(c) ln((c − 1)/c)
        let c = xMinus
        // (x² − c²)/(x − c) = x + c;  (x³ − c³)/(x − c) = x² + cx + c²
        let polynomialPart = q2 * (0.5 + c) + q3 * (1.0 / 3 + c / 2 + c * c)
        let qAtC = mediator == .vector ? -2 * c * c * xMinusLessOne : c * c * (2 - c)
        let fMinus = polynomialPart + qAtC * (log(xMinusLessOne) - log(c))
        // F(x₊) = −Σ_k x₊^{−k−1} m_k, m_k = ∫₀¹ Q(x) x^k dx = q₂/(k+3) + q₃/(k+4).
        var fPlus = 0.0, power = 1 / xPlus
        for k in 0..<400 {
            let term = power * (q2 / Double(k + 3) + q3 / Double(k + 4))
            fPlus -= term
            if abs(term) <= 1e-17 * abs(fPlus) { break }
            power /= xPlus
        }
        return (fPlus - fMinus) / (xPlus - xMinus)
    }
}
