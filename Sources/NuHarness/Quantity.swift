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
}

/// |a − b|/|b|, or |a| when b = 0.
public func relativeDeviation(_ a: Double, _ b: Double) -> Double {
    b == 0 ? abs(a) : abs(a - b) / abs(b)
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

    init(_ name: String, _ summary: String, units: String, inputs: [InputSpec],
         closed: @escaping Path, numerical: Path?,
         forms: (@Sendable (InputValues) throws -> [String: Double])? = nil) {
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
        return Evaluation(quantity: name, inputs: v.usedValues, closedForm: c, numerical: n, forms: f, units: units)
    }

    private func finite(_ x: Double, _ label: String, _ v: InputValues) throws -> Double {
        guard x.isFinite else { throw PhysicsError.unphysical("\(name): \(label) gave \(x) at \(v.raw)") }
        return x
    }
}
