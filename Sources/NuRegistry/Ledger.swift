/// What a quantity's two paths are and what they share: the README's independence claim made
/// per quantity and checked. `closedForm` and `numerical` name the code of each path as
/// `Module.Type.member`; a test finds each in `Sources/<Module>/` and checks that the closed path
/// lives in `NuClosedForm` (or a stated shared module) and the numerical path on GSL.
public struct Ledger: Sendable, Equatable {
    /// One thing both paths use.
    public struct Shared: Sendable, Equatable {
        public enum Kind: String, Sendable, CaseIterable {
            /// Constants, couplings, charges, model definitions (`NuPhysics`).
            case physicsInputs
            /// Nuclear masses, radii, abundances and densities (`NuPhysics.NuclearData`).
            case nuclearData
            /// A data set read from `Reference/releases/` or `Reference/*.json`.
            case data
            /// A detector response or flux table folded once and used by both paths.
            case response
            /// A root finder, minimiser or quadrature both paths call (a stated shared solver).
            case solver
            /// A scan over a parameter that both paths' values go through.
            case scan
            /// Input decoding and kinematic bounds (`NuRegistry`, `NuPhysics.Kinematics`).
            case inputs
        }
        public let kind: Kind
        public let what: String
    }

    public let closedForm: [String]
    public let numerical: [String]
    public let shared: [Shared]

    /// The paths of a quantity: the code each calls, and what they share beyond the decoded inputs.
    public init(closed: [String], numerical: [String], shared: [(Shared.Kind, String)]) {
        self.closedForm = closed
        self.numerical = numerical
        self.shared = shared.map { Shared(kind: $0.0, what: $0.1) }
    }
}
