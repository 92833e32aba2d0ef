import Foundation
import NuAnalyses
import NuCoherent
import NuData
import NuPhysics

extension LimitReport {
    /// 004's figure number for each model's exclusion plot (Figs. 4-8).
    static let paperFigures = [
        "universal": 4, "B-L": 5, "By+Lmu+Ltau": 5, "B-3Le": 6, "B-3Lmu": 6, "B-2Le-Lmu": 7, "B-Le-2Lmu": 7,
        "Le-Ltau": 8, "Le-Lmu": 8, "Lmu-Ltau": 8, "scalar": 8,
    ]

    /// The excluded region of one curve, tinted in its data set's colour, with every edge of its
    /// allowed intervals as lines (`ExclusionShading`).
    public static func excludedRegion(_ curve: LimitCurve) throws -> PlotRegion {
        guard let style = FigureStyle.coherent(curve.dataset) else {
            throw PhysicsError.unknown("data set '\(curve.dataset)' (expected ar, csi, combined)")
        }
        let columns = curve.points.map { (mass: $0.mass, allowed: $0.allowed) }
        return PlotRegion(
            label: style.legend, style: style, kind: .excluded, fills: ExclusionShading.polygons(columns),
            outlines: ExclusionShading.edges(columns))
    }

    /// The exclusion figure of one model, as 004 Figs. 4-8: for each data set (Ar red, CsI blue,
    /// CsI+Ar black) the excluded intervals of the coupling lightly tinted and the edges of the
    /// allowed ones drawn, so that an allowed strip above the bound stays open; optionally the
    /// (g−2)_μ 2σ band (`band`, over the same masses) and external limits (`overlays`). With one
    /// data set, 004's Table 2 entries are drawn as dashed asymptotes clipped to their regimes
    /// (low mass: a constant g below 10 MeV, where M ≪ |q|; high mass: g ∝ M above 1 GeV, where
    /// M ≫ |q|); with three they are left out (six more lines next to the three boundaries).
    public static func chart(
        _ curves: [LimitCurve], reference: ReferenceLibrary, band: [MuonG2Band.Edges] = [],
        overlays: [OverlayLimit] = []
    ) throws -> SVGChart {
        guard let first = curves.first, curves.allSatisfy({ $0.model == first.model }) else {
            throw InputError.conflicting("a limits figure draws one model and at least one data set")
        }
        let order = TableTwo.datasets
        let sorted = curves.sorted { (order.firstIndex(of: $0.dataset) ?? 9) < (order.firstIndex(of: $1.dataset) ?? 9) }
        let excluded = try sorted.map(excludedRegion)
        let bandRegion = band.isEmpty ? [] : [
            PlotRegion(
                band: FigureStyle.muonG2Band.legend, style: .muonG2Band, lower: band.map { ($0.mass, $0.lower) },
                upper: band.map { ($0.mass, $0.upper) })
        ]
        let overlayCurves = overlays.enumerated().map { i, o in
            PlotCurve(label: o.label, points: o.points, style: .overlay(i, legend: o.label), role: .overlay)
        }
        let asymptotes = curves.count == 1 ? tableTwoAsymptotes(first, reference: reference) : []
        let legend =
            excluded.map { LegendEntry($0.label, style: $0.style, swatch: .patch) }
            + bandRegion.map { LegendEntry($0.label, style: $0.style, swatch: .patch) }
            + (overlayCurves + asymptotes).map { LegendEntry($0.label, style: $0.style!, swatch: .line) }
        let scalar = first.model == "scalar"
        let sets = sorted.map { FigureStyle.coherent($0.dataset)!.legend }
        let figure = paperFigures[first.model].map { " (as 004 Fig. \($0))" } ?? ""
        return SVGChart(
            title: "\(first.model): 2σ excluded regions, "
                + (curves.count == 1 ? sets[0] : "COHERENT Ar, CsI and CsI + Ar") + figure,
            caption: "\(first.convention); inputs: \(first.inputs.rawValue)",
            xLabel: scalar ? "M_φ [MeV]" : "M_Z' [MeV]", yLabel: scalar ? "g̃_φ" : "g_\(first.model)",
            curves: overlayCurves + asymptotes, regions: bandRegion + excluded, logX: true, logY: true,
            legend: legend)
    }

    /// 004 Table 2's entries of one curve's model and data set as reference lines over its mass
    /// range: g constant below 10 MeV, g/M above 1 GeV.
    static func tableTwoAsymptotes(_ curve: LimitCurve, reference: ReferenceLibrary) -> [PlotCurve] {
        let masses = curve.points.map(\.mass)
        let (a, b) = (masses.min() ?? 0.1, masses.max() ?? 1e5)
        let key = "004_atzori_corona_et_al.json#table2.\(curve.model).\(curve.dataset)"
        var out: [PlotCurve] = []
        if let low = reference.entries["\(key).lowMass"]?.value, a < 10 {
            out.append(
                PlotCurve(
                    label: "Table 2, M ≪ |q|: g = \(String(format: "%.2g", low))",
                    points: [(a, low), (min(b, 10), low)], style: .reference, role: .reference))
        }
        if let high = reference.entries["\(key).highMass"]?.value, b > 1000 {
            let start = max(a, 1000)
            out.append(
                PlotCurve(
                    label: "Table 2, M ≫ |q|: g/M = \(String(format: "%.2g", high)) GeV⁻¹",
                    points: [(start, high * start / 1000), (b, high * b / 1000)], style: .reference,
                    role: .reference))
        }
        return out
    }
}
