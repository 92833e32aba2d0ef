import Foundation
import NuHarness

/// One mode's reach curve: per mass the reach (either side), and the excess and deficit reaches.
public struct SensitivityCurve: Sendable {
    public let model: String, mode: String, dof: Int
    public let points: [(mass: Double, reach: Double?, excess: Double?, deficit: Double?)]
    public init(model: String, mode: String, dof: Int, points: [(mass: Double, reach: Double?, excess: Double?,
        deficit: Double?)]) {
        self.model = model; self.mode = mode; self.dof = dof; self.points = points
    }
}

/// `nucheck sensitivity`: text, JSON, CSV and the figure (000 Fig. 2's style: excess solid,
/// deficit dashed).
public enum SensitivityReport {
    static func cell(_ x: Double?) -> String { x.map { String(format: "%.5g", $0) } ?? "-" }

    public static func text(_ curves: [SensitivityCurve]) -> String {
        curves.map { c in
            ([(c.mode == "jsns2" ? "JSNS² 90% C.L. reach on g: \(c.model)" : "DUNE ND 90% C.L. reach on g: \(c.model), \(c.mode) mode") + ", \(c.dof) dof (Δχ² = \(String(format: "%.3g", DuneSensitivity.deltaChi2(dof: c.dof))))",
              "M [MeV]       reach g        by excess g    by deficit g"]
             + c.points.map { String(format: "%-12.5g  ", $0.mass) + [cell($0.reach), cell($0.excess),
                 cell($0.deficit)].map { $0.padding(toLength: 15, withPad: " ", startingAt: 0) }.joined() })
                .joined(separator: "\n")
        }.joined(separator: "\n\n")
    }

    public static func json(_ curves: [SensitivityCurve]) throws -> String {
        let root: [String: Any] = ["analysis": "000 Sec. IV: 67.5 t LAr, 4.8 MW yr a mode, T > 30 MeV, sigma_norm 5%, Eq. (8); DUNE TDR ND fluxes",
                                   "curves": curves.map { c in
                                       ["model": c.model, "mode": c.mode, "dof": c.dof,
                                           "deltaChi2": DuneSensitivity.deltaChi2(dof: c.dof),
                                        "points": c.points.map { p -> [String: Any] in
                                            func value(_ x: Double?) -> Any { x.map { $0 as Any } ?? NSNull() }
                                            return ["massMeV": p.mass, "reachG": value(p.reach),
                                                "excessG": value(p.excess), "deficitG": value(p.deficit)]
                                        }] as [String: Any]
                                   }]
        return try OutputMetadata.jsonString(root, withData: true)
    }

    public static func csv(_ curves: [SensitivityCurve]) throws -> String {
        (try OutputMetadata.headerLines(withData: true)
         + ["# DUNE ND 90% C.L. reach (000 Sec. IV); empty = no reach below g = 1",
            "model,mode,dof,mass_MeV,reach_g_dimensionless,excess_g_dimensionless,deficit_g_dimensionless"]
         + curves.flatMap { c in c.points.map { p in
             "\(c.model),\(c.mode),\(c.dof),\(p.mass)," + [p.reach, p.excess,
                 p.deficit].map { $0.map { String($0) } ?? "" }.joined(separator: ",") } })
            .joined(separator: "\n") + "\n"
    }

    /// HEPData-style YAML: masses as the independent variable; per mode the reach, the excess
    /// and the deficit reach as dependent variables ('-' where there is none below g = 1).
    public static func hepdata(_ curves: [SensitivityCurve]) -> String {
        func quoted(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "''") + "'" }
        let masses = curves.first?.points.map(\.mass) ?? []
        var y = ["# HEPData-style record written by nucheck \(HarnessVersion.full): DUNE ND reach of paper 000 (Dev et al.), Sec. IV.",
                 "name: \(quoted("DUNE ND 90% C.L. reach on the Z' coupling"))",
                 "description: \(quoted("67.5 t LAr, 4.8 MW yr a mode, electron recoil above 30 MeV, 5% flux normalisation (Eq. (8)); DUNE TDR near-detector fluxes; N_SM computed."))",
                 "independent_variables:", "- header: {name: \(quoted("M")), units: MeV}", "  values:"]
        y += masses.map { "  - {value: \(String(format: "%.8g", $0))}" }
        y.append("dependent_variables:")
        for c in curves {
            for (name, values) in [("reach", c.points.map(\.reach)), ("reach by excess", c.points.map(\.excess)),
                ("reach by deficit", c.points.map(\.deficit))] {
                y += ["- header: {name: \(quoted("g \(name)")), units: ''}", "  qualifiers:",
                      "  - {name: CL, value: '90%'}", "  - {name: dof, value: \(c.dof)}",
                      "  - {name: Delta chi2, value: \(String(format: "%.6g", DuneSensitivity.deltaChi2(dof: c.dof)))}",
                      "  - {name: mode, value: \(quoted(c.mode))}", "  - {name: model, value: \(quoted(c.model))}", "  values:"]
                y += values.map { v in v.map { "  - {value: \(String(format: "%.8g", $0))}" } ?? "  - {value: '-'}" }
            }
        }
        return y.joined(separator: "\n") + "\n"
    }

    public static func chart(_ curves: [SensitivityCurve]) -> SVGChart {
        var plotted: [PlotCurve] = []
        for c in curves {
            let excess = c.points.compactMap { p in p.excess.map { (p.mass, $0) } }
            let deficit = c.points.compactMap { p in p.deficit.map { (p.mass, $0) } }
            if !excess.isEmpty { plotted.append(PlotCurve(label: "\(c.mode): by excess", points: excess)) }
            if !deficit.isEmpty { plotted.append(PlotCurve(label: "\(c.mode): by deficit", points: deficit,
                dashed: true)) }
        }
        let model = curves.first?.model ?? ""
        let jsns2 = curves.contains { $0.mode == "jsns2" }, dune = curves.contains { $0.mode != "jsns2" }
        let dof = curves.first?.dof ?? 2
        let captions = (dune ? ["DUNE ND: 67.5 t LAr, 4.8 MW·yr a mode, T > 30 MeV, 5% normalisation"] : [])
            + (jsns2 ? ["JSNS²: 17 t at 24 m, 5 MW·yr, T > 2.6 MeV, statistics only"] : [])
        return SVGChart(title: "\(model): \([dune ? "DUNE ND" : nil, jsns2 ? "JSNS²" : nil].compactMap { $0 }.joined(separator: " and ")) 90% C.L. reach (000 Fig. 2)",
                        caption: captions.joined(separator: "; ") + "; \(dof) dof",
                        xLabel: "M_Z' [MeV]", yLabel: "g_\(model)", curves: plotted, logX: true, logY: true)
    }
}
