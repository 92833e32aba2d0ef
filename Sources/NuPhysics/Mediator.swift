/// The mediator type in the muon g−2 loop of 004 Eq. (59).
public enum Mediator: String, CaseIterable, Sendable, NamedChoice {
    case vector, scalar
    public static let inputName = "mediator"
}
