import NuPhysics

/// The small dense systems of the χ² minimisations (nine nuisances at most).
enum LinearSystem {
    /// Gaussian elimination with partial pivoting for the small, symmetric positive-definite system.
    static func solve(_ matrix: [[Double]], _ rhs: [Double]) throws -> [Double] {
        var a = matrix, b = rhs
        let n = b.count
        for col in 0..<n {
            let pivot = (col..<n).max { abs(a[$0][col]) < abs(a[$1][col]) }!
            guard abs(a[pivot][col]) > 0 else { throw PhysicsError.notApplicable("singular linear system in a χ² "
                + "minimisation") }
            a.swapAt(col, pivot); b.swapAt(col, pivot)
            for row in (col + 1)..<n {
                let f = a[row][col] / a[col][col]
                for c in col..<n { a[row][c] -= f * a[col][c] }
                b[row] -= f * b[col]
            }
        }
        var x = Array(repeating: 0.0, count: n)
        for row in stride(from: n - 1, through: 0, by: -1) {
            var s = b[row]
            for c in (row + 1)..<n { s -= a[row][c] * x[c] }
            x[row] = s / a[row][row]
        }
        return x
    }
}
