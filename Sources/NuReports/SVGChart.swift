import Foundation
import NuAnalyses
import NuRegistry
import NuValidation

/// A line chart as a self-contained SVG document, drawn to be put on a slide: a title and a
/// caption (the fixed inputs), axes with labelled ticks (log axes: labelled decades with minor
/// ticks, or 1-2-5 labels when they span less than a decade), a legend sized to its labels,
/// coincident curves merged into one legend entry, reference curves dashed and clipped to the
/// plot, the region above an `excludedAbove` curve shaded, and golden points as circles. Nothing
/// is drawn outside the canvas.
public struct SVGChart {
    public typealias Curve = PlotCurve
    public let title: String
    public let caption: String
    public let xLabel: String
    public let yLabel: String
    public let curves: [Curve]
    public let points: [(id: String, x: Double, y: Double)]
    public let pointsLabel: String
    public let logX: Bool
    public let logY: Bool

    public init(
        title: String, caption: String = "", xLabel: String, yLabel: String, curves: [Curve],
        points: [(
            id: String, x: Double,
            y: Double
        )] = [], pointsLabel: String = "points", logX: Bool, logY: Bool
    ) {
        self.title = title
        self.caption = caption
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.curves = curves
        self.points = points
        self.pointsLabel = pointsLabel
        self.logX = logX
        self.logY = logY
    }

    static let characterWidth = 7.0  // px per character at font-size 12 (sans-serif, generous)

    /// Curves whose points coincide (to 1e-9 relative) become one legend entry "a = b".
    static func merged(_ curves: [Curve]) -> [(curve: Curve, label: String)] {
        var groups: [(curve: Curve, labels: [String])] = []
        for c in curves where !c.points.isEmpty {
            if let i = groups.firstIndex(where: { g in
                g.curve.role == c.role && g.curve.points.count == c.points.count
                    && zip(g.curve.points, c.points).allSatisfy {
                        a,
                        b in a.0 == b.0 && abs(a.1 - b.1) <= 1e-9 * max(abs(a.1), abs(b.1))
                    }
            }) {
                groups[i].labels.append(c.label)
            } else {
                groups.append((c, [c.label]))
            }
        }
        return groups.map { ($0.curve, $0.labels.joined(separator: " = ")) }
    }

    /// Tick positions in axis units (log10 for a log axis): (value, label or nil for a minor tick).
    static func ticks(_ lo: Double, _ hi: Double, log: Bool) -> [(Double, String?)] {
        func linear(_ lo: Double, _ hi: Double) -> [(Double, String?)] {
            let step = pow(10, floor(log10((hi - lo) / 5)))
            let unit = [1.0, 2, 5, 10].first { (hi - lo) / ($0 * step) <= 7 }! * step
            return stride(from: ceil(lo / unit) * unit, through: hi + 1e-9 * unit, by: unit).map { v in
                (v, String(format: "%g", abs(v) < 1e-12 * unit ? 0 : v))
            }
        }
        guard log else { return linear(lo, hi) }
        // "1e5" rather than "100000"; plain numbers between 1e-3 and 1e4.
        func name(_ m: Double, _ e: Int) -> String {
            (-3...3).contains(e) ? String(format: "%g", m * pow(10, Double(e))) : "\(String(format: "%g", m))e\(e)"
        }
        // Less than half a decade: labelled 1-2-5 steps in value space, placed on the log axis.
        if hi - lo < 0.5 {
            let (a, b) = (pow(10, lo), pow(10, hi))
            let e = Int(floor(log10((b - a) / 4)))
            let step = [1.0, 2, 5, 10].first { (b - a) / ($0 * pow(10, Double(e))) <= 8 }! * pow(10, Double(e))
            return stride(from: ceil(a / step) * step, through: b, by: step).map { v in
                let exponent = Int(floor(log10(v)))
                return (log10(v), name((v / pow(10, Double(exponent)) * 1e6).rounded() / 1e6, exponent))
            }
        }
        let first = Int(floor(lo))
        let last = Int(ceil(hi))
        var out: [(Double, String?)] = []
        let labelledMantissas: Set<Int> = hi - lo < 1.5 ? [1, 2, 3, 5] : (hi - lo < 3 ? [1, 3] : [1])
        for e in first...last {
            for m in 1...9 {
                let t = Double(e) + log10(Double(m))
                guard t >= lo - 1e-9, t <= hi + 1e-9 else { continue }
                out.append((t, labelledMantissas.contains(m) ? name(Double(m), e) : nil))
            }
        }
        return out
    }

    static func escape(_ s: String) -> String { XMLText.escape(s) }

