import Foundation
import NuPhysics

/// Plots of a quantity against one of its inputs, drawn as SVG by the harness itself: the closed
/// form, the numerical path and the alternative closed forms as curves, optional comparison
/// curves (e.g. model=SM), and the golden fixture points that lie on the same slice.
public struct QuantityPlot {
    public typealias Curve = SVGChart.Curve

    public let quantity: Quantity
    public let xName: String
    public let xUnit: String
    public let curves: [Curve]
    public let golden: [(id: String, x: Double, y: Double)]
    public let logX: Bool
    public let logY: Bool

    /// Evaluates `quantity` at `count` values of input `x` from `from` to `to` (text with units for
    /// energies), spaced logarithmically when `logX`. `comparisons` are extra input sets drawn as
    /// their own closed-form curves. Points where a path throws are left out of that curve; a plot
    /// with no point at all is an error.
    public init(quantity name: String, inputs: [String: String], x: String, from: String, to: String, count: Int = 120,
                logX: Bool, logY: Bool, comparisons: [[String: String]] = [], fixtures: [FixtureCase] = []) throws {
        let q = try QuantityRegistry.named(name)
        guard let spec = q.inputs.first(where: { $0.name == x }) else {
            throw InputError.unknownKey(x, allowed: q.inputs.map(\.name))
        }
        guard count >= 2 else { throw InputError.notANumber(name: "points", text: "\(count)") }
        let isEnergy = spec.kind == .energy
        func parse(_ t: String) throws -> Double { isEnergy ? try UnitParser.energy(t, name: x) : try UnitParser.number(t, name: x) }
        let (a, b) = (try parse(from), try parse(to))
        guard a < b else { throw PhysicsError.unphysical("plot range must have from < to, got \(from) to \(to)") }
        if logX, a <= 0 { throw PhysicsError.unphysical("a logarithmic x axis needs from > 0, got \(from)") }
        let xs = (0..<count).map { i -> Double in
            let f = Double(i) / Double(count - 1)
            return logX ? exp(log(a) + f * (log(b) - log(a))) : a + f * (b - a)
        }
        func text(_ v: Double) -> String { isEnergy ? "\(v)MeV" : "\(v)" }
        var closed: [(Double, Double)] = [], numerical: [(Double, Double)] = [], forms: [String: [(Double, Double)]] = [:]
        for xv in xs {
            var given = inputs; given[x] = text(xv)
            guard let e = try? q.evaluate(given) else { continue }
            if let c = e.closedForm { closed.append((xv, c)) }
            if let n = e.numerical { numerical.append((xv, n)) }
            for (k, v) in e.forms { forms[k, default: []].append((xv, v)) }
        }
        var curves = [Curve(label: "closed form", points: closed)]
        if !numerical.isEmpty { curves.append(Curve(label: "numerical", points: numerical)) }
        for (k, v) in forms.sorted(by: { $0.key < $1.key }) { curves.append(Curve(label: "form \(k)", points: v)) }
        for comparison in comparisons {
            var points: [(Double, Double)] = []
            for xv in xs {
                var given = inputs.merging(comparison) { _, new in new }; given[x] = text(xv)
                for key in comparison.keys where comparison[key] == "" { given[key] = nil }
                if let c = try? q.evaluate(given).closedForm { points.append((xv, c)) }
            }
            curves.append(Curve(label: comparison.map { "\($0.key)=\($0.value)" }.sorted().joined(separator: " "), points: points))
        }
        let filtered = curves.map { c in Curve(label: c.label, points: c.points.filter { !logY || $0.1 > 0 }) }
        guard filtered.contains(where: { !$0.points.isEmpty }) else {
            throw PhysicsError.unphysical("no point of \(name) could be evaluated (or was positive, on a log y axis) over \(from) to \(to)")
        }
        // Golden points of this quantity whose other inputs match the plot's.
        let base = try q.values(inputs).raw
        var golden: [(String, Double, Double)] = []
        for c in fixtures where c.quantity == name {
            guard case .golden(let expected, _, _, _) = c.kind, c.irreproducible == nil, let xt = c.inputs[x],
                  let values = try? q.values(c.inputs), let xv = try? parse(xt) else { continue }
            var others = values.raw; others[x] = nil
            var mine = base; mine[x] = nil
            if others == mine, xv >= a, xv <= b, !logY || expected > 0 { golden.append((c.id, xv, expected)) }
        }
        self.quantity = q
        self.xName = x
        self.xUnit = isEnergy ? "MeV" : ""
        self.curves = filtered
        self.golden = golden
        self.logX = logX
        self.logY = logY
    }

