import CGSL

/// Derivative-free multidimensional minimisation on GSL's Nelder-Mead simplex (nmsimplex2).
public enum Minimizer {
    public struct Result: Sendable {
        public let point: [Double]
        public let value: Double
        public let iterations: Int
    }

    private final class Box {
        let body: ([Double]) throws -> Double
        var failure: Error?
        init(_ body: @escaping ([Double]) throws -> Double) { self.body = body }
    }

    /// Minimises f starting at `start` with initial step sizes `steps`; stops when the simplex
    /// characteristic size drops below `sizeTolerance` (gsl_multimin_test_size), or when the size
    /// has not decreased for `stagnationLimit` iterations: then f is flat to rounding across the
    /// simplex (near a minimum f varies as (Δx)², so below Δx ~ √ε_machine the simplex only
    /// oscillates) and the minimum is as well determined as double precision allows.
    public static func simplex(
        _ f: @escaping ([Double]) throws -> Double,
        start: [Double], steps: [Double],
        sizeTolerance: Double = 1e-10,
        maxIterations: Int = 10_000,
        stagnationLimit: Int = 50
    ) throws -> Result {
        guard !start.isEmpty, start.count == steps.count else {
            throw GSLError(routine: "gsl_multimin_fminimizer_set", status: Int32(GSL_EBADLEN),
                           reason: "start has \(start.count) components and steps \(steps.count)")
        }
        guard start.allSatisfy(\.isFinite), steps.allSatisfy({ $0.isFinite && $0 > 0 }) else {
            throw GSLError(routine: "gsl_multimin_fminimizer_set", status: Int32(GSL_EINVAL),
                           reason: "start must be finite and steps positive")
        }
        GSLRuntime.prepare()
        let n = start.count
        guard let minimizer = gsl_multimin_fminimizer_alloc(cgsl_multimin_nmsimplex2(), n),
              let x = gsl_vector_alloc(n), let step = gsl_vector_alloc(n) else {
            throw GSLError(routine: "gsl_multimin_fminimizer_alloc", status: Int32(GSL_ENOMEM), reason: "cannot allocate simplex of dimension \(n)")
        }
        defer { gsl_multimin_fminimizer_free(minimizer); gsl_vector_free(x); gsl_vector_free(step) }
        for i in 0..<n { gsl_vector_set(x, i, start[i]); gsl_vector_set(step, i, steps[i]) }
        let box = Box(f)
        return try withExtendedLifetime(box) {
            var function = gsl_multimin_function(
                f: { v, params in
                    let box = Unmanaged<Box>.fromOpaque(params!).takeUnretainedValue()
                    if box.failure != nil { return .nan }
                    let point = (0..<v!.pointee.size).map { gsl_vector_get(v, $0) }
                    do {
                        let y = try box.body(point)
                        if !y.isFinite { box.failure = NonFiniteValue(at: point.first ?? .nan, value: y); return .nan }
                        return y
                    } catch { box.failure = error; return .nan }
                },
                n: n,
                params: Unmanaged.passUnretained(box).toOpaque()
            )
            let setStatus = gsl_multimin_fminimizer_set(minimizer, &function, x, step)
            if let failure = box.failure { throw failure }
            try check(setStatus, "gsl_multimin_fminimizer_set")
            var smallestSize = Double.infinity, stalled = 0
            for iteration in 1...maxIterations {
                let status = gsl_multimin_fminimizer_iterate(minimizer)
                if let failure = box.failure { throw failure }
                try check(status, "gsl_multimin_fminimizer_iterate")
                let size = gsl_multimin_fminimizer_size(minimizer)
                if size < smallestSize { smallestSize = size; stalled = 0 } else { stalled += 1 }
                if gsl_multimin_test_size(size, sizeTolerance) == Int32(GSL_SUCCESS) || stalled >= stagnationLimit {
                    let best = gsl_multimin_fminimizer_x(minimizer)
                    return Result(point: (0..<n).map { gsl_vector_get(best, $0) },
                                  value: gsl_multimin_fminimizer_minimum(minimizer), iterations: iteration)
                }
            }
            throw GSLError(routine: "gsl_multimin_fminimizer_iterate", status: Int32(GSL_EMAXITER),
                           reason: "simplex did not shrink below \(sizeTolerance) in \(maxIterations) iterations")
        }
    }
}
