import CGSL

/// One-dimensional root bracketing on GSL's Brent solver.
public enum RootFinding {
    /// The x in [lower, upper] with f(x) = 0. f(lower) and f(upper) must have opposite signs
    /// (otherwise GSL reports EINVAL, which is thrown). Stops when the bracket is narrower than
    /// `absoluteTolerance + relativeTolerance * |x|` (gsl_root_test_interval).
    public static func brent(
        _ f: @escaping (Double) throws -> Double,
        lower: Double, upper: Double,
        absoluteTolerance: Double = 0,
        relativeTolerance: Double = 1e-13,
        maxIterations: Int = 200
    ) throws -> Double {
        guard lower.isFinite, upper.isFinite, lower < upper else {
            throw GSLError(
                routine: "gsl_root_fsolver_set", status: Int32(GSL_EINVAL),
                reason: "bracket must be finite with lower < upper, got [\(lower), \(upper)]")
        }
        GSLRuntime.prepare()
        guard let solver = gsl_root_fsolver_alloc(cgsl_root_brent()) else {
            throw GSLError(
                routine: "gsl_root_fsolver_alloc", status: Int32(GSL_ENOMEM),
                reason: "cannot allocate Brent solver")
        }
        defer { gsl_root_fsolver_free(solver) }
        return try withGSLFunction(f) { function in
            try check(
                gsl_root_fsolver_set(solver, &function, lower, upper), "gsl_root_fsolver_set",
                detail: "bracket [\(lower), \(upper)] does not straddle a root")
            for _ in 0..<maxIterations {
                try check(gsl_root_fsolver_iterate(solver), "gsl_root_fsolver_iterate")
                let lo = gsl_root_fsolver_x_lower(solver)
                let hi = gsl_root_fsolver_x_upper(solver)
                let status = gsl_root_test_interval(lo, hi, absoluteTolerance, relativeTolerance)
                if status == Int32(GSL_SUCCESS) { return gsl_root_fsolver_root(solver) }
                if status != Int32(GSL_CONTINUE) { try check(status, "gsl_root_test_interval") }
            }
            throw GSLError(
                routine: "gsl_root_fsolver_iterate", status: Int32(GSL_EMAXITER),
                reason: "no convergence in \(maxIterations) iterations")
        }
    }
}
