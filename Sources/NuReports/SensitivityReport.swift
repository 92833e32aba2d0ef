import Foundation
import NuAnalyses
import NuRegistry
import NuValidation

/// One mass of a reach curve: the reach on either side, the excess reach, and the deficit region
/// [deficit, deficitEnd] (g in each; nil where there is none below g = 1; `deficitEnd` nil also
/// where the region's upper edge is not computed).
public struct SensitivityPoint: Sendable {
    public let mass: Double, reach: Double?, excess: Double?, deficit: Double?, deficitEnd: Double?
    public init(mass: Double, reach: Double?, excess: Double?, deficit: Double?, deficitEnd: Double? = nil) {
        self.mass = mass
        self.reach = reach
        self.excess = excess
        self.deficit = deficit
        self.deficitEnd = deficitEnd
    }
}

/// One mode's reach curve: per mass the reach (either side), and the excess and deficit reaches.
/// `statistic` names the combined analysis' χ² (`DuneSensitivity.Statistic`; nil for one mode).
public struct SensitivityCurve: Sendable {
    public let model: String, mode: String, dof: Int
    public let statistic: String?
    public let points: [SensitivityPoint]
    public init(model: String, mode: String, dof: Int, statistic: String? = nil, points: [SensitivityPoint]) {
        self.model = model
        self.mode = mode
        self.dof = dof
        self.statistic = statistic
        self.points = points
    }

    /// "summed events, 000's χ²(ν mode + ν̄ mode)" or "χ²(ν mode) + χ²(ν̄ mode)", for the outputs.
    var statisticText: String? {
        statistic.map {
            $0 == DuneSensitivity.Statistic.summedEvents.rawValue
                ? "\($0): 000's chi2(nu mode + nubar mode), Eq. (8) of the summed events"
                : "\($0): chi2(nu mode) + chi2(nubar mode), each with its own flux pull"
        }
    }
}

/// `nucheck sensitivity`: text, JSON, CSV and the figure (000 Fig. 2's style: excess solid,
/// deficit regions enclosed by dot-dashed lines).
public enum SensitivityReport {
    static func cell(_ x: Double?) -> String { x.map { String(format: "%.5g", $0) } ?? "-" }

    public static func text(_ curves: [SensitivityCurve]) -> String {
        curves.map { c in
            ([
                (c.mode == "jsns2"
                    ? "JSNS² 90% C.L. reach on g: \(c.model)"
                    : "DUNE ND 90% C.L. reach on g: \(c.model), \(c.mode) mode")
                    + ", \(c.dof) dof (Δχ² = \(String(format: "%.3g", DuneSensitivity.deltaChi2(dof: c.dof))))"
                    + (c.statisticText.map { "; statistic \($0)" } ?? ""),
                "M [MeV]       reach g        by excess g    by deficit g   deficit ends g",
            ]
                + c.points.map {
                    String(format: "%-12.5g  ", $0.mass)
                        + [
                            cell($0.reach), cell($0.excess),
                            cell($0.deficit), cell($0.deficitEnd),
                        ].map { $0.padding(toLength: 15, withPad: " ", startingAt: 0) }.joined()
                })
                .joined(separator: "\n")
        }.joined(separator: "\n\n")
    }

    public static func json(_ curves: [SensitivityCurve]) throws -> String {
        let root: [String: Any] = [
            "analysis":
                "000 Sec. IV: DUNE ND 67.5 t LAr, 4.8 MW yr a mode, T > 30 MeV, sigma_norm 5%, Eq. (8); DUNE TDR ND "
                + "fluxes; JSNS2 17 t, 5 MW yr = 1.9e23 protons (3.8e22 a year), T > 2.6 MeV, statistics only; "
                + "g dimensionless, mass in MeV",
            "curves": curves.map { c in
                [
                    "model": c.model, "mode": c.mode, "dof": c.dof, "statistic": c.statistic ?? NSNull(),
                    "deltaChi2": DuneSensitivity.deltaChi2(dof: c.dof),
                    "points": c.points.map { p -> [String: Any] in
                        func value(_ x: Double?) -> Any { x.map { $0 as Any } ?? NSNull() }
                        return [
                            "massMeV": p.mass, "reachG": value(p.reach),
                            "excessG": value(p.excess), "deficitG": value(p.deficit),
                            "deficitEndG": value(p.deficitEnd),
                        ]
                    },
                ] as [String: Any]
            },
        ]
        return try OutputMetadata.jsonString(root, withData: true)
    }

