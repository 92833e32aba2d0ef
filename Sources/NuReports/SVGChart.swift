import Foundation
import NuAnalyses
import NuRegistry
import NuValidation

/// A figure as a self-contained SVG document, drawn to be put on a slide: a title and a caption
/// (the fixed inputs), axes with labelled ticks (log axes: labelled decades with minor ticks, or
/// 1-2-5 labels when they span less than a decade), tinted regions with their bounding lines
/// (`PlotRegion`), curves, golden points as circles, and a legend sized to its labels (right of
/// the plot, or below it when the labels are long). Each data set is drawn in its `FigureStyle`,
/// whose key every element carries (`data-style`); curves without one take a palette colour,
/// and coincident ones are merged into one legend entry. Nothing is drawn outside the canvas.
public struct SVGChart {
    public typealias Curve = PlotCurve
    public let title: String
    public let caption: String
    public let xLabel: String
    public let yLabel: String
    public let curves: [Curve]
    public let regions: [PlotRegion]
    public let points: [(id: String, x: Double, y: Double)]
    public let pointsLabel: String
    public let logX: Bool
    public let logY: Bool
    /// The legend's rows; nil: one per labelled region, curve and the points.
    public let legend: [LegendEntry]?

    public init(
        title: String, caption: String = "", xLabel: String, yLabel: String, curves: [Curve],
        regions: [PlotRegion] = [], points: [(id: String, x: Double, y: Double)] = [],
        pointsLabel: String = "points", logX: Bool, logY: Bool, legend: [LegendEntry]? = nil
    ) {
        self.title = title
        self.caption = caption
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.curves = curves
        self.regions = regions
        self.points = points
        self.pointsLabel = pointsLabel
        self.logX = logX
        self.logY = logY
        self.legend = legend
    }

    static let characterWidth = 7.0  // px per character at font-size 12 (sans-serif, generous)

    /// Curves whose points coincide (to 1e-9 relative) become one legend entry "a = b".
    static func merged(_ curves: [Curve]) -> [(curve: Curve, label: String)] {
        var groups: [(curve: Curve, labels: [String])] = []
        for c in curves where !c.points.isEmpty {
            if let i = groups.firstIndex(where: { g in
                g.curve.role == c.role && g.curve.style?.key == c.style?.key
                    && g.curve.points.count == c.points.count
                    && zip(g.curve.points, c.points).allSatisfy { a, b in
                        a.0 == b.0 && abs(a.1 - b.1) <= 1e-9 * max(abs(a.1), abs(b.1))
                    }
            }) {
                if !groups[i].labels.contains(c.label) { groups[i].labels.append(c.label) }
            } else {
                groups.append((c, [c.label]))
            }
        }
        return groups.map { ($0.curve, $0.labels.joined(separator: " = ")) }
    }

    static func escape(_ s: String) -> String { XMLText.escape(s) }

    /// The axis ranges (axis units) over the data curves, the regions' finite points and the
    /// golden points; reference curves and overlays do not stretch them.
    func ranges(_ drawn: [(curve: Curve, label: String)], probe: PlotFrame) -> (Double, Double, Double, Double) {
        let ranged =
            drawn.filter { $0.curve.role == .data }.flatMap(\.curve.points)
            + regions.flatMap { $0.fills.flatMap { $0 } + $0.outlines.flatMap { $0 } } + points.map { ($0.x, $0.y) }
        let finite = (ranged.isEmpty ? drawn.flatMap(\.curve.points) : ranged).filter(probe.onAxes)
        var (x0, x1) = (finite.map { probe.axisX($0.0) }.min() ?? 0, finite.map { probe.axisX($0.0) }.max() ?? 1)
        var (y0, y1) = (finite.map { probe.axisY($0.1) }.min() ?? 0, finite.map { probe.axisY($0.1) }.max() ?? 1)
        if x1 == x0 {
            x0 -= 0.5
            x1 += 0.5
        }
        if y1 == y0 {
            y0 -= abs(y0) * 0.1 + 0.5
            y1 += abs(y1) * 0.1 + 0.5
        }
        let pad = (y1 - y0) * 0.06
        return (x0, x1, y0 - pad, y1 + pad)
    }

