import Foundation

/// Gauss-Legendre quadrature on [a, b]: Σ w_i f(x_i) with the n nodes of P_n, exact for
/// polynomials of degree 2n − 1. Used only where a quantity has no closed form, to integrate a
/// closed-form integrand (the numerical path integrates its own integrand with GSL).
public enum GaussLegendre {
    /// Nodes and weights on [−1, 1], by Newton's method on P_n from the Chebyshev-like guesses
    /// cos(π(i − ¼)/(n + ½)) (Numerical Recipes §4.6), to rounding.
    static func rule(_ n: Int) -> [(x: Double, w: Double)] {
        (1...n).map { i in
            var x = cos(Double.pi * (Double(i) - 0.25) / (Double(n) + 0.5)), derivative = 0.0
            for _ in 0..<100 {
                var p0 = 1.0, p1 = x
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
    public static func integrate(from a: Double, to b: Double, panels: Int,
        _ f: (Double) throws -> Double) rethrows -> Double {
        let width = (b - a) / Double(panels)
        var sum = 0.0
        for j in 0..<panels {
            let centre = a + (Double(j) + 0.5) * width
            for node in twenty { sum += node.w * (try f(centre + node.x * width / 2)) }
        }
        return sum * width / 2
    }
}
