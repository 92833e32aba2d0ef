import Foundation

/// A problem with a file the harness reads: the shipped releases, a user's copy of them, or the
/// package's own `Fixtures/` and `Reference/` folders. Each names the file.
public enum DataFileError: Error, CustomStringConvertible, Equatable {
    /// A file a command needs is not in the folder the user pointed at (exit 6).
    case absent(file: String, dataSet: String, hint: String)
    /// A file whose bytes are not those of the release (exit 5).
    case damaged(file: String, message: String)
    /// A malformed field of a file (exit 5).
    case field(file: String, field: String, message: String)

    public var description: String {
        switch self {
        case .absent(let file, let dataSet, let hint): return "\(file): not found (data set \(dataSet)); \(hint)"
        case .damaged(let file, let message): return "\(file): \(message)"
        case .field(let file, let field, let message): return "\(file): \(field): \(message)"
        }
    }
}