    public func svg(width requested: Double = 860, height: Double = 520) -> String {
        let entries = Self.merged(curves)
        let legend =
            entries.map(\.label) + (points.isEmpty ? [] : [pointsLabel])
            + (curves.contains { $0.role == .excludedAbove } ? ["excluded"] : [])
        // The legend sits right of the plot when its labels are short, below it when they are long.
        let legendWidth = 52 + Self.characterWidth * Double(legend.map(\.count).max() ?? 0)
        let legendBelow = legendWidth > 0.32 * requested
        let width = legendBelow ? max(requested, legendWidth + 40) : requested
        let legendHeight = legendBelow ? 18 * Double(legend.count) + 8 : 0
        let (left, top) = (92.0, caption.isEmpty ? 48.0 : 66.0)
        let bottom = 58.0 + legendHeight
        let right = legendBelow ? 30 : legendWidth + 16
        let totalHeight = height + legendHeight
        let plotW = width - left - right
        let plotH = totalHeight - top - bottom
        func tx(_ v: Double) -> Double { logX ? log10(v) : v }
        func ty(_ v: Double) -> Double { logY ? log10(v) : v }
        let ranged =
            entries.filter { $0.curve.role != .reference }.flatMap { $0.curve.points + $0.curve.lower }
            + points.map { ($0.x, $0.y) }
        let all = ranged.isEmpty ? entries.flatMap(\.curve.points) : ranged
        let finite = all.filter { tx($0.0).isFinite && ty($0.1).isFinite }
        var (x0, x1) = (finite.map { tx($0.0) }.min() ?? 0, finite.map { tx($0.0) }.max() ?? 1)
        var (y0, y1) = (finite.map { ty($0.1) }.min() ?? 0, finite.map { ty($0.1) }.max() ?? 1)
        if x1 == x0 {
            x0 -= 0.5
            x1 += 0.5
        }
        if y1 == y0 {
            y0 -= abs(y0) * 0.1 + 0.5
            y1 += abs(y1) * 0.1 + 0.5
        }
        let pad = (y1 - y0) * 0.06
        y0 -= pad
        y1 += pad
        func px(_ v: Double) -> Double { left + (tx(v) - x0) / (x1 - x0) * plotW }
        func py(_ v: Double) -> Double { top + (1 - (ty(v) - y0) / (y1 - y0)) * plotH }
        func f(_ v: Double) -> String { String(format: "%.2f", v) }
        let colors = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#17becf", "#7f7f7f"]
        var svg = [
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(Int(width))\" height=\"\(Int(totalHeight))\" "
                + "viewBox=\"0 0 \(Int(width)) \(Int(totalHeight))\" font-family=\"sans-serif\" font-size=\"12\">",
            "<title>\(Self.escape(title))</title>",
            "<rect x=\"0\" y=\"0\" width=\"\(Int(width))\" height=\"\(Int(totalHeight))\" fill=\"white\"/>",
            "<defs><clipPath id=\"plot\"><rect x=\"\(f(left))\" y=\"\(f(top))\" width=\"\(f(plotW))\" "
                + "height=\"\(f(plotH))\"/></clipPath></defs>",
            "<text class=\"title\" x=\"\(f(width / 2))\" y=\"22\" text-anchor=\"middle\" font-size=\"15\" "
                + "font-weight=\"bold\">\(Self.escape(title))</text>",
        ]
        if !caption.isEmpty {
            svg.append(
                "<text class=\"caption\" x=\"\(f(width / 2))\" y=\"42\" text-anchor=\"middle\" "
                    + "fill=\"#333\">\(Self.escape(caption))</text>"
            )
        }
        // Shaded excluded regions (under the curves and the frame).
        for (curve, _) in entries where curve.role == .excludedAbove {
            let path = curve.points.map { "\(f(px($0.0))),\(f(py($0.1)))" }
            guard let first = curve.points.first, let last = curve.points.last else { continue }
            let polygon = path + ["\(f(px(last.0))),\(f(top - 1000))", "\(f(px(first.0))),\(f(top - 1000))"]
            svg.append(
                "<polygon class=\"excluded\" clip-path=\"url(#plot)\" fill=\"#f4b6b6\" fill-opacity=\"0.55\" "
                    + "stroke=\"none\" points=\"\(polygon.joined(separator: " "))\"/>"
            )
        }
        let bandColor = "#7fc97f"
        for (curve, _) in entries where curve.role == .band {
            let polygon = (curve.points + curve.lower.reversed()).map { "\(f(px($0.0))),\(f(py($0.1)))" }
            svg.append(
                "<polygon class=\"band\" clip-path=\"url(#plot)\" fill=\"\(bandColor)\" fill-opacity=\"0.6\" "
                    + "stroke=\"#2e7d32\" stroke-width=\"1\" points=\"\(polygon.joined(separator: " "))\"/>"
            )
        }
        svg.append(
            "<rect x=\"\(f(left))\" y=\"\(f(top))\" width=\"\(f(plotW))\" height=\"\(f(plotH))\" fill=\"none\" "
                + "stroke=\"black\"/>"
        )
        for (t, label) in Self.ticks(x0, x1, log: logX) {
            let x = left + (t - x0) / (x1 - x0) * plotW
            svg.append(
                "<line x1=\"\(f(x))\" y1=\"\(f(top + plotH))\" x2=\"\(f(x))\" "
                    + "y2=\"\(f(top + plotH + (label == nil ? 3 : 6)))\" stroke=\"black\"/>"
            )
            if let label {
                svg.append(
                    "<text class=\"tick x\" x=\"\(f(x))\" y=\"\(f(top + plotH + 19))\" "
                        + "text-anchor=\"middle\">\(label)</text>"
                )
            }
        }
        for (t, label) in Self.ticks(y0, y1, log: logY) {
            let y = top + (1 - (t - y0) / (y1 - y0)) * plotH
            svg.append(
                "<line x1=\"\(f(left - (label == nil ? 3 : 6)))\" y1=\"\(f(y))\" x2=\"\(f(left))\" y2=\"\(f(y))\" "
                    + "stroke=\"black\"/>"
            )
            if let label {
                svg.append(
                    "<text class=\"tick y\" x=\"\(f(left - 9))\" y=\"\(f(y + 4))\" text-anchor=\"end\">\(label)</text>")
            }
        }
        svg.append(
            "<text class=\"axis x\" x=\"\(f(left + plotW / 2))\" y=\"\(f(top + plotH + 42))\" text-anchor=\"middle\" "
                + "font-size=\"13\">\(Self.escape(xLabel))</text>"
        )
        svg.append(
            "<text class=\"axis y\" transform=\"translate(18 \(f(top + plotH / 2))) rotate(-90)\" "
                + "text-anchor=\"middle\" font-size=\"13\">\(Self.escape(yLabel))</text>"
        )
        var legendRow = 0
        let legendTop = legendBelow ? top + plotH + 62 : top + 12
        func legendY() -> Double {
            defer { legendRow += 1 }
            return legendTop + Double(legendRow) * 18
        }
        let lx = legendBelow ? left : width - right + 12
        for (curve, label) in entries where curve.role == .band {
            let ly = legendY()
            svg.append(
                "<rect x=\"\(f(lx))\" y=\"\(f(ly - 6))\" width=\"26\" height=\"12\" fill=\"\(bandColor)\" "
                    + "fill-opacity=\"0.6\" stroke=\"#2e7d32\"/>"
            )
            svg.append("<text class=\"legend\" x=\"\(f(lx + 32))\" y=\"\(f(ly + 4))\">\(Self.escape(label))</text>")
        }
        for (i, (curve, label)) in entries.enumerated() where curve.role != .band {
            let color = curve.role == .reference ? "#555555" : colors[i % colors.count]
            let dash = curve.dashed ? " stroke-dasharray=\"6 4\"" : ""
            let path = curve.points.filter { tx($0.0).isFinite && ty($0.1).isFinite }.map {
                "\(f(px($0.0))),\(f(py($0.1)))"
            }.joined(separator: " ")
            svg.append(
                "<polyline class=\"curve\" data-label=\"\(Self.escape(label))\" clip-path=\"url(#plot)\" fill=\"none\" "
                    + "stroke=\"\(color)\" stroke-width=\"1.8\"\(dash) points=\"\(path)\"/>"
            )
            let ly = legendY()
            svg.append(
                "<line x1=\"\(f(lx))\" y1=\"\(f(ly))\" x2=\"\(f(lx + 26))\" y2=\"\(f(ly))\" stroke=\"\(color)\" "
                    + "stroke-width=\"2\"\(dash)/>"
            )
            svg.append("<text class=\"legend\" x=\"\(f(lx + 32))\" y=\"\(f(ly + 4))\">\(Self.escape(label))</text>")
        }
        if curves.contains(where: { $0.role == .excludedAbove }) {
            let ly = legendY()
            svg.append(
                "<rect x=\"\(f(lx))\" y=\"\(f(ly - 6))\" width=\"26\" height=\"12\" fill=\"#f4b6b6\" "
                    + "fill-opacity=\"0.55\"/>"
            )
            svg.append("<text class=\"legend\" x=\"\(f(lx + 32))\" y=\"\(f(ly + 4))\">excluded</text>")
        }
        for g in points {
            svg.append(
                "<circle class=\"golden\" data-case=\"\(Self.escape(g.id))\" cx=\"\(f(px(g.x)))\" cy=\"\(f(py(g.y)))\" "
                    + "r=\"4.5\" fill=\"none\" stroke=\"black\" stroke-width=\"1.5\"/>"
            )
        }
        if !points.isEmpty {
            let ly = legendY()
            svg.append(
                "<circle cx=\"\(f(lx + 13))\" cy=\"\(f(ly))\" r=\"4.5\" fill=\"none\" stroke=\"black\" "
                    + "stroke-width=\"1.5\"/>"
            )
            svg.append(
                "<text class=\"legend\" x=\"\(f(lx + 32))\" y=\"\(f(ly + 4))\">\(Self.escape(pointsLabel))</text>")
        }
        svg.append("</svg>")
        return svg.joined(separator: "\n") + "\n"
    }
}
