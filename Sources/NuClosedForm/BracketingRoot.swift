import NuPhysics

/// A root of a continuous f on [lower, upper] where f changes sign, in pure Swift (the closed
/// path never calls GSL): bisection, which halves the bracket every step and so cannot stall.
/// Stops when the bracket is below `absoluteTolerance` + `relativeTolerance`·|x| or f is exactly 0;
/// 2000 halvings at the most (a Double bracket is exhausted long before), else `notConverged`.
public enum BracketingRoot {
    public static func bisect(
        _ f: (Double) throws -> Double, lower: Double, upper: Double,
        absoluteTolerance: Double = 0, relativeTolerance: Double = 1e-14
    ) throws -> Double {
        var (a, b) = (lower, upper)
        var fa = try f(a)
        let fb = try f(b)
        guard fa.isFinite, fb.isFinite else {
            throw PhysicsError.unphysical("root bracket [\(lower), \(upper)]: f is not finite at an end")
        }
        if fa == 0 { return a }
        if fb == 0 { return b }
        guard (fa < 0) != (fb < 0) else {
            throw PhysicsError.notApplicable("f does not change sign on [\(lower), \(upper)] (\(fa), \(fb))")
        }
        for _ in 0..<2000 {
            let m = a + (b - a) / 2
            if abs(b - a) <= absoluteTolerance + relativeTolerance * abs(m) || m == a || m == b { return m }
            let fm = try f(m)
            guard fm.isFinite else { throw PhysicsError.unphysical("root search: f(\(m)) = \(fm)") }
            if fm == 0 { return m }
            if (fm < 0) == (fa < 0) { (a, fa) = (m, fm) } else { b = m }
        }
        throw PhysicsError.notConverged("bisection on [\(lower), \(upper)] did not reach \(relativeTolerance)")
    }
}
