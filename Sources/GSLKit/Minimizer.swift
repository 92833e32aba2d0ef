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
    /// has not shrunk by 1% for `stagnationLimit` iterations: then f is flat to rounding across the
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
            throw GSLError(
                routine: "gsl_multimin_fminimizer_set", status: Int32(GSL_EBADLEN),
                reason: "start has \(start.count) components and steps \(steps.count)")
        }
        guard start.allSatisfy(\.isFinite), steps.allSatisfy({ $0.isFinite && $0 > 0 }) else {
            throw GSLError(
                routine: "gsl_multimin_fminimizer_set", status: Int32(GSL_EINVAL),
                reason: "start must be finite and steps positive")
        }
        GSLRuntime.prepare()
        let n = start.count
        guard let minimizer = gsl_multimin_fminimizer_alloc(cgsl_multimin_nmsimplex2(), n),
            let x = gsl_vector_alloc(n), let step = gsl_vector_alloc(n)
        else {
            throw GSLError(
                routine: "gsl_multimin_fminimizer_alloc", status: Int32(GSL_ENOMEM),
                reason: "cannot allocate simplex of dimension \(n)")
        }
        defer {
            gsl_multimin_fminimizer_free(minimizer)
            gsl_vector_free(x)
            gsl_vector_free(step)
        }
        for i in 0..<n {
            gsl_vector_set(x, i, start[i])
            gsl_vector_set(step, i, steps[i])
        }
        let box = Box(f)
        return try withExtendedLifetime(box) {
            var function = gsl_multimin_function(
                f: { v, params in
                    let box = Unmanaged<Box>.fromOpaque(params!).takeUnretainedValue()
                    if box.failure != nil { return .nan }
                    let point = (0..<v!.pointee.size).map { gsl_vector_get(v, $0) }
                    do {
                        let y = try box.body(point)
                        if !y.isFinite {
                            box.failure = NonFiniteValue(at: point.first ?? .nan, value: y)
                            return .nan
                        }
                        return y
                    } catch {
                        box.failure = error
                        return .nan
                    }
                },
                n: n,
                params: Unmanaged.passUnretained(box).toOpaque()
            )
            let setStatus = gsl_multimin_fminimizer_set(minimizer, &function, x, step)
            if let failure = box.failure { throw failure }
            try check(setStatus, "gsl_multimin_fminimizer_set")
            var smallestSize = Double.infinity
            var stalled = 0
            for iteration in 1...maxIterations {
                let status = gsl_multimin_fminimizer_iterate(minimizer)
                if let failure = box.failure { throw failure }
                try check(status, "gsl_multimin_fminimizer_iterate")
                let size = gsl_multimin_fminimizer_size(minimizer)
                // Progress is a shrink by 1% or more: at the rounding floor the size can creep down
                // by parts in 1e10 per iteration for ever.
                if size < 0.99 * smallestSize {
                    smallestSize = size
                    stalled = 0
                } else {
                    stalled += 1
                }
                if gsl_multimin_test_size(size, sizeTolerance) == Int32(GSL_SUCCESS) || stalled >= stagnationLimit {
                    let best = gsl_multimin_fminimizer_x(minimizer)
                    return Result(
                        point: (0..<n).map { gsl_vector_get(best, $0) },
                        value: gsl_multimin_fminimizer_minimum(minimizer), iterations: iteration)
                }
            }
            throw GSLError(
                routine: "gsl_multimin_fminimizer_iterate", status: Int32(GSL_EMAXITER),
                reason: "simplex did not shrink below \(sizeTolerance) in \(maxIterations) iterations")
        }
    }
}

extension Minimizer {
    private final class GradientBox {
        let value: ([Double]) throws -> Double
        let gradient: ([Double]) throws -> [Double]
        var failure: Error?
        init(_ value: @escaping ([Double]) throws -> Double, _ gradient: @escaping ([Double]) throws -> [Double]) {
            self.value = value
            self.gradient = gradient
        }
        func point(_ v: UnsafePointer<gsl_vector>?) -> [Double] { (0..<v!.pointee.size).map { gsl_vector_get(v, $0) } }
    }

