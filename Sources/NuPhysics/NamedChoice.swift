/// A closed set of named options read from text (mediator kinds, nucleons, form factors, ...).
public protocol NamedChoice: CaseIterable, RawRepresentable where RawValue == String {
    /// What the option is called in error messages ("formFactor").
    static var inputName: String { get }
}

extension NamedChoice {
    /// The case whose raw value matches `text` case-insensitively; otherwise `.unknown` listing the options.
    public static func parse(_ text: String) throws -> Self {
        guard let match = allCases.first(where: { $0.rawValue.lowercased() == text.lowercased() }) else {
            throw PhysicsError.unknown(
                "\(inputName) '\(text)' (expected \(allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        return match
    }
}
