import Foundation
import NuAnalyses

/// `nucheck bounds`: 002's Figs. 2-4 as a table, CSV, JSON, a HEPData submission and the figure.
/// Every column is the coupling 002 draws (ε_B, ε_Z or g_Z', dimensionless) at the mass in MeV;
/// "-" (text), empty (CSV) or null (JSON) where an experiment has no bound.
public enum BoundsReport {
    static func cell(_ x: Double?) -> String { x.map { String(format: "%.4g", $0) } ?? "-" }

    public static func text(_ r: ScenarioBounds.Result) -> String {
        let width = max(12, (r.curves.map(\.key.count).max() ?? 0) + 2)
        var lines = [
            "2σ bounds on \(r.scenario.couplingName) (dimensionless), \(r.scenario.rawValue) (\(r.scenario.figure))",
            (["M [MeV]"] + r.curves.map(\.key)).map { $0.padding(toLength: width, withPad: " ", startingAt: 0) }
                .joined(),
        ]
        for (i, m) in r.masses.enumerated() {
            lines.append(
                ([String(format: "%.5g", m)] + r.curves.map { cell($0.values[i]) })
                    .map { $0.padding(toLength: width, withPad: " ", startingAt: 0) }.joined())
        }
        lines += r.curves.map { "  \($0.key): \($0.label)" }
        lines += r.absent.map { "  not drawn: \($0.label): \($0.why)" }
        return lines.joined(separator: "\n")
    }

    public static func csv(_ r: ScenarioBounds.Result) throws -> String {
        (try OutputMetadata.headerLines(withData: true)
            + ["# 2σ bounds, \(r.scenario.rawValue) (\(r.scenario.figure)); empty = no bound at that mass"]
            + r.curves.map { "# \($0.key): \($0.label)" }
            + ["scenario,mass_MeV," + r.curves.map { "\($0.key)_\(r.scenario.couplingName)_dimensionless" }
                .joined(separator: ",")]
            + r.masses.enumerated().map { i, m in
                "\(r.scenario.rawValue),\(m)," + r.curves.map { $0.values[i].map { String($0) } ?? "" }
                    .joined(separator: ",")
            })
            .joined(separator: "\n") + "\n"
    }

    public static func json(_ r: ScenarioBounds.Result) throws -> String {
        let root: [String: Any] = [
            "scenario": r.scenario.rawValue, "figure": r.scenario.figure, "coupling": r.scenario.couplingName,
            "units": ["massMeV": "MeV", "bound": "dimensionless"], "confidenceLevel": "2 sigma",
            "curves": r.curves.map { c in
                [
                    "key": c.key, "label": c.label,
                    "points": zip(r.masses, c.values).map { m, v in
                        ["massMeV": m, "bound": v.map { $0 as Any } ?? NSNull()] as [String: Any]
                    },
                ] as [String: Any]
            },
            "notDrawn": r.absent.map { ["experiment": $0.label, "why": $0.why] },
        ]
        return try OutputMetadata.jsonString(root, withData: true)
    }

    /// One table: the mass as the independent variable, one dependent variable per experiment.
    public static func hepdata(_ r: ScenarioBounds.Result) throws -> HEPDataSubmission {
        let (harness, headers, sets) = try OutputMetadata.hepdataProvenance(["coherent-csi2021", "coherent-ar2020"])
        let comment =
            [
                "2σ bounds on the \(r.scenario.couplingName) of \(r.scenario.rawValue) from CEvNS, atomic parity "
                    + "violation and Borexino, computed by nucheck along paper 002 (Abdullah et al.), "
                    + "\(r.scenario.figure).", "Written by " + harness + ".",
            ] + sets
        let qualifiers: [(name: String, value: String)] = [("CL", "2 sigma"), ("model", r.scenario.rawValue)]
        let table = HEPDataSubmission.Table(
            name: "\(r.scenario.rawValue), 002 bounds",
            description: "2σ bounds on \(r.scenario.couplingName) for \(r.scenario.rawValue) (\(r.scenario.figure)): "
                + r.curves.map(\.label).joined(separator: "; ") + ". '-': no bound at that mass.",
            dataFile: HEPDataSubmission.fileName("bounds", r.scenario.rawValue, "all"),
            observables: ["UPPER LIMIT on \(r.scenario.couplingName)"],
            reactions: ["NU NUCLEUS --> NU NUCLEUS", "NU E- --> NU E-"],
            phrases: ["Light mediator", "Kinetic mixing", "Exclusion limit"],
            independent: .init(name: "M_Z'", units: "MeV", values: r.masses),
            dependent: r.curves.map { .init(name: $0.label, units: "", qualifiers: qualifiers, values: $0.values) },
            provenance: headers.values.sorted())
        return HEPDataSubmission(comment: comment.joined(separator: "\n"), harness: harness, tables: [table])
    }

    /// The figure as 002 draws it: each experiment a line in its style, overlays (e.g. the fixed-target
    /// region's edge from a user file) on top; the experiments not drawn named in the caption.
    public static func chart(_ r: ScenarioBounds.Result, overlays: [OverlayLimit] = []) -> SVGChart {
        let curves = r.curves.compactMap { c -> PlotCurve? in
            let points = zip(r.masses, c.values).compactMap { m, v in v.map { (m, $0) } }
            guard !points.isEmpty else { return nil }
            let style = FigureStyle.bound(c.key) ?? FigureStyle.plain(0, dashed: false)
            return PlotCurve(label: c.label, points: points, style: style)
        }
        let overlayCurves = overlays.enumerated().map { i, o in
            PlotCurve(label: o.label, points: o.points, style: .overlay(i, legend: o.label), role: .overlay)
        }
        let legend = (curves + overlayCurves).map { LegendEntry($0.label, style: $0.style!, swatch: .line) }
        let caption =
            ["2σ; the region above each curve is excluded (future COHERENT and reactor: projections)"]
            + r.absent.map { "not drawn: \($0.label) (\($0.why))" }
        return SVGChart(
            title: "\(r.scenario.rawValue): 2σ bounds on \(r.scenario.couplingName) (as \(r.scenario.figure))",
            caption: caption.joined(separator: "\n"), xLabel: "M_Z' [MeV]", yLabel: r.scenario.couplingName,
            curves: curves + overlayCurves, logX: true, logY: true, legend: legend)
    }
}