    /// The plot as a self-contained SVG document.
    public func svg(width: Double = 860, height: Double = 520) -> String {
        SVGChart(title: "\(quantity.name) against \(xName)",
                 xLabel: "\(xName)\(xUnit.isEmpty ? "" : " [\(xUnit)]")", yLabel: "\(quantity.name) [\(quantity.units)]",
                 curves: curves, points: golden.map { ($0.id, $0.x, $0.y) }, pointsLabel: "golden values",
                 logX: logX, logY: logY).svg(width: width, height: height)
    }
}

/// A line chart drawn as SVG by the harness: curves (the one labelled "numerical" dashed), marked
/// points, linear or log axes with decade ticks.
public struct SVGChart {
    public struct Curve {
        public let label: String
        public let points: [(Double, Double)]
        public init(label: String, points: [(Double, Double)]) { self.label = label; self.points = points }
    }
    public let title: String
    public let xLabel: String
    public let yLabel: String
    public let curves: [Curve]
    public let points: [(id: String, x: Double, y: Double)]
    public let pointsLabel: String
    public let logX: Bool
    public let logY: Bool

    public init(title: String, xLabel: String, yLabel: String, curves: [Curve], points: [(id: String, x: Double, y: Double)] = [],
                pointsLabel: String = "points", logX: Bool, logY: Bool) {
        self.title = title; self.xLabel = xLabel; self.yLabel = yLabel; self.curves = curves
        self.points = points; self.pointsLabel = pointsLabel; self.logX = logX; self.logY = logY
    }

