import CGSL

/// A square linear system A x = b by GSL's LU decomposition with partial pivoting
/// (gsl_linalg_LU_decomp, gsl_linalg_LU_solve). A singular or near-singular A is an error, not a
/// least-norm answer: the smallest pivot must exceed 1e-12 of the largest.
public enum LinearSolve {
    public static func solve(_ rows: [[Double]], _ b: [Double]) throws -> [Double] {
        let n = rows.count
        guard n > 0, b.count == n, rows.allSatisfy({ $0.count == n }) else {
            throw GSLError(
                routine: "gsl_linalg_LU_decomp", status: Int32(GSL_EBADLEN),
                reason: "a square system needs n×n rows and n right-hand sides, got \(n) rows and \(b.count)")
        }
        guard rows.allSatisfy({ $0.allSatisfy(\.isFinite) }), b.allSatisfy(\.isFinite) else {
            throw GSLError(routine: "gsl_linalg_LU_decomp", status: Int32(GSL_EINVAL), reason: "non-finite entry")
        }
        GSLRuntime.prepare()
        guard let a = gsl_matrix_alloc(n, n), let p = gsl_permutation_alloc(n), let bv = gsl_vector_alloc(n),
            let x = gsl_vector_alloc(n)
        else {
            throw GSLError(routine: "gsl_matrix_alloc", status: Int32(GSL_ENOMEM), reason: "cannot allocate \(n)×\(n)")
        }
        defer {
            gsl_matrix_free(a)
            gsl_permutation_free(p)
            gsl_vector_free(bv)
            gsl_vector_free(x)
        }
        for i in 0..<n {
            for j in 0..<n { gsl_matrix_set(a, i, j, rows[i][j]) }
            gsl_vector_set(bv, i, b[i])
        }
        var signum: Int32 = 0
        try check(gsl_linalg_LU_decomp(a, p, &signum), "gsl_linalg_LU_decomp")
        let pivots = (0..<n).map { abs(gsl_matrix_get(a, $0, $0)) }
        guard let largest = pivots.max(), largest > 0, pivots.min()! > 1e-12 * largest else {
            throw GSLError(
                routine: "gsl_linalg_LU_decomp", status: Int32(GSL_ESING),
                reason: "the system is singular (pivots \(pivots)): its solution is not unique")
        }
        try check(gsl_linalg_LU_solve(a, p, bv, x), "gsl_linalg_LU_solve")
        let solution = (0..<n).map { gsl_vector_get(x, $0) }
        guard solution.allSatisfy(\.isFinite) else {
            throw GSLError(routine: "gsl_linalg_LU_solve", status: Int32(GSL_ESING), reason: "non-finite solution")
        }
        return solution
    }
}