    public func svg(width requested: Double = 860, height: Double = 520) -> String {
        let drawn = Self.merged(curves)
        let styles = drawn.enumerated().map { i, e in e.curve.style ?? FigureStyle.plain(i, dashed: e.curve.dashed) }
        let rows = legend ?? defaultLegend(drawn, styles)
        // The legend sits right of the plot when its labels are short, below it when they are long.
        let legendWidth = 52 + Self.characterWidth * Double(rows.map(\.label.count).max() ?? 0)
        let legendBelow = legendWidth > 0.32 * requested
        let width = legendBelow ? max(requested, legendWidth + 40) : requested
        let legendHeight = legendBelow ? 18 * Double(rows.count) + 8 : 0
        let captionLines = caption.isEmpty ? [] : caption.split(separator: "\n").map(String.init)
        let (left, top) = (92.0, captionLines.isEmpty ? 48.0 : 50.0 + 16 * Double(captionLines.count))
        let right = legendBelow ? 30 : legendWidth + 16
        let totalHeight = height + legendHeight
        let (plotW, plotH) = (width - left - right, totalHeight - top - 58 - legendHeight)
        let probe = PlotFrame(
            left: left, top: top, width: plotW, height: plotH, logX: logX, logY: logY, x0: 0, x1: 1, y0: 0, y1: 1)
        let (x0, x1, y0, y1) = ranges(drawn, probe: probe)
        let frame = PlotFrame(
            left: left, top: top, width: plotW, height: plotH, logX: logX, logY: logY, x0: x0, x1: x1, y0: y0, y1: y1)
        let f = Self.number
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
        for (i, line) in captionLines.enumerated() {
            svg.append(
                "<text class=\"caption\" x=\"\(f(width / 2))\" y=\"\(f(42 + 16 * Double(i)))\" text-anchor=\"middle\" "
                    + "fill=\"#333\">\(Self.escape(line))</text>"
            )
        }
        svg += regions.compactMap { Self.fill($0, frame) }  // under the frame, the lines and the curves
        svg += Self.axes(frame, xLabel: xLabel, yLabel: yLabel)
        svg += regions.compactMap { Self.outline($0, frame) }
        for ((curve, label), style) in zip(drawn, styles) {
            // A lone point is drawn as a dot (a zero-length line with round caps).
            let kept = curve.points.filter(frame.onAxes)
            let path = (kept.count == 1 ? kept + kept : kept).map(frame.point).joined(separator: " ")
            svg.append(
                "<polyline class=\"curve\" data-label=\"\(Self.escape(label))\" data-style=\"\(style.key)\" "
                    + "clip-path=\"url(#plot)\" fill=\"none\" stroke=\"\(style.color)\" stroke-width=\"\(style.width)\""
                    + "\(Self.dash(style)) stroke-linejoin=\"round\" stroke-linecap=\"round\" points=\"\(path)\"/>"
            )
        }
        for g in points where frame.onAxes((g.x, g.y)) {
            svg.append(
                "<circle class=\"golden\" data-case=\"\(Self.escape(g.id))\" cx=\"\(f(frame.px(g.x)))\" "
                    + "cy=\"\(f(frame.py(g.y)))\" r=\"4.5\" fill=\"none\" stroke=\"black\" stroke-width=\"1.5\"/>"
            )
        }
        let legendX = legendBelow ? left : width - right + 12
        let legendTop = legendBelow ? top + plotH + 62 : top + 12
        svg += Self.legend(rows, x: legendX, top: legendTop)
        svg.append("</svg>")
        return svg.joined(separator: "\n") + "\n"
    }

    static func dash(_ style: FigureStyle) -> String {
        style.dash.pattern.map { " stroke-dasharray=\"\($0)\"" } ?? ""
    }

    /// "M x,y L x,y ... [Z]" for each polygon or polyline.
    static func pathData(_ shapes: [[(Double, Double)]], _ frame: PlotFrame, close: Bool) -> String {
        shapes.compactMap { shape -> String? in
            // ±∞ and 0 are allowed as the plot's edges here; NaN never is.
            let kept = shape.filter { !$0.0.isNaN && !$0.1.isNaN }
            guard !kept.isEmpty else { return nil }
            // A lone point is drawn as a dot (a zero-length line with round caps).
            return "M" + (kept.count == 1 ? kept + kept : kept).map(frame.point).joined(separator: " L")
                + (close ? " Z" : "")
        }.joined(separator: " ")
    }

    /// A region's tint: every polygon in one path (nonzero fill), so that touching or overlapping
    /// pieces are tinted once.
    static func fill(_ region: PlotRegion, _ frame: PlotFrame) -> String? {
        let d = pathData(region.fills, frame, close: true)
        guard !d.isEmpty else { return nil }
        return "<path class=\"region \(region.kind.rawValue)\" data-style=\"\(region.style.key)\" "
            + "data-label=\"\(escape(region.label))\" clip-path=\"url(#plot)\" fill=\"\(region.style.fill)\" "
            + "fill-opacity=\"\(region.style.fillOpacity)\" fill-rule=\"nonzero\" stroke=\"none\" d=\"\(d)\"/>"
    }

    /// A region's bounding lines in its style.
    static func outline(_ region: PlotRegion, _ frame: PlotFrame) -> String? {
        let d = pathData(region.outlines, frame, close: false)
        guard !d.isEmpty else { return nil }
        let s = region.style
        return "<path class=\"outline \(region.kind.rawValue)\" data-style=\"\(s.key)\" "
            + "data-label=\"\(escape(region.label))\" clip-path=\"url(#plot)\" fill=\"none\" stroke=\"\(s.color)\" "
            + "stroke-width=\"\(s.width)\"\(dash(s)) stroke-linejoin=\"round\" stroke-linecap=\"round\" d=\"\(d)\"/>"
    }
}
