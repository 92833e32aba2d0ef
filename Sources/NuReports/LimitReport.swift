import Foundation
import NuAnalyses
import NuCoherent
import NuData
import NuPhysics
import NuRegistry
import NuValidation

/// One exclusion curve with what it depends on: model, data set, convention and inputs.
public struct LimitCurve: Sendable {
    public let model: String
    public let dataset: String
    public let convention: LimitConvention
    public let inputs: InputSet
    public let points: [LimitPoint]

    public init(model: String, dataset: String, convention: LimitConvention, inputs: InputSet, points: [LimitPoint]) {
        self.model = model
        self.dataset = dataset
        self.convention = convention
        self.inputs = inputs
        self.points = points
    }

    public static let datasetLabels = [
        "ar": "CENNS-10 argon (2020)", "csi": "CsI[Na] (2021)",
        "combined": "CsI[Na] + CENNS-10 argon",
    ]
    public var datasetLabel: String { Self.datasetLabels[dataset] ?? dataset }

    /// "g" for a Z', "g̃_φ" for the scalar (004 Eq. (33)).
    public var couplingName: String { model == "scalar" ? "g_phi" : "g_Z'" }
}

/// Text, JSON, CSV and HEPData-style YAML for exclusion curves.
public enum LimitReport {
    static func intervals(_ p: LimitPoint) -> String {
        p.allowed.map { i in
            String(format: "[%.4g, ", i.lower)
                + (i.upper.map {
                    String(
                        format: "%.4g)",
                        $0)
                } ?? "end of scan)")
        }
        .joined(separator: " ∪ ")
    }

    public static func text(_ curves: [LimitCurve]) -> String {
        curves.map { c in
            var lines = [
                "2σ upper bound on \(c.couplingName): \(c.model), \(c.datasetLabel); \(c.convention); inputs "
                    + "\(c.inputs.rawValue)",
                "M [MeV]         bound [dimensionless]  allowed intervals of the coupling [dimensionless]",
            ]
            for p in c.points {
                lines.append(
                    String(
                        format: "%-14.6g  %-21.6g  ", p.mass,
                        p.g) + intervals(p)
                        + (p.illConditioned ? "  (ill-conditioned: a χ² ridge within 1.5 of the threshold)" : ""))
            }
            return lines.joined(separator: "\n")
        }.joined(separator: "\n\n")
    }

    static func object(_ c: LimitCurve) -> [String: Any] {
        [
            "model": c.model, "dataset": c.dataset, "datasetLabel": c.datasetLabel, "inputs": c.inputs.rawValue,
            "confidenceLevel": LimitConvention.confidenceLevel, "dof": c.convention.dof,
            "deltaChi2": c.convention.deltaChi2,
            "deltaChi2From": c.convention.reference.rawValue, "edge": c.convention.edge.rawValue,
            "units": ["massMeV": "MeV", "bound": "dimensionless", "allowed": "dimensionless"],
            "boundary": c.points.map { p -> [String: Any] in
                [
                    "massMeV": p.mass, "bound": p.g, "illConditioned": p.illConditioned,
                    "allowed": p.allowed.map { ["lower": $0.lower, "upper": $0.upper ?? NSNull()] as [String: Any] },
                ]
            },
        ]
    }

    /// The curves under `curves`, with the harness and the data sets read.
    public static func json(_ curves: [LimitCurve]) throws -> String {
        try OutputMetadata.jsonString(["curves": curves.map(object)], withData: true)
    }

