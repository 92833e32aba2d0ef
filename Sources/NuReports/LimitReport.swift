import Foundation
import NuHarness
import NuCoherent
import NuPhysics

/// One exclusion curve with what it depends on: model, data set, convention and inputs.
public struct LimitCurve: Sendable {
    public let model: String
    public let dataset: String
    public let convention: LimitConvention
    public let inputs: InputSet
    public let points: [LimitPoint]

    public init(model: String, dataset: String, convention: LimitConvention, inputs: InputSet, points: [LimitPoint]) {
        self.model = model; self.dataset = dataset; self.convention = convention; self.inputs = inputs; self.points = points
    }

    public static let datasetLabels = ["ar": "CENNS-10 argon (2020)", "csi": "CsI[Na] (2021)",
        "combined": "CsI[Na] + CENNS-10 argon"]
    public var datasetLabel: String { Self.datasetLabels[dataset] ?? dataset }

    /// "g" for a Z', "g̃_φ" for the scalar (004 Eq. (33)).
    public var couplingName: String { model == "scalar" ? "g_phi" : "g_Z'" }
}

/// Text, JSON, CSV and HEPData-style YAML for exclusion curves.
public enum LimitReport {
    static func intervals(_ p: LimitPoint) -> String {
        p.allowed.map { i in String(format: "[%.4g, ", i.lower) + (i.upper.map { String(format: "%.4g)",
            $0) } ?? "end of scan)") }
            .joined(separator: " ∪ ")
    }

    public static func text(_ curves: [LimitCurve]) -> String {
        curves.map { c in
            var lines = ["2σ upper bound on \(c.couplingName): \(c.model), \(c.datasetLabel); \(c.convention); inputs \(c.inputs.rawValue)",
                         "M [MeV]         bound [dimensionless]  allowed intervals of the coupling [dimensionless]"]
            for p in c.points {
                lines.append(String(format: "%-14.6g  %-21.6g  ", p.mass,
                    p.g) + intervals(p) + (p.illConditioned ? "  (ill-conditioned: a χ² ridge within 1.5 of the threshold)" : ""))
            }
            return lines.joined(separator: "\n")
        }.joined(separator: "\n\n")
    }

    static func object(_ c: LimitCurve) -> [String: Any] {
        ["model": c.model, "dataset": c.dataset, "datasetLabel": c.datasetLabel, "inputs": c.inputs.rawValue,
         "confidenceLevel": LimitConvention.confidenceLevel, "dof": c.convention.dof, "deltaChi2": c.convention.deltaChi2,
         "deltaChi2From": c.convention.reference.rawValue, "edge": c.convention.edge.rawValue,
         "units": ["massMeV": "MeV", "bound": "dimensionless", "allowed": "dimensionless"],
         "boundary": c.points.map { p -> [String: Any] in
             ["massMeV": p.mass, "bound": p.g, "illConditioned": p.illConditioned,
              "allowed": p.allowed.map { ["lower": $0.lower, "upper": $0.upper ?? NSNull()] as [String: Any] }]
         }]
    }

    /// The curves under `curves`, with the harness and the data sets read.
    public static func json(_ curves: [LimitCurve]) throws -> String {
        try OutputMetadata.jsonString(["curves": curves.map(object)], withData: true)
    }

