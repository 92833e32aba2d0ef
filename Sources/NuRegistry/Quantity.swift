import NuCoherent
import NuPhysics

/// The result of evaluating one quantity by both paths. Values are in `units`; `numerical` is
/// nil where the quantity is a closed formula with nothing to integrate, solve or minimise.
public struct Evaluation: Sendable {
    public let quantity: String
    public let inputs: [String: String]
    public let closedForm: Double?
    public let numerical: Double?
    /// Alternative closed forms of the same quantity (nue.dsigma: dev, general, shift).
    public let forms: [String: Double]
    public let units: String

    /// |numerical − closedForm| / |closedForm|, when both exist.
    public var relativeDifference: Double? {
        guard let c = closedForm, let n = numerical else { return nil }
        return relativeDeviation(n, c)
    }

    /// The documented agreement of the two paths at these inputs.
    public let agreement: PathAgreement

    /// Why the paths disagree beyond their documented tolerance, or nil when they agree (or
    /// differ by design, or there is one path).
    public var disagreement: String? {
        guard
            case .tolerance(
                let relative,
                let absolute) = agreement, let d = relativeDifference, let c = closedForm, let n = numerical,
            abs(n - c) > max(relative * abs(c), absolute)
        else { return nil }
        return String(
            format: "%@: closed form %.17g and numerical %.17g %@ differ by %.3e relative, beyond the "
                + "documented (%@)",
            quantity, c, n, units, d, agreement.summary)
    }
}

/// |a − b|/|b|, or |a| when b = 0.
public func relativeDeviation(_ a: Double, _ b: Double) -> Double {
    b == 0 ? abs(a) : abs(a - b) / abs(b)
}

/// How closely a quantity's two paths must agree.
public enum PathAgreement: Sendable, Equatable {
    /// |numerical − closed| ≤ max(relative·|closed|, absolute), absolute in the quantity's units:
    /// each path's own accuracy, with margin (the absolute part for a quadrature whose value can
    /// fall below its absolute error, like a form factor far in its tail).
    case tolerance(relative: Double, absolute: Double)
    /// The paths compute different things on purpose (a printed approximation vs the exact
    /// value): their difference is the finding, not a failure.
    case byDesign(String)

    public var summary: String {
        switch self {
        case .tolerance(let r, let a):
            return a > 0
                ? String(
                    format: "paths agree to %.0e relative or %.0e absolute",
                    r, a)
                : String(format: "paths agree to %.0e relative", r)
        case .byDesign(let why): return "paths differ by design: \(why)"
        }
    }
}

/// A quantity the harness can evaluate: name, meaning, units, inputs, its two paths and the
/// ledger of what they share. The inputs are decoded once into a typed value (`decode` validates
/// every key, unit, range and word), and that value is handed to each path, so the two paths
/// never see text and never decode twice.
public struct Quantity: Sendable {
    /// One evaluation's paths, bound to their decoded inputs (each can be timed on its own).
    public struct Prepared {
        public let closedForm: () throws -> Double
        /// nil where the quantity is a closed formula with nothing to integrate, solve or minimise.
        public let numerical: (() throws -> Double)?
        /// Alternative closed forms (nue.dsigma: dev, general, shift).
        public let forms: (() throws -> [String: Double])?
    }

    public let name: String
    public let summary: String
    public let units: String
    public let inputs: [InputSpec]
    public let ledger: Ledger
    public let hasNumericalPath: Bool
    private let prepare: @Sendable (InputValues) throws -> Prepared
    /// The agreement the paths must reach at the given (used) inputs. The default 1e-8 covers
    /// every quadrature and root the paths use (each converged to ≤ 1e-10 relative).
    public let agreement: @Sendable ([String: String]) -> PathAgreement

    public static let defaultAgreement = PathAgreement.tolerance(
        relative: ToleranceClass.quadratureDefault,
        absolute: 0)

    /// A quantity whose inputs decode into `Input`, handed to both paths.
    init<Input>(
        _ name: String, _ summary: String, units: String, inputs: [InputSpec],
        decode: @escaping @Sendable (InputValues) throws -> Input,
        closed: @escaping @Sendable (Input) throws -> Double,
        numerical: (@Sendable (Input) throws -> Double)?,
        forms: (@Sendable (Input) throws -> [String: Double])? = nil,
        ledger: Ledger,
        agreement: @escaping @Sendable ([String: String]) -> PathAgreement = { _ in
            Quantity.defaultAgreement
        }
    ) {
        self.name = name
        self.summary = summary
        self.units = units
        self.inputs = inputs
        self.ledger = ledger
        self.agreement = agreement
        self.hasNumericalPath = numerical != nil
        self.prepare = { values in
            let input = try decode(values)
            return Prepared(
                closedForm: { try closed(input) }, numerical: numerical.map { n in { try n(input) } },
                forms: forms.map { f in { try f(input) } })
        }
    }

    /// Checks `given` (key → text as on the command line) against the inputs.
    public func values(_ given: [String: String], context: CoherentContext = .shared) throws -> InputValues {
        try InputValues(given, specs: inputs, context: context)
    }

    /// Decodes `given` once and binds both paths to it, each result checked finite. An input that
    /// was given but that decoding did not read is refused here, before any path runs.
    public func prepared(
        _ given: [String: String],
        context: CoherentContext = .shared
    ) throws -> (Prepared, InputValues) {
        let v = try values(given, context: context)
        let p = try prepare(v)
        // Decoding reads every input either path uses; whatever is left was given and is not used.
        if let unused = v.unusedInputs.first {
            throw InputError.conflicting(
                "input '\(unused)' is not used by \(name) with these inputs (refused rather "
                    + "than ignored)")
        }
        let label = v.raw.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        func finite(_ x: Double, _ what: String) throws -> Double {
            guard x.isFinite else { throw PhysicsError.unphysical("\(name): \(what) gave \(x) at \(label)") }
            return x
        }
        let checked = Prepared(
            closedForm: { try finite(try p.closedForm(), "closed form") },
            numerical: p.numerical.map { n in { try finite(try n(), "numerical") } },
            forms: p.forms.map { f in
                {
                    var out: [String: Double] = [:]
                    for (key, value) in try f() { out[key] = try finite(value, "form \(key)") }
                    return out
                }
            })
        return (checked, v)
    }

    /// Evaluates at `given` by both paths. Results must be finite: a NaN or infinity from
    /// either path is an error, never a number.
    public func evaluate(_ given: [String: String], context: CoherentContext = .shared) throws -> Evaluation {
        let (p, v) = try prepared(given, context: context)
        let c = try p.closedForm()
        let n = try p.numerical?()
        let f = try p.forms?() ?? [:]
        let used = v.usedValues
        return Evaluation(
            quantity: name, inputs: used, closedForm: c, numerical: n, forms: f, units: units,
            agreement: agreement(used))
    }
}