    /// Minimises a smooth f with its gradient by GSL's BFGS (vector_bfgs2), stopping when the
    /// gradient norm falls below `gradientTolerance` (gsl_multimin_test_gradient).
    public static func bfgs(
        _ f: @escaping ([Double]) throws -> Double,
        gradient: @escaping ([Double]) throws -> [Double],
        start: [Double], stepSize: Double = 0.1, lineTolerance: Double = 0.1,
        gradientTolerance: Double = 1e-8, maxIterations: Int = 10_000
    ) throws -> Result {
        guard !start.isEmpty, start.allSatisfy(\.isFinite) else {
            throw GSLError(
                routine: "gsl_multimin_fdfminimizer_set", status: Int32(GSL_EINVAL),
                reason: "start must be a non-empty finite point")
        }
        GSLRuntime.prepare()
        let n = start.count
        guard
            let minimizer = gsl_multimin_fdfminimizer_alloc(
                cgsl_multimin_bfgs2(),
                n), let x = gsl_vector_alloc(n)
        else {
            throw GSLError(
                routine: "gsl_multimin_fdfminimizer_alloc", status: Int32(GSL_ENOMEM),
                reason: "cannot allocate BFGS of dimension \(n)")
        }
        defer {
            gsl_multimin_fdfminimizer_free(minimizer)
            gsl_vector_free(x)
        }
        for i in 0..<n { gsl_vector_set(x, i, start[i]) }
        let box = GradientBox(f, gradient)
        return try withExtendedLifetime(box) {
            var function = gsl_multimin_function_fdf(
                f: { v, params in
                    let box = Unmanaged<GradientBox>.fromOpaque(params!).takeUnretainedValue()
                    do { return try box.value(box.point(v)) } catch {
                        box.failure = error
                        return .nan
                    }
                },
                df: { v, params, g in
                    let box = Unmanaged<GradientBox>.fromOpaque(params!).takeUnretainedValue()
                    do { for (i, d) in try box.gradient(box.point(v)).enumerated() { gsl_vector_set(g, i, d) } } catch {
                        box.failure = error
                        for i in 0..<g!.pointee.size { gsl_vector_set(g, i, .nan) }
                    }
                },
                fdf: { v, params, value, g in
                    let box = Unmanaged<GradientBox>.fromOpaque(params!).takeUnretainedValue()
                    do {
                        let p = box.point(v)
                        value!.pointee = try box.value(p)
                        for (i, d) in try box.gradient(p).enumerated() { gsl_vector_set(g, i, d) }
                    } catch {
                        box.failure = error
                        value!.pointee = .nan
                    }
                },
                n: n, params: Unmanaged.passUnretained(box).toOpaque())
            let setStatus = gsl_multimin_fdfminimizer_set(minimizer, &function, x, stepSize, lineTolerance)
            if let failure = box.failure { throw failure }
            try check(setStatus, "gsl_multimin_fdfminimizer_set")
            for iteration in 1...maxIterations {
                let status = gsl_multimin_fdfminimizer_iterate(minimizer)
                if let failure = box.failure { throw failure }
                let done =
                    gsl_multimin_test_gradient(
                        gsl_multimin_fdfminimizer_gradient(minimizer),
                        gradientTolerance) == Int32(GSL_SUCCESS)
                // GSL_ENOPROG: no further progress is possible (the minimum is reached to rounding).
                if done || status == Int32(GSL_ENOPROG) {
                    let best = gsl_multimin_fdfminimizer_x(minimizer)
                    return Result(
                        point: (0..<n).map { gsl_vector_get(best, $0) },
                        value: gsl_multimin_fdfminimizer_minimum(minimizer), iterations: iteration)
                }
                try check(status, "gsl_multimin_fdfminimizer_iterate")
            }
            throw GSLError(
                routine: "gsl_multimin_fdfminimizer_iterate", status: Int32(GSL_EMAXITER),
                reason: "gradient did not fall below \(gradientTolerance) in \(maxIterations) iterations")
        }
    }
}
