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
        guard case .tolerance(let relative,
            let absolute) = agreement, let d = relativeDifference, let c = closedForm, let n = numerical,
              abs(n - c) > max(relative * abs(c), absolute) else { return nil }
        return String(format: "%@: closed form %.17g and numerical %.17g %@ differ by %.3e relative, beyond the documented (%@)",
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
        case .tolerance(let r, let a): return a > 0 ? String(format: "paths agree to %.0e relative or %.0e absolute",
            r, a)
                                                   : String(format: "paths agree to %.0e relative", r)
        case .byDesign(let why): return "paths differ by design: \(why)"
        }
    }
}

/// A quantity the harness can evaluate: name, meaning, units, inputs, and its two paths,
/// kept apart so that each can be timed on its own.
public struct Quantity: Sendable {
    public typealias Path = @Sendable (InputValues) throws -> Double
    public let name: String
    public let summary: String
    public let units: String
    public let inputs: [InputSpec]
    let closed: Path
    /// nil where the quantity is a closed formula with nothing to integrate, solve or minimise.
    let numerical: Path?
    /// Alternative closed forms (nue.dsigma: dev, general, shift).
    let forms: (@Sendable (InputValues) throws -> [String: Double])?
    /// The agreement the paths must reach at the given (used) inputs. The default 1e-8 covers
    /// every quadrature and root the paths use (each converged to ≤ 1e-10 relative).
    public let agreement: @Sendable ([String: String]) -> PathAgreement

    public static let defaultAgreement = PathAgreement.tolerance(relative: ToleranceClass.quadratureDefault,
        absolute: 0)

    init(_ name: String, _ summary: String, units: String, inputs: [InputSpec],
         closed: @escaping Path, numerical: Path?,
         forms: (@Sendable (InputValues) throws -> [String: Double])? = nil,
         agreement: @escaping @Sendable ([String: String]) -> PathAgreement = { _ in Quantity.defaultAgreement }) {
        self.agreement = agreement
        self.name = name
        self.summary = summary
        self.units = units
        self.inputs = inputs
        self.closed = closed
        self.numerical = numerical
        self.forms = forms
    }

    public var hasNumericalPath: Bool { numerical != nil }

    /// Checks `given` (key → text as on the command line) against the inputs.
    public func values(_ given: [String: String]) throws -> InputValues { try InputValues(given, specs: inputs) }

    /// The closed-form value alone (for the benchmark).
    public func closedForm(_ values: InputValues) throws -> Double { try finite(closed(values), "closed form", values) }

    /// The numerical value alone (for the benchmark); nil when there is no numerical path.
    public func numericalValue(_ values: InputValues) throws -> Double? {
        guard let numerical else { return nil }
        return try finite(numerical(values), "numerical", values)
    }

    /// Evaluates at `given` by both paths. Results must be finite: a NaN or infinity from
    /// either path is an error, never a number.
    public func evaluate(_ given: [String: String]) throws -> Evaluation {
        let v = try values(given)
        let c = try closedForm(v)
        let n = try numericalValue(v)
        var f: [String: Double] = [:]
        if let forms { for (key, value) in try forms(v) { f[key] = try finite(value, "form \(key)", v) } }
        if let unused = v.unusedInputs.first {
            throw InputError.conflicting("input '\(unused)' is not used by \(name) with these inputs (refused rather than ignored)")
        }
        let used = v.usedValues
        return Evaluation(quantity: name, inputs: used, closedForm: c, numerical: n, forms: f, units: units,
            agreement: agreement(used))
    }

    private func finite(_ x: Double, _ label: String, _ v: InputValues) throws -> Double {
        guard x.isFinite else { throw PhysicsError.unphysical("\(name): \(label) gave \(x) at \(v.raw.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " "))") }
        return x
    }
}
