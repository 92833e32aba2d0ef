/// The mediator type in the muon g−2 loop of 004 Eq. (59).
public enum Mediator: String, CaseIterable, Sendable {
    case vector, scalar

    public static func parse(_ text: String) throws -> Mediator {
        guard let m = Mediator(rawValue: text.lowercased()) else {
            throw PhysicsError.unknown("mediator '\(text)' (expected vector or scalar)")
        }
        return m
    }
}
