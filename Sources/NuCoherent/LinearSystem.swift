import NuPhysics

/// The small dense systems of the χ² minimisations (nine nuisances at most).
enum LinearSystem {
    /// Gaussian elimination with partial pivoting for the small, symmetric positive-definite system.
    static func solve(_ matrix: [[Double]], _ rhs: [Double]) throws -> [Double] {
        let n = rhs.count
        var a = matrix.flatMap { $0 }
        var x = rhs
        try a.withUnsafeMutableBufferPointer { a in
            try x.withUnsafeMutableBufferPointer { x in try solveInPlace(a.baseAddress!, x.baseAddress!, n) }
        }
        return x
    }

    /// The same elimination in place, without allocating: `a` is the n × n matrix row-major (destroyed),
    /// `b` the right-hand side on entry and the solution on return (the arithmetic of `solve`,
    /// operation by operation, so both give the same bits).
    static func solveInPlace(_ a: UnsafeMutablePointer<Double>, _ b: UnsafeMutablePointer<Double>, _ n: Int) throws {
        for col in 0..<n {
            // The first row with the largest |a[row][col]| (as `max(by:)` picks it).
            var pivot = col
            for row in (col + 1)..<n where abs(a[pivot * n + col]) < abs(a[row * n + col]) { pivot = row }
            guard abs(a[pivot * n + col]) > 0 else {
                throw PhysicsError.notApplicable(
                    "singular linear system in a χ² "
                        + "minimisation")
            }
            if pivot != col {
                for c in 0..<n { swap(&a[col * n + c], &a[pivot * n + c]) }
                swap(&b[col], &b[pivot])
            }
            for row in (col + 1)..<n {
                let f = a[row * n + col] / a[col * n + col]
                for c in col..<n { a[row * n + c] -= f * a[col * n + c] }
                b[row] -= f * b[col]
            }
        }
        // Back substitution, overwriting b with x from the last row up (b[row] is read before it is
        // written, and only solved x[c], c > row, are used).
        for row in stride(from: n - 1, through: 0, by: -1) {
            var s = b[row]
            for c in (row + 1)..<n { s -= a[row * n + c] * b[c] }
            b[row] = s / a[row * n + row]
        }
    }
}
