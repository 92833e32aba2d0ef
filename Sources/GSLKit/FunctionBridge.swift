import CGSL

/// Holds a Swift closure for the duration of one GSL call and records the first error the
/// closure throws (or the first non-finite value it returns), so it can be rethrown after
/// GSL returns. The box is kept alive with `withExtendedLifetime` around the call, so the
/// raw pointer handed to GSL never dangles.
final class ClosureBox {
    let body: (Double) throws -> Double
    var failure: Error?

    init(_ body: @escaping (Double) throws -> Double) { self.body = body }

    func evaluate(_ x: Double) -> Double {
        if failure != nil { return .nan }
        do {
            let y = try body(x)
            if !y.isFinite {
                failure = NonFiniteValue(at: x, value: y)
                return .nan
            }
            return y
        } catch {
            failure = error
            return .nan
        }
    }
}

/// A closure passed to GSL returned NaN or infinity.
public struct NonFiniteValue: Error, CustomStringConvertible {
    public let at: Double
    public let value: Double
    public var description: String { "function returned \(value) at x = \(at)" }
}

/// Runs `call` with a `gsl_function` that evaluates `body`; the closure and its box stay alive
/// for the whole call. Errors raised inside `body` are rethrown in preference to the GSL
/// status they caused.
func withGSLFunction<R>(
    _ body: @escaping (Double) throws -> Double,
    _ call: (inout gsl_function) throws -> R
) throws -> R {
    GSLRuntime.prepare()
    let box = ClosureBox(body)
    return try withExtendedLifetime(box) {
        var function = gsl_function(
            function: { x, params in
                Unmanaged<ClosureBox>.fromOpaque(params!).takeUnretainedValue().evaluate(x)
            },
            params: Unmanaged.passUnretained(box).toOpaque()
        )
        do {
            let result = try call(&function)
            if let failure = box.failure { throw failure }
            return result
        } catch {
            if let failure = box.failure { throw failure }
            throw error
        }
    }
}