    /// One row per curve and mass; the allowed intervals as "lower:upper" separated by ';'
    /// (upper empty: allowed to the end of the scan).
    public static func csv(_ curves: [LimitCurve]) throws -> String {
        var lines =
            try OutputMetadata.headerLines(withData: true) + [
                "model,dataset,inputs,confidence_level,dof,delta_chi2,delta_chi2_from,edge,mass_MeV,"
                    + "bound_dimensionless,allowed_intervals_dimensionless"
            ]
        for c in curves {
            for p in c.points {
                let allowed = p.allowed.map {
                    String(
                        format: "%.6g:",
                        $0.lower) + ($0.upper.map { String(format: "%.6g", $0) } ?? "")
                }.joined(separator: ";")
                lines.append(
                    [
                        c.model, c.dataset, c.inputs.rawValue,
                        String(
                            format: "%.6f",
                            LimitConvention.confidenceLevel), "\(c.convention.dof)",
                        String(
                            format: "%.6g",
                            c.convention.deltaChi2), c.convention.reference.rawValue, c.convention.edge.rawValue,
                        String(format: "%.8g", p.mass),
                        String(
                            format: "%.8g",
                            p.g), allowed,
                    ].joined(separator: ","))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The release folders each data set reads (manifest ids).
    static let releases = [
        "ar": ["coherent-ar2020"], "csi": ["coherent-csi2021"],
        "combined": ["coherent-csi2021", "coherent-ar2020"],
    ]
    static let reactions = [
        "ar": ["NU AR --> NU AR"], "csi": ["NU CS --> NU CS", "NU I --> NU I"],
        "combined": ["NU CS --> NU CS", "NU I --> NU I", "NU AR --> NU AR"],
    ]

    /// A HEPData submission: one table per curve (model and data set), the mass as the
    /// independent variable and the bound as the dependent one, qualified by the CL, dof, Δχ²
    /// and its reference point, the edge, the data set, the model and the inputs; the data sets'
    /// citations and checksums in the submission's comment and every file's header.
    public static func hepdata(_ curves: [LimitCurve]) throws -> HEPDataSubmission {
        let used = Array(Set(curves.flatMap { releases[$0.dataset] ?? [] })).sorted()
        let (harness, headers, sets) = try OutputMetadata.hepdataProvenance(used)
        let comment =
            [
                "2σ exclusion boundaries on the coupling of a light mediator from the COHERENT CEvNS data "
                    + "releases, computed by nucheck along the analysis of M. Atzori Corona et al. (paper 004), "
                    + "Eqs. (4)-(9): at each mass the upper edge of the allowed region of the coupling.",
                "Written by " + harness + ".",
            ] + sets
        let tables = try curves.map { c -> HEPDataSubmission.Table in
            let ridges = c.points.filter(\.illConditioned).map { String(format: "%.4g", $0.mass) }
            let split = c.points.filter { $0.allowed.count > 1 }.map { String(format: "%.4g", $0.mass) }
            var description =
                "Upper bound on \(c.couplingName) for the \(c.model) model from \(c.datasetLabel): "
                + "\(c.convention); inputs \(c.inputs.rawValue)."
            if !split.isEmpty {
                description +=
                    " The allowed region has more than one interval at M = \(split.joined(separator: ", "))"
                    + " MeV (nucheck limits --json lists them)."
            }
            if !ridges.isEmpty {
                description +=
                    " Ill-conditioned (a χ² ridge within 1.5 of the threshold) at M = "
                    + ridges.joined(separator: ", ") + " MeV."
            }
            guard let reactions = reactions[c.dataset] else { throw PhysicsError.unknown("data set '\(c.dataset)'") }
            let qualifiers: [(name: String, value: String)] = [
                ("CL", String(format: "%.2f%%", 100 * LimitConvention.confidenceLevel)),
                ("dof", "\(c.convention.dof)"), ("Delta chi2", String(format: "%.6g", c.convention.deltaChi2)),
                ("Delta chi2 from", c.convention.reference.rawValue), ("edge", c.convention.edge.rawValue),
                ("data set", c.datasetLabel), ("model", c.model), ("inputs", c.inputs.rawValue),
            ]
            return HEPDataSubmission.Table(
                name: "\(c.model), \(c.datasetLabel)", description: description,
                dataFile: HEPDataSubmission.fileName("limit", c.model, c.dataset),
                observables: ["UPPER LIMIT on \(c.couplingName)"], reactions: reactions,
                phrases: [
                    "Coherent elastic neutrino-nucleus scattering", "Light mediator",
                    c.model == "scalar" ? "Light scalar" : "Z'", "Exclusion limit",
                ],
                independent: .init(
                    name: c.model == "scalar" ? "M_phi" : "M_Z'", units: "MeV",
                    values: c.points.map(\.mass)),
                dependent: [
                    .init(
                        name: "\(c.couplingName) upper bound", units: "", qualifiers: qualifiers,
                        values: c.points.map(\.g))
                ],
                provenance: (releases[c.dataset] ?? []).compactMap { headers[$0] })
        }
        return HEPDataSubmission(comment: comment.joined(separator: "\n"), harness: harness, tables: tables)
    }
}
