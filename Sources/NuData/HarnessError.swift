/// Errors of the harness itself (as opposed to the physics): malformed fixtures and references,
/// unknown quantities. Each names the file and the field it is about.
public enum HarnessError: Error, Equatable, CustomStringConvertible {
    /// A fixture or reference file that is missing, empty or malformed.
    case file(path: String, field: String?, message: String)
    /// A quantity the registry does not know.
    case unknownQuantity(String, known: [String])

    public var description: String {
        switch self {
        case .file(let path, let field, let message):
            return field.map { "\(path): field '\($0)': \(message)" } ?? "\(path): \(message)"
        case .unknownQuantity(let name, let known):
            return "unknown quantity '\(name)' (known: \(known.joined(separator: ", ")))"
        }
    }
}
