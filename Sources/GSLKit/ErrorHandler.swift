import CGSL

/// GSL's default error handler calls `abort()`. Every entry point of GSLKit touches
/// `GSLRuntime.ready` first, which switches the handler off exactly once per process
/// (a global `let` is initialised lazily and atomically); from then on GSL only
/// returns status codes, which GSLKit turns into thrown `GSLError`s.
public enum GSLRuntime {
    public static let ready: Bool = {
        _ = gsl_set_error_handler_off()
        return true
    }()

    /// Call before any GSL routine. Cheap after the first call.
    @inline(__always)
    public static func prepare() {
        precondition(ready)
    }
}