    /// The plot as a self-contained SVG document.
    public func svg(width: Double = 860, height: Double = 520) -> String {
        let (left, right, top, bottom) = (90.0, 200.0, 40.0, 60.0)
        let all = curves.flatMap(\.points) + points.map { ($0.x, $0.y) }
        func tx(_ v: Double) -> Double { logX ? log10(v) : v }
        func ty(_ v: Double) -> Double { logY ? log10(v) : v }
        var (x0, x1) = (all.map { tx($0.0) }.min()!, all.map { tx($0.0) }.max()!)
        var (y0, y1) = (all.map { ty($0.1) }.min()!, all.map { ty($0.1) }.max()!)
        if x1 == x0 { x0 -= 0.5; x1 += 0.5 }
        if y1 == y0 { y0 -= abs(y0) * 0.1 + 0.5; y1 += abs(y1) * 0.1 + 0.5 }
        let pad = (y1 - y0) * 0.05; y0 -= pad; y1 += pad
        let plotW = width - left - right, plotH = height - top - bottom
        func px(_ v: Double) -> Double { left + (tx(v) - x0) / (x1 - x0) * plotW }
        func py(_ v: Double) -> Double { top + (1 - (ty(v) - y0) / (y1 - y0)) * plotH }
        func fmt(_ v: Double) -> String { String(format: "%.2f", v) }
        func label(_ t: Double, log: Bool) -> String { log ? "1e\(Int(t.rounded()))" : String(format: "%.4g", t) }
        func ticks(_ lo: Double, _ hi: Double, log: Bool) -> [Double] {
            if log { return Array(Int(ceil(lo))...max(Int(ceil(lo)), Int(floor(hi)))).map(Double.init).filter { $0 >= lo && $0 <= hi } }
            let step = pow(10, floor(log10((hi - lo) / 5)))
            let unit = [1.0, 2, 5, 10].first { (hi - lo) / ($0 * step) <= 7 }! * step
            return stride(from: ceil(lo / unit) * unit, through: hi, by: unit).map { $0 }
        }
        let colors = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#17becf"]
        var svg = ["<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(width))\" height=\"\(Int(height))\" viewBox=\"0 0 \(Int(width)) \(Int(height))\" font-family=\"sans-serif\" font-size=\"12\">",
                   "<title>\(Reports.xmlEscape(title))</title>",
                   "<rect x=\"0\" y=\"0\" width=\"\(Int(width))\" height=\"\(Int(height))\" fill=\"white\"/>",
                   "<rect x=\"\(fmt(left))\" y=\"\(fmt(top))\" width=\"\(fmt(plotW))\" height=\"\(fmt(plotH))\" fill=\"none\" stroke=\"black\"/>"]
        for t in ticks(x0, x1, log: logX) {
            let x = left + (t - x0) / (x1 - x0) * plotW
            svg.append("<line x1=\"\(fmt(x))\" y1=\"\(fmt(top + plotH))\" x2=\"\(fmt(x))\" y2=\"\(fmt(top + plotH + 5))\" stroke=\"black\"/>")
            svg.append("<text x=\"\(fmt(x))\" y=\"\(fmt(top + plotH + 18))\" text-anchor=\"middle\">\(label(t, log: logX))</text>")
        }
        for t in ticks(y0, y1, log: logY) {
            let y = top + (1 - (t - y0) / (y1 - y0)) * plotH
            svg.append("<line x1=\"\(fmt(left - 5))\" y1=\"\(fmt(y))\" x2=\"\(fmt(left))\" y2=\"\(fmt(y))\" stroke=\"black\"/>")
            svg.append("<text x=\"\(fmt(left - 8))\" y=\"\(fmt(y + 4))\" text-anchor=\"end\">\(label(t, log: logY))</text>")
        }
        svg.append("<text x=\"\(fmt(left + plotW / 2))\" y=\"\(fmt(height - 15))\" text-anchor=\"middle\">\(Reports.xmlEscape(xLabel))\(logX ? " (log)" : "")</text>")
        svg.append("<text transform=\"translate(20 \(fmt(top + plotH / 2))) rotate(-90)\" text-anchor=\"middle\">\(Reports.xmlEscape(yLabel))\(logY ? " (log)" : "")</text>")
        for (i, curve) in curves.enumerated() where !curve.points.isEmpty {
            let color = colors[i % colors.count]
            let dash = curve.label == "numerical" ? " stroke-dasharray=\"6 4\"" : ""
            let points = curve.points.map { "\(fmt(px($0.0))),\(fmt(py($0.1)))" }.joined(separator: " ")
            svg.append("<polyline class=\"curve\" data-label=\"\(Reports.xmlEscape(curve.label))\" fill=\"none\" stroke=\"\(color)\" stroke-width=\"1.6\"\(dash) points=\"\(points)\"/>")
            let ly = top + 14 + Double(i) * 18
            svg.append("<line x1=\"\(fmt(width - right + 12))\" y1=\"\(fmt(ly))\" x2=\"\(fmt(width - right + 36))\" y2=\"\(fmt(ly))\" stroke=\"\(color)\" stroke-width=\"2\"\(dash)/>")
            svg.append("<text x=\"\(fmt(width - right + 42))\" y=\"\(fmt(ly + 4))\">\(Reports.xmlEscape(curve.label))</text>")
        }
        for g in points {
            svg.append("<circle class=\"golden\" data-case=\"\(Reports.xmlEscape(g.id))\" cx=\"\(fmt(px(g.x)))\" cy=\"\(fmt(py(g.y)))\" r=\"4.5\" fill=\"none\" stroke=\"black\" stroke-width=\"1.5\"/>")
        }
        if !points.isEmpty {
            let ly = top + 14 + Double(curves.count) * 18
            svg.append("<circle cx=\"\(fmt(width - right + 24))\" cy=\"\(fmt(ly))\" r=\"4.5\" fill=\"none\" stroke=\"black\" stroke-width=\"1.5\"/>")
            svg.append("<text x=\"\(fmt(width - right + 42))\" y=\"\(fmt(ly + 4))\">\(Reports.xmlEscape(pointsLabel))</text>")
        }
        svg.append("</svg>")
        return svg.joined(separator: "\n") + "\n"
    }
}
