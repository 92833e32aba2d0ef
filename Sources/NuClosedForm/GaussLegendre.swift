import Foundation
import NuPhysics

/// Gauss-Legendre quadrature on [a, b]: Σ w_i f(x_i) with the n nodes of P_n, exact for
/// polynomials of degree 2n − 1. Used only where a quantity has no closed form, to integrate a
/// closed-form integrand (the numerical path integrates its own integrand with GSL).
public enum GaussLegendre {
    /// Nodes and weights on [−1, 1], by Newton's method on P_n from the Chebyshev-like guesses
    /// cos(π(i − ¼)/(n + ½)) (Numerical Recipes §4.6), to rounding.
    static func rule(_ n: Int) -> [(x: Double, w: Double)] {
        (1...n).map { i in
            var x = cos(Double.pi * (Double(i) - 0.25) / (Double(n) + 0.5))
            var derivative = 0.0
            for _ in 0..<100 {
                var p0 = 1.0
                var p1 = x
                for k in 2...n { (p0, p1) = (p1, (Double(2 * k - 1) * x * p1 - Double(k - 1) * p0) / Double(k)) }
                derivative = Double(n) * (x * p1 - p0) / (x * x - 1)
                let step = p1 / derivative
                x -= step
                if abs(step) < 1e-16 { break }
            }
            return (x, 2 / ((1 - x * x) * derivative * derivative))
        }
    }

    static let twenty = rule(20)

    /// ∫_a^b f with the 20-point rule on `panels` equal panels.
    public static func integrate(
        from a: Double, to b: Double, panels: Int,
        _ f: (Double) throws -> Double
    ) rethrows -> Double {
        let width = (b - a) / Double(panels)
        var sum = 0.0
        for j in 0..<panels {
            let centre = a + (Double(j) + 0.5) * width
            for node in twenty { sum += node.w * (try f(centre + node.x * width / 2)) }
        }
        return sum * width / 2
    }
}

extension GaussLegendre {
    /// ∫_a^b f by globally adaptive 20-point Gauss-Legendre, pure Swift (a closed path must not call
    /// GSL). Each interval's estimate is the rule on its two halves; its error is the difference
    /// from the rule on the whole, scaled as QUADPACK scales its Gauss-Kronrod error (resasc ·
    /// min(1, (200 err/resasc)^1.5), at least 50ε ∫|f|) so that rounding noise in f, which no
    /// halving removes, is not taken for truncation error. The interval with the largest error is
    /// halved until the errors sum to ≤ `relativeTolerance`·|∫|; if `maxIntervals` come first (f
    /// noisy at that level, like the symmetrized Fermi form factor's cancellation at small qc), the
    /// result stands when its error is ≤ `requiredTolerance`·|∫|. Nodes are interior, so f need
    /// not be finite at a or b. Throws `.notConverged` when f is not finite at a node, or when the
    /// required tolerance is not met (a divergent integral, ∫dT/T² from 0).
    public static func adaptive(
        from a: Double, to b: Double, relativeTolerance: Double = 1e-12,
        requiredTolerance: Double = 1e-10, maxIntervals: Int = 1000,
        _ f: (Double) throws -> Double
    ) throws -> Double {
        if a == b { return 0 }
        // The rule on [lo, hi]: ∫f, ∫|f| and ∫|f − mean|.
        func rule(_ lo: Double, _ hi: Double) throws -> (value: Double, abs: Double, asc: Double) {
            let half = (hi - lo) / 2
            let centre = lo + half
            var values: [Double] = []
            values.reserveCapacity(twenty.count)
            var sum = 0.0
            var abs = 0.0
            for node in twenty {
                let x = centre + node.x * half
                let y = try f(x)
                guard y.isFinite else { throw PhysicsError.notConverged("Gauss-Legendre integrand is \(y) at \(x)") }
                values.append(y)
                sum += node.w * y
                abs += node.w * Swift.abs(y)
            }
            let mean = sum / 2
            let asc = zip(twenty, values).reduce(0) { $0 + $1.0.w * Swift.abs($1.1 - mean) }
            return (sum * half, abs * half, asc * half)
        }
        struct Interval {
            let lo, hi, left, right, error: Double
            var value: Double { left + right }
        }
        func split(_ lo: Double, _ hi: Double, whole: Double) throws -> Interval {
            let mid = lo + (hi - lo) / 2
            let l = try rule(lo, mid)
            let r = try rule(mid, hi)
            var error = Swift.abs(l.value + r.value - whole)
            let asc = l.asc + r.asc
            let abs = l.abs + r.abs
            if asc != 0 && error != 0 { error = asc * min(1, pow(200 * error / asc, 1.5)) }
            if abs > Double.leastNormalMagnitude / (50 * Double.ulpOfOne) {
                error = max(50 * Double.ulpOfOne * abs, error)
            }
            return Interval(lo: lo, hi: hi, left: l.value, right: r.value, error: error)
        }
        var intervals = [try split(a, b, whole: try rule(a, b).value)]
        while true {
            let total = intervals.reduce(0) { $0 + $1.value }
            let error = intervals.reduce(0) { $0 + $1.error }
            if error <= relativeTolerance * Swift.abs(total) { return total }
            guard intervals.count < maxIntervals,
                let worst = intervals.indices.max(by: { intervals[$0].error < intervals[$1].error })
            else {
                if error <= requiredTolerance * Swift.abs(total) { return total }
                throw PhysicsError.notConverged(
                    "Gauss-Legendre on [\(a), \(b)] reached \(intervals.count) intervals "
                        + "with error \(error) on \(total) (relative tolerance \(requiredTolerance))")
            }
            let w = intervals.remove(at: worst)
            let mid = w.lo + (w.hi - w.lo) / 2
            intervals.append(try split(w.lo, mid, whole: w.left))
            intervals.append(try split(mid, w.hi, whole: w.right))
        }
    }
}
