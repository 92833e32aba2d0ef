import Foundation

/// Closed-form ∫_a^b tⁿ/(1 + r t)^k dt for n = 0, 1, 2 and k = 1, 2, with r ≥ 0 and 0 ≤ a ≤ b:
/// the logarithms the propagator 1/(2m_eT + M²) = (1/M²)/(1 + rT), r = 2m_e/M², puts in the total
/// cross section.
///
/// With u = 1 + rt the antiderivatives are, times r^{−n−1}:
/// (0,1) ln u, (1,1) u − ln u, (2,1) u²/2 − 2u + ln u, (0,2) −1/u, (1,2) ln u + 1/u,
/// (2,2) u − 2 ln u − 1/u. Taken between u_a and u_b they are written with u_b − u_a = r(b − a)
/// and ln(u_b/u_a) = log1p(r(b − a)/u_a), so that nothing is subtracted twice.
/// Where rt < ½ those forms cancel (each term exceeds the sum by up to (rt)^{−n−k}); there the
/// integral is the convergent series Σ_j c_j(−r)ʲ (b^{n+j+1} − a^{n+j+1})/(n+j+1),
/// c_j = 1 (k = 1) or j + 1 (k = 2). A window that straddles rt = ½ is split there.
enum PropagatorIntegrals {
    static func definite(n: Int, k: Int, r: Double, from a: Double, to b: Double) -> Double {
        precondition((0...2).contains(n) && (1...2).contains(k) && r >= 0 && 0 <= a && a <= b)
        let split = 0.5 / r  // +∞ when r = 0
        if b <= split { return series(n: n, k: k, r: r, from: a, to: b) }
        if a < split {
            return series(n: n, k: k, r: r, from: a, to: split)
                + logarithmic(
                    n: n, k: k, r: r, from: split,
                    to: b)
        }
        return logarithmic(n: n, k: k, r: r, from: a, to: b)
    }

    private static func logarithmic(n: Int, k: Int, r: Double, from a: Double, to b: Double) -> Double {
        let ua = 1 + r * a
        let ub = 1 + r * b
        let du = r * (b - a)
        let logRatio = log1p(du / ua)
        let value: Double
        switch (n, k) {
        case (0, 1): value = logRatio
        case (1, 1): value = du - logRatio
        case (2, 1): value = du * ((ua + ub) / 2 - 2) + logRatio
        case (0, 2): value = du / (ua * ub)
        case (1, 2): value = logRatio - du / (ua * ub)
        default: value = du * (1 + 1 / (ua * ub)) - 2 * logRatio
        }
        return value / pow(r, Double(n + 1))
    }

    private static func series(n: Int, k: Int, r: Double, from a: Double, to b: Double) -> Double {
        var sum = 0.0
        var powerA = pow(a, Double(n + 1))
        var powerB = pow(b, Double(n + 1))
        var sign = 1.0
        for j in 0..<300 {
            let c = k == 1 ? 1.0 : Double(j + 1)
            let term = sign * c * (powerB - powerA) / Double(n + j + 1)
            sum += term
            if abs(term) <= 1e-17 * abs(sum) || powerB == 0 { break }
            powerA *= r * a
            powerB *= r * b
            sign = -sign
        }
        return sum
    }
}
