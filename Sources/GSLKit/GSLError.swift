import CGSL

/// A GSL routine that reported a non-success status, turned into a Swift error.
///
/// `routine` names the GSL function (for example `gsl_integration_qag`), `status` is the GSL
/// status code and `reason` its text from `gsl_strerror`, plus any detail we know.
public struct GSLError: Error, CustomStringConvertible, Equatable {
    public let routine: String
    public let status: Int32
    public let reason: String

    public init(routine: String, status: Int32, reason: String) {
        self.routine = routine
        self.status = status
        self.reason = reason
    }

    /// Builds the error for `status`, taking GSL's own description of it.
    public init(routine: String, status: Int32, detail: String? = nil) {
        let text = gsl_strerror(status).map { String(cString: $0) } ?? "unknown GSL status"
        self.init(routine: routine, status: status, reason: detail.map { "\(text) (\($0))" } ?? text)
    }

    public var description: String { "GSL \(routine) failed with status \(status): \(reason)" }
}

/// Throws `GSLError` unless `status` is `GSL_SUCCESS`.
@inlinable
func check(_ status: Int32, _ routine: String, detail: @autoclosure () -> String? = nil) throws {
    if status != Int32(GSL_SUCCESS) {
        throw GSLError(routine: routine, status: status, detail: detail())
    }
}