    /// One row per curve and mass; the allowed intervals as "lower:upper" separated by ';'
    /// (upper empty: allowed to the end of the scan).
    public static func csv(_ curves: [LimitCurve]) throws -> String {
        var lines = try OutputMetadata.headerLines(withData: true) + ["model,dataset,inputs,confidence_level,dof,delta_chi2,delta_chi2_from,edge,mass_MeV,bound_dimensionless,allowed_intervals_dimensionless"]
        for c in curves {
            for p in c.points {
                let allowed = p.allowed.map { String(format: "%.6g:",
                    $0.lower) + ($0.upper.map { String(format: "%.6g", $0) } ?? "") }.joined(separator: ";")
                lines.append([c.model, c.dataset, c.inputs.rawValue, String(format: "%.6f",
                    LimitConvention.confidenceLevel), "\(c.convention.dof)",
                              String(format: "%.6g",
                                  c.convention.deltaChi2), c.convention.reference.rawValue, c.convention.edge.rawValue,
                              String(format: "%.8g", p.mass), String(format: "%.8g",
                                  p.g), allowed].joined(separator: ","))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func quoted(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "''") + "'" }

    /// A HEPData-style table: the mass as the independent variable, one dependent variable per
    /// curve (all curves must share the masses), each with qualifiers for the CL, dof, Δχ², data
    /// set, model, edge and inputs.
    public static func hepdata(_ curves: [LimitCurve], version: String) throws -> String {
        guard let masses = curves.first?.points.map(\.mass), curves.allSatisfy({ $0.points.map(\.mass) == masses }) else {
            throw PhysicsError.notApplicable("HEPData table: the curves must share one mass grid")
        }
        var y = ["# HEPData-style record written by nucheck \(version): exclusion boundaries from the COHERENT data releases,",
                 "# analysis of M. Atzori Corona et al. (paper 004), Eqs. (4)-(9).",
                 "name: \(quoted("COHERENT 2σ upper bounds on the mediator coupling"))",
                 "description: \(quoted("Upper edge of the allowed region of the coupling at each mediator mass, from the CsI[Na] 2021 and CENNS-10 argon 2020 data releases."))",
                 "independent_variables:",
                 "- header: {name: \(quoted("M")), units: MeV}",
                 "  values:"]
        y += masses.map { "  - {value: \(String(format: "%.8g", $0))}" }
        y.append("dependent_variables:")
        for c in curves {
            y += ["- header: {name: \(quoted("\(c.couplingName) upper bound")), units: ''}",
                  "  qualifiers:",
                  "  - {name: CL, value: \(quoted(String(format: "%.2f%%", 100 * LimitConvention.confidenceLevel)))}",
                  "  - {name: dof, value: \(c.convention.dof)}",
                  "  - {name: Delta chi2, value: \(String(format: "%.6g", c.convention.deltaChi2))}",
                  "  - {name: Delta chi2 from, value: \(quoted(c.convention.reference.rawValue))}",
                  "  - {name: data set, value: \(quoted(c.datasetLabel))}",
                  "  - {name: model, value: \(quoted(c.model))}",
                  "  - {name: edge, value: \(quoted(c.convention.edge.rawValue))}",
                  "  - {name: inputs, value: \(quoted(c.inputs.rawValue))}",
                  "  values:"]
            y += c.points.map { "  - {value: \(String(format: "%.8g", $0.g))}" }
        }
        return y.joined(separator: "\n") + "\n"
    }

    /// The exclusion figure of one curve: the bound with the excluded region above it shaded, and
    /// 004's Table 2 entries as dashed asymptotes clipped to their regimes (low mass: a constant g
    /// below 10 MeV, where M ≪ |q|; high mass: g ∝ M above 1 GeV, where M ≫ |q|); the asymptotes do
    /// not set the axis range.
    public static func chart(_ curve: LimitCurve, reference: ReferenceLibrary) -> SVGChart {
        let masses = curve.points.map(\.mass)
        let (a, b) = (masses.min() ?? 0.1, masses.max() ?? 1e5)
        var curves = [PlotCurve(label: "2σ bound (ours)", points: curve.points.map { ($0.mass, $0.g) },
            role: .excludedAbove)]
        let key = "004_atzori_corona_et_al.json#table2.\(curve.model).\(curve.dataset)"
        if let low = reference.entries["\(key).lowMass"]?.value, a < 10 {
            curves.append(PlotCurve(label: "Table 2, M ≪ |q|: g = \(String(format: "%.2g", low))", points: [(a, low),
                (min(b, 10), low)], role: .reference))
        }
        if let high = reference.entries["\(key).highMass"]?.value, b > 1000 {
            let start = max(a, 1000)
            curves.append(PlotCurve(label: "Table 2, M ≫ |q|: g/M = \(String(format: "%.2g", high)) GeV⁻¹",
                                    points: [(start, high * start / 1000), (b, high * b / 1000)], role: .reference))
        }
        let scalar = curve.model == "scalar"
        return SVGChart(title: "\(curve.model): 2σ exclusion from COHERENT \(curve.datasetLabel)",
                        caption: "\(curve.convention); inputs: \(curve.inputs.rawValue)",
                        xLabel: scalar ? "M_φ [MeV]" : "M_Z' [MeV]", yLabel: scalar ? "g̃_φ" : "g_\(curve.model)",
                        curves: curves, logX: true, logY: true)
    }
}
