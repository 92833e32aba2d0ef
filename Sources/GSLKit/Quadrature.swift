import CGSL

/// Adaptive quadrature on GSL's QUADPACK routines.
///
/// Each call allocates its own workspace (GSL workspaces are not thread-safe) and frees it
/// before returning. Tolerances are GSL's: the routine stops when the error estimate is below
/// `max(absoluteTolerance, relativeTolerance * |result|)`.
public enum Quadrature {
    public struct Result: Sendable {
        public let value: Double
        public let errorEstimate: Double
    }

    /// Default subinterval limit for the adaptive routines.
    public static let defaultLimit = 1000

    /// ∫_a^b f(x) dx by QAGS (adaptive, with extrapolation; tolerates integrable end-point
    /// singularities), or QAGP when `breakpoints` inside (a, b) are given.
    public static func integrate(
        _ f: @escaping (Double) throws -> Double,
        from a: Double, to b: Double,
        breakpoints: [Double] = [],
        absoluteTolerance: Double = 0,
        relativeTolerance: Double = 1e-12,
        limit: Int = defaultLimit
    ) throws -> Result {
        guard a.isFinite, b.isFinite else {
            throw GSLError(
                routine: "gsl_integration_qags", status: Int32(GSL_EINVAL),
                reason: "integration limits must be finite, got [\(a), \(b)]; use integrateToInfinity")
        }
        if a == b { return Result(value: 0, errorEstimate: 0) }
        let (lo, hi, sign) = a < b ? (a, b, 1.0) : (b, a, -1.0)
        let inner = Array(Set(breakpoints.filter { $0 > lo && $0 < hi })).sorted()
        let workspace = try allocateWorkspace(limit)
        defer { gsl_integration_workspace_free(workspace) }
        var value = 0.0
        var error = 0.0
        try withGSLFunction(f) { function in
            if inner.isEmpty {
                let status = gsl_integration_qags(
                    &function, lo, hi, absoluteTolerance, relativeTolerance,
                    limit, workspace, &value, &error)
                try check(status, "gsl_integration_qags", detail: "on [\(lo), \(hi)]")
            } else {
                var points = [lo] + inner + [hi]
                let status = gsl_integration_qagp(
                    &function, &points, points.count, absoluteTolerance,
                    relativeTolerance, limit, workspace, &value, &error)
                try check(status, "gsl_integration_qagp", detail: "on [\(lo), \(hi)] with \(inner.count) break points")
            }
        }
        return Result(value: sign * value, errorEstimate: error)
    }

    /// ∫_a^∞ f(x) dx by QAGIU (maps the semi-infinite range onto (0, 1]).
    public static func integrateToInfinity(
        _ f: @escaping (Double) throws -> Double,
        from a: Double,
        absoluteTolerance: Double = 0,
        relativeTolerance: Double = 1e-12,
        limit: Int = defaultLimit
    ) throws -> Result {
        guard a.isFinite else {
            throw GSLError(
                routine: "gsl_integration_qagiu", status: Int32(GSL_EINVAL),
                reason: "lower limit must be finite, got \(a)")
        }
        let workspace = try allocateWorkspace(limit)
        defer { gsl_integration_workspace_free(workspace) }
        var value = 0.0
        var error = 0.0
        try withGSLFunction(f) { function in
            let status = gsl_integration_qagiu(
                &function, a, absoluteTolerance, relativeTolerance,
                limit, workspace, &value, &error)
            try check(status, "gsl_integration_qagiu", detail: "on [\(a), ∞)")
        }
        return Result(value: value, errorEstimate: error)
    }

    /// ∫_a^b f(x) dx by QAG with a fixed Gauss-Kronrod rule (`points` = 15, 21, 31, 41, 51 or 61).
    /// A second, independent rule for cross-checks where the first one is QAGS.
    public static func integrateGaussKronrod(
        _ f: @escaping (Double) throws -> Double,
        from a: Double, to b: Double,
        points: Int = 61,
        absoluteTolerance: Double = 0,
        relativeTolerance: Double = 1e-12,
        limit: Int = defaultLimit
    ) throws -> Result {
        let keys: [Int: Int32] = [15: 1, 21: 2, 31: 3, 41: 4, 51: 5, 61: 6]
        guard let key = keys[points] else {
            throw GSLError(
                routine: "gsl_integration_qag", status: Int32(GSL_EINVAL),
                reason: "no Gauss-Kronrod rule with \(points) points")
        }
        if a == b { return Result(value: 0, errorEstimate: 0) }
        let workspace = try allocateWorkspace(limit)
        defer { gsl_integration_workspace_free(workspace) }
        var value = 0.0
        var error = 0.0
        try withGSLFunction(f) { function in
            let status = gsl_integration_qag(
                &function, a, b, absoluteTolerance, relativeTolerance,
                limit, key, workspace, &value, &error)
            try check(status, "gsl_integration_qag", detail: "on [\(a), \(b)], GK\(points)")
        }
        return Result(value: value, errorEstimate: error)
    }

    private static func allocateWorkspace(_ limit: Int) throws -> UnsafeMutablePointer<gsl_integration_workspace> {
        GSLRuntime.prepare()
        guard limit > 0, let workspace = gsl_integration_workspace_alloc(limit) else {
            throw GSLError(
                routine: "gsl_integration_workspace_alloc", status: Int32(GSL_ENOMEM),
                reason: "cannot allocate workspace of \(limit) intervals")
        }
        return workspace
    }
}
