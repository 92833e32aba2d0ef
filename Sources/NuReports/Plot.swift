import Foundation
import NuPhysics
import NuRegistry
import NuValidation

/// Plots of a quantity against one of its inputs, drawn as SVG by the harness itself: the closed
/// form, the numerical path and the alternative closed forms as curves, optional comparison
/// curves (e.g. model=SM), and the golden fixture points that lie on the same slice.
public struct QuantityPlot {
    public typealias Curve = PlotCurve

    public let quantity: Quantity
    public let xName: String
    public let xUnit: String
    public let curves: [Curve]
    public let golden: [(id: String, x: Double, y: Double)]
    public let logX: Bool
    public let logY: Bool
    /// The inputs held fixed (given by the user), for the caption.
    public let fixed: [String: String]

    /// Evaluates `quantity` at `count` values of input `x` from `from` to `to` (text with units for
    /// energies), spaced logarithmically when `logX`. `comparisons` are extra input sets drawn as
    /// their own closed-form curves. Points where a path throws are left out of that curve; a plot
    /// with no point at all is an error.
    public init(
        quantity name: String, inputs: [String: String], x: String, from: String, to: String, count: Int = 120,
        logX: Bool, logY: Bool, comparisons: [[String: String]] = [], fixtures: [FixtureCase] = []
    ) throws {
        let q = try QuantityRegistry.named(name)
        guard let spec = q.inputs.first(where: { $0.name == x }) else {
            throw InputError.unknownKey(x, allowed: q.inputs.map(\.name))
        }
        guard
            (2...100_000)
                .contains(count)
        else { throw InputError.conflicting("--points must be 2 to 100000, got \(count)") }
        let isEnergy = spec.kind == .energy
        func parse(_ t: String) throws -> Double {
            isEnergy
                ? try UnitParser.energy(
                    t,
                    name: x) : try UnitParser.number(t, name: x)
        }
        let (a, b) = (try parse(from), try parse(to))
        guard a < b else {
            throw InputError.conflicting(
                "cannot draw: the range needs --from < --to, got \(from) to "
                    + "\(to)")
        }
        if logX, a <= 0 {
            throw InputError.conflicting(
                "cannot draw: a logarithmic x axis needs --from > 0, got "
                    + "\(from)")
        }
        let xs = (0..<count).map { i -> Double in
            let f = Double(i) / Double(count - 1)
            return logX ? exp(log(a) + f * (log(b) - log(a))) : a + f * (b - a)
        }
        func text(_ v: Double) -> String { isEnergy ? "\(v)MeV" : "\(v)" }
        // Every point of every curve must evaluate: a range past T_max or a comparison that
        // cannot be computed is refused with the first reason, not drawn as a silently cut curve.
        func evaluate(_ given: [String: String], _ xv: Double, curve: String) throws -> Evaluation {
            var inputs = given
            inputs[x] = text(xv)
            do { return try q.evaluate(inputs) } catch {
                throw InputError.conflicting("cannot draw \(curve) at \(x) = \(text(xv)): \(error)")
            }
        }
        var closed: [(Double, Double)] = []
        var numerical: [(Double, Double)] = []
        var forms:
            [String: [(
                Double,
                Double
            )]] = [:]
        for xv in xs {
            let e = try evaluate(inputs, xv, curve: "the curve")
            if let c = e.closedForm { closed.append((xv, c)) }
            if let n = e.numerical { numerical.append((xv, n)) }
            for (k, v) in e.forms { forms[k, default: []].append((xv, v)) }
        }
        var curves = [Curve(label: "closed form", points: closed)]
        if !numerical.isEmpty { curves.append(Curve(label: "numerical", points: numerical, dashed: true)) }
        for (k, v) in forms.sorted(by: { $0.key < $1.key }) { curves.append(Curve(label: "form \(k)", points: v)) }
        for comparison in comparisons {
            // model=SM: the mediator's inputs mean nothing there and are dropped.
            var given = inputs.merging(comparison) { _, new in new }
            if comparison["model"]?.lowercased() == "sm" {
                for key in given.keys
                where
                    ([
                        "g",
                        "mass",
                    ].contains(key) || key.hasPrefix("gV") || key.hasPrefix("gA")) && comparison[key] == nil
                {
                    given[key] = nil
                }
            }
            for key in comparison.keys where comparison[key] == "" { given[key] = nil }
            let label = comparison.map { $0.value.isEmpty ? "no \($0.key)" : "\($0.key)=\($0.value)" }.sorted()
                .joined(separator: ", ")
            let points = try xs.map { xv in
                (
                    xv,
                    try evaluate(
                        given, xv,
                        curve: "the comparison \(label)"
                    ).closedForm ?? .nan
                )
            }
            curves.append(Curve(label: label, points: points))
        }
        if logY, let bad = curves.first(where: { $0.points.contains { !($0.1 > 0) } }) {
            throw InputError.conflicting(
                "cannot draw '\(bad.label)' on a log y axis: it reaches "
                    + "\(bad.points.map(\.1).min()!) (drop --log-y)")
        }
        // Golden points of this quantity whose other inputs match the plot's.
        let base = try q.values(inputs).raw
        var golden: [(String, Double, Double)] = []
        for c in fixtures where c.quantity == name {
            guard case .golden(let expected, _, _, _) = c.kind, c.irreproducible == nil, let xt = c.inputs[x],
                let values = try? q.values(c.inputs), let xv = try? parse(xt)
            else { continue }
            var others = values.raw
            others[x] = nil
            var mine = base
            mine[x] = nil
            if others == mine, xv >= a, xv <= b, !logY || expected > 0 { golden.append((c.id, xv, expected)) }
        }
        self.quantity = q
        self.xName = x
        self.xUnit = isEnergy ? "MeV" : ""
        self.curves = curves
        self.fixed = inputs
        self.golden = golden
        self.logX = logX
        self.logY = logY
    }

}
