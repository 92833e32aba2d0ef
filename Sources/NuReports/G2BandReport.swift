import Foundation
import NuAnalyses
import NuPhysics
import NuRegistry
import NuValidation

/// The (g−2)_μ band against the COHERENT bound (`nucheck g2`): text, JSON and the figure.
public enum G2BandReport {
    static func status(_ p: MuonG2Band.Point) -> String {
        p.excludedFraction >= 1 - 1e-12
            ? "excluded"
            : (p.excludedFraction <= 1e-12 ? "allowed" : String(format: "partly (%.0f%%)", 100 * p.excludedFraction))
    }

    public static func text(model: String, dataset: String, _ points: [MuonG2Band.Point]) -> String {
        let s = MuonG2Band.summary(points)
        var lines = [
            "(g-2)_mu 2σ band (Δa_μ ± 2σ, 004 Eq. (57)) against the COHERENT 2σ bound: \(model), "
                + "\(LimitCurve.datasetLabels[dataset] ?? dataset)",
            "M [MeV]       band lower g   band upper g   bound g        band excluded",
            "",
        ]
        lines.removeLast()
        for p in points {
            lines.append(
                String(
                    format: "%-12.4g  %-13.5g  %-13.5g  %-13.5g  ", p.mass, p.lower, p.upper,
                    p.bound) + status(p))
        }
        lines.append(
            String(
                format: "excluded share of the band %.3f; masses with the whole band excluded %.3f",
                s.excluded, s.fullyExcludedMasses))
        return lines.joined(separator: "\n")
    }

    public static func json(model: String, dataset: String, _ points: [MuonG2Band.Point]) throws -> String {
        let s = MuonG2Band.summary(points)
        let root: [String: Any] = [
            "model": model, "dataset": dataset, "band": "Delta a_mu +- 2 sigma (004 Eq. (57)), coupling / |Q_mu|",
            "bound": "COHERENT 2 sigma, 2 dof, first edge",
            "excludedShare": s.excluded, "fullyExcludedMassShare": s.fullyExcludedMasses,
            "points": points.map {
                [
                    "massMeV": $0.mass, "bandLowerG": $0.lower, "bandUpperG": $0.upper,
                    "boundG": $0.bound,
                    "excludedFraction": $0.excludedFraction, "status": status($0),
                ]
            },
        ]
        return try OutputMetadata.jsonString(root, withData: true)
    }

    /// The band shaded green under the data set's excluded region (tinted in its `FigureStyle`,
    /// an allowed strip left open, as in `nucheck limits --plot`): where they overlap the band is
    /// excluded.
    public static func chart(model: String, dataset: String, _ points: [MuonG2Band.Point]) throws -> SVGChart {
        let s = MuonG2Band.summary(points)
        guard let style = FigureStyle.coherent(dataset) else {
            throw PhysicsError.unknown("data set '\(dataset)' (expected ar, csi, combined)")
        }
        let columns = points.map { (mass: $0.mass, allowed: $0.allowed) }
        let regions = [
            PlotRegion(
                band: FigureStyle.muonG2Band.legend, style: .muonG2Band, lower: points.map { ($0.mass, $0.lower) },
                upper: points.map { ($0.mass, $0.upper) }),
            PlotRegion(
                label: style.legend, style: style, kind: .excluded, fills: ExclusionShading.polygons(columns),
                outlines: ExclusionShading.edges(columns)),
        ]
        return SVGChart(
            title: "\(model): (g−2)_μ band against the 2σ exclusion of \(style.legend)",
            caption: String(
                format:
                    "Δa_μ = (25.1 ± 2×5.9)×10⁻¹⁰ (004 Eq. (57)); band excluded: %.0f%% of it, whole at %.0f%% of the "
                        + "masses",
                100 * s.excluded, 100 * s.fullyExcludedMasses),
            xLabel: model == "scalar" ? "M_φ [MeV]" : "M_Z' [MeV]", yLabel: model == "scalar" ? "g_φ" : "g_\(model)",
            curves: [], regions: regions, logX: true, logY: true,
            legend: [
                LegendEntry(style.legend, style: style, swatch: .patch),
                LegendEntry(FigureStyle.muonG2Band.legend, style: .muonG2Band, swatch: .patch),
            ])
    }
}
