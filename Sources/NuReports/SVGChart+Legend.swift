import Foundation

extension SVGChart {
    /// One row per labelled region (a patch) and per labelled curve (a line), each label once
    /// per style, then the golden points (a marker).
    func defaultLegend(_ drawn: [(curve: Curve, label: String)], _ styles: [FigureStyle]) -> [LegendEntry] {
        var rows: [LegendEntry] = []
        func add(_ entry: LegendEntry) {
            guard !entry.label.isEmpty,
                !rows.contains(where: { $0.label == entry.label && $0.style.key == entry.style.key })
            else { return }
            rows.append(entry)
        }
        for r in regions { add(LegendEntry(r.label, style: r.style, swatch: .patch)) }
        for ((curve, label), style) in zip(drawn, styles) where !curve.label.isEmpty {
            add(LegendEntry(label, style: style, swatch: .line))
        }
        if !points.isEmpty {
            let marker = FigureStyle(key: "points", legend: "", color: "#000000")
            add(LegendEntry(pointsLabel, style: marker, swatch: .marker))
        }
        return rows
    }

    /// The legend rows from (x, top), 18 px apart: a 26 px swatch and the words.
    static func legend(_ rows: [LegendEntry], x lx: Double, top: Double) -> [String] {
        let f = number
        var svg: [String] = []
        for (row, entry) in rows.enumerated() {
            let ly = top + Double(row) * 18
            let s = entry.style
            switch entry.swatch {
            case .line:
                svg.append(
                    "<line class=\"legend-swatch\" data-style=\"\(s.key)\" x1=\"\(f(lx))\" y1=\"\(f(ly))\" "
                        + "x2=\"\(f(lx + 26))\" y2=\"\(f(ly))\" stroke=\"\(s.color)\" "
                        + "stroke-width=\"\(max(2, s.width))\"\(dash(s))/>")
            case .patch:
                svg.append(
                    "<rect class=\"legend-swatch\" data-style=\"\(s.key)\" x=\"\(f(lx))\" y=\"\(f(ly - 6))\" "
                        + "width=\"26\" height=\"12\" fill=\"\(s.fill)\" fill-opacity=\"\(max(s.fillOpacity, 0.25))\" "
                        + "stroke=\"\(s.color)\" stroke-width=\"\(min(s.width, 1.8))\"\(dash(s))/>")
            case .marker:
                svg.append(
                    "<circle class=\"legend-swatch\" data-style=\"\(s.key)\" cx=\"\(f(lx + 13))\" cy=\"\(f(ly))\" "
                        + "r=\"4.5\" fill=\"none\" stroke=\"\(s.color)\" stroke-width=\"1.5\"/>")
            }
            svg.append(
                "<text class=\"legend\" data-style=\"\(s.key)\" x=\"\(f(lx + 32))\" y=\"\(f(ly + 4))\">"
                    + "\(escape(entry.label))</text>")
        }
        return svg
    }
}