    public static func csv(_ curves: [SensitivityCurve]) throws -> String {
        (try OutputMetadata.headerLines(withData: true)
            + [
                "# 90% C.L. reach (000 Sec. IV); empty = no reach below g = 1; statistic: the combined χ²",
                "model,mode,statistic,dof,mass_MeV,reach_g_dimensionless,excess_g_dimensionless,"
                    + "deficit_g_dimensionless,deficit_end_g_dimensionless",
            ]
            + curves.flatMap { c in
                c.points.map { p in
                    "\(c.model),\(c.mode),\(c.statistic ?? ""),\(c.dof),\(p.mass),"
                        + [
                            p.reach, p.excess,
                            p.deficit, p.deficitEnd,
                        ].map { $0.map { String($0) } ?? "" }.joined(separator: ",")
                }
            })
            .joined(separator: "\n") + "\n"
    }

    /// A HEPData submission: one table per mode (DUNE ND ν, ν̄, combined; JSNS²), the mass as
    /// the independent variable, the reach, the excess and deficit reaches and the deficit region's
    /// upper edge as dependent variables ('-' where there is none below g = 1), qualified by the CL,
    /// dof, Δχ², experiment, mode and model (and the combined table by its statistic); the DUNE
    /// flux release's citation and checksums in the comment and headers.
    public static func hepdata(_ curves: [SensitivityCurve]) throws -> HEPDataSubmission {
        let dune = curves.contains { $0.mode != "jsns2" }
        let (harness, headers, sets) = try OutputMetadata.hepdataProvenance(dune ? ["dune-nd-tdr2021"] : [])
        let comment =
            [
                "90% C.L. reach on the coupling of a light Z' in neutrino-electron scattering, computed by "
                    + "nucheck along paper 000 (Dev et al.), Sec. IV and Fig. 2; N_SM computed, not taken from "
                    + "the paper.", "Written by " + harness + ".",
            ] + sets
        let tables = curves.map { c -> HEPDataSubmission.Table in
            let jsns2 = c.mode == "jsns2"
            let setup =
                jsns2
                ? "JSNS²: 17 t at 24 m, 5 MW yr (1.9e23 protons), electron recoil above 2.6 MeV, statistics only"
                : "DUNE ND, \(c.mode) mode: 67.5 t LAr, 4.8 MW yr, electron recoil above 30 MeV, 5% flux "
                    + "normalisation (Eq. (8)); DUNE TDR near-detector fluxes"
            let qualifiers: [(name: String, value: String)] = [
                ("CL", "90%"), ("dof", "\(c.dof)"),
                ("Delta chi2", String(format: "%.6g", DuneSensitivity.deltaChi2(dof: c.dof))),
                ("experiment", jsns2 ? "JSNS2" : "DUNE ND"), ("mode", c.mode), ("model", c.model),
            ] + (c.statisticText.map { [("statistic", $0)] } ?? [])
            let columns = [
                ("g reach", c.points.map(\.reach)), ("g reach by excess", c.points.map(\.excess)),
                ("g reach by deficit", c.points.map(\.deficit)),
                ("g upper edge of the deficit region", c.points.map(\.deficitEnd)),
            ]
            return HEPDataSubmission.Table(
                name: jsns2 ? "\(c.model), JSNS2" : "\(c.model), DUNE ND \(c.mode) mode",
                description: "Expected 90% C.L. reach on g for the \(c.model) model: \(setup); \(c.dof) dof. "
                    + "'-': no reach below g = 1.",
                dataFile: HEPDataSubmission.fileName("reach", c.model, c.mode),
                observables: ["SENSITIVITY on g_Z'"], reactions: ["NU E- --> NU E-"],
                phrases: ["Neutrino-electron scattering", "Light mediator", "Z'", "Sensitivity"],
                independent: .init(name: "M_Z'", units: "MeV", values: c.points.map(\.mass)),
                dependent: columns.map { .init(name: $0.0, units: "", qualifiers: qualifiers, values: $0.1) },
                provenance: jsns2 ? [] : headers.values.sorted())
        }
        return HEPDataSubmission(comment: comment.joined(separator: "\n"), harness: harness, tables: tables)
    }

    /// The figure (`SensitivityFigure`): 000 Fig. 2's layout, each mode in its `FigureStyle`.
    public static func chart(
        _ curves: [SensitivityCurve], band: [MuonG2Band.Edges] = [], overlays: [OverlayLimit] = []
    ) -> SVGChart {
        SensitivityFigure.chart(curves, band: band, overlays: overlays)
    }
}
