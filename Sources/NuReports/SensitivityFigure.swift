import Foundation
import NuAnalyses

/// The reach figure of one model, as 000 Fig. 2: each DUNE ND mode and JSNS² in its
/// `FigureStyle` (the combined analysis purple), the reach by an excess as solid lines (the
/// combined analysis: its reach on either side, see `solid`), the region reached by a deficit
/// closed by dot-dashed lines (from `SensitivityPoint.deficit` up to `deficitEnd` and back),
/// optionally the (g−2)_μ 2σ band and external limits. Where the upper edge of a deficit region
/// is not known (`deficitEnd` nil) its lower edge alone is drawn, dashed.
public enum SensitivityFigure {
    static let excessKey = FigureStyle(key: "key-excess", legend: "", color: "#333333")
    static let deficitKey = FigureStyle(key: "key-deficit", legend: "", color: "#333333", dash: .dotDashed)
    static let openDeficitKey = FigureStyle(key: "key-deficit-edge", legend: "", color: "#333333", dash: .dashed)

    static func style(_ mode: String) -> FigureStyle {
        FigureStyle.reach(mode) ?? FigureStyle(key: "reach-\(mode)", legend: mode, color: "#333333")
    }

    /// Runs of consecutive points where `value` is given.
    static func runs<T>(_ points: [SensitivityPoint], _ value: (SensitivityPoint) -> T?) -> [[(SensitivityPoint, T)]] {
        var out: [[(SensitivityPoint, T)]] = []
        var current: [(SensitivityPoint, T)] = []
        for p in points {
            if let v = value(p) {
                current.append((p, v))
            } else if !current.isEmpty {
                out.append(current)
                current = []
            }
        }
        if !current.isEmpty { out.append(current) }
        return out
    }

    /// The deficit regions of one curve: a closed polygon for each run of masses with a deficit
    /// whose upper edge is known throughout, else the run's lower edge alone (dashed).
    public static func deficitRegions(_ curve: SensitivityCurve) -> [PlotRegion] {
        let style = style(curve.mode)
        return runs(curve.points, \.deficit).map { run in
            let lower = run.map { ($0.0.mass, $0.1) }
            let uppers = run.compactMap { p, _ in p.deficitEnd.map { (p.mass, $0) } }
            guard uppers.count == run.count else {
                return PlotRegion(
                    label: "", style: style.with(dash: .dashed), kind: .deficit, fills: [], outlines: [lower])
            }
            let polygon = lower + uppers.reversed()
            return PlotRegion(
                label: "", style: style.with(dash: .dotDashed), kind: .deficit, fills: [polygon],
                outlines: [polygon + [polygon[0]]])
        }
    }

    /// The solid line of a curve: the reach by an excess; for DUNE's combined analysis its reach
    /// (either side), since χ² summed over the modes mixes one mode's deficit with the other's
    /// excess and its split by side is not 000's purple curve.
    static func solid(_ curve: SensitivityCurve) -> [PlotCurve] {
        let value: (SensitivityPoint) -> Double? = curve.mode == "combined" ? { $0.reach } : { $0.excess }
        return runs(curve.points, value).map { run in
            PlotCurve(label: "", points: run.map { ($0.0.mass, $0.1) }, style: style(curve.mode))
        }
    }

    public static func chart(
        _ unordered: [SensitivityCurve], band: [MuonG2Band.Edges] = [], overlays: [OverlayLimit] = []
    ) -> SVGChart {
        let order = ["nu", "nubar", "combined", "jsns2"]
        let curves = unordered.sorted { (order.firstIndex(of: $0.mode) ?? 9) < (order.firstIndex(of: $1.mode) ?? 9) }
        // The combined analysis first, wide, so that a mode it coincides with stays visible on top.
        let excess = curves.filter { $0.mode == "combined" }.flatMap(solid)
            + curves.filter { $0.mode != "combined" }.flatMap(solid)
        let deficits = curves.flatMap(deficitRegions)
        let bandRegion =
            band.isEmpty
            ? []
            : [
                PlotRegion(
                    band: FigureStyle.muonG2Band.legend, style: .muonG2Band,
                    lower: band.map { ($0.mass, $0.lower) }, upper: band.map { ($0.mass, $0.upper) })
            ]
        let overlayCurves = overlays.enumerated().map { i, o in
            PlotCurve(label: o.label, points: o.points, style: .overlay(i, legend: o.label), role: .overlay)
        }
        var legend = curves.map { LegendEntry(style($0.mode).legend, style: style($0.mode), swatch: .line) }
        if !excess.isEmpty { legend.append(LegendEntry("reach (by an excess)", style: excessKey, swatch: .line)) }
        if deficits.contains(where: { !$0.fills.isEmpty }) {
            legend.append(LegendEntry("reached by a deficit (enclosed)", style: deficitKey, swatch: .patch))
        }
        if deficits.contains(where: { $0.fills.isEmpty }) {
            legend.append(LegendEntry("deficit reach, lower edge", style: openDeficitKey, swatch: .line))
        }
        legend += bandRegion.map { LegendEntry($0.label, style: $0.style, swatch: .patch) }
        legend += overlayCurves.map { LegendEntry($0.label, style: $0.style!, swatch: .line) }
        let model = curves.first?.model ?? ""
        let jsns2 = curves.contains { $0.mode == "jsns2" }
        let dune = curves.contains { $0.mode != "jsns2" }
        let dof = curves.first?.dof ?? 2
        let captions =
            (dune ? ["DUNE ND: 67.5 t LAr, 4.8 MW·yr a mode, T > 30 MeV, 5% normalisation"] : [])
            + (jsns2 ? ["JSNS²: 17 t at 24 m, 5 MW·yr = 1.9×10²³ protons, T > 2.6 MeV, statistics only"] : [])
            + (curves.contains { $0.mode == "combined" }
                ? ["solid: the reach by an excess; for ν + ν̄ combined its reach on either side"] : [])
        let experiments = [dune ? "DUNE ND" : nil, jsns2 ? "JSNS²" : nil].compactMap { $0 }
        return SVGChart(
            title: "\(model): 90% C.L. (\(dof) dof) reach of \(experiments.joined(separator: " and ")) (as 000 Fig. 2)",
            caption: captions.joined(separator: "\n"),
            xLabel: "M_Z' [MeV]", yLabel: "g_\(model)", curves: excess + overlayCurves,
            regions: bandRegion + deficits, logX: true, logY: true, legend: legend)
    }
}
