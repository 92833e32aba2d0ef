import CGSL

/// Weighted linear least squares on GSL (gsl_multifit_wlinear: SVD of the column-balanced,
/// weighted design matrix, so no normal equations are formed).
public enum LinearLeastSquares {
    public struct Result: Sendable {
        /// The best-fit parameters c minimising Σ_i w_i (y_i − Σ_j X_ij c_j)².
        public let parameters: [Double]
        /// That minimum, as GSL computes it from the residuals.
        public let chi2: Double
    }

    /// `rows` is the design matrix X (n rows of p columns), `y` the observations and `weights`
    /// w_i ≥ 0 (1/σ_i² for Gaussian errors). Needs n ≥ p and finite entries.
    public static func fit(rows: [[Double]], y: [Double], weights: [Double]) throws -> Result {
        let n = rows.count
        let p = rows.first?.count ?? 0
        guard p > 0, n >= p, y.count == n, weights.count == n, rows.allSatisfy({ $0.count == p }) else {
            throw GSLError(
                routine: "gsl_multifit_wlinear", status: Int32(GSL_EBADLEN),
                reason: "design matrix \(n)×\(p) with \(y.count) observations and \(weights.count) weights")
        }
        guard rows.allSatisfy({ $0.allSatisfy(\.isFinite) }), y.allSatisfy(\.isFinite),
            weights.allSatisfy({ $0.isFinite && $0 >= 0 })
        else {
            throw GSLError(
                routine: "gsl_multifit_wlinear", status: Int32(GSL_EINVAL),
                reason: "non-finite design, observation or weight")
        }
        GSLRuntime.prepare()
        guard let x = gsl_matrix_alloc(n, p), let yv = gsl_vector_alloc(n), let w = gsl_vector_alloc(n),
            let c = gsl_vector_alloc(p), let cov = gsl_matrix_alloc(p, p),
            let work = gsl_multifit_linear_alloc(
                n,
                p)
        else {
            throw GSLError(
                routine: "gsl_multifit_linear_alloc", status: Int32(GSL_ENOMEM),
                reason: "cannot allocate a \(n)×\(p) fit")
        }
        defer {
            gsl_matrix_free(x)
            gsl_vector_free(yv)
            gsl_vector_free(w)
            gsl_vector_free(c)
            gsl_matrix_free(cov)
            gsl_multifit_linear_free(work)
        }
        for i in 0..<n {
            for j in 0..<p { gsl_matrix_set(x, i, j, rows[i][j]) }
            gsl_vector_set(yv, i, y[i])
            gsl_vector_set(w, i, weights[i])
        }
        var chi2 = 0.0
        try check(gsl_multifit_wlinear(x, w, yv, c, cov, &chi2, work), "gsl_multifit_wlinear")
        let parameters = (0..<p).map { gsl_vector_get(c, $0) }
        guard chi2.isFinite, parameters.allSatisfy(\.isFinite) else {
            throw GSLError(
                routine: "gsl_multifit_wlinear", status: Int32(GSL_ESING),
                reason: "non-finite fit (singular design)")
        }
        return Result(parameters: parameters, chi2: chi2)
    }
}
