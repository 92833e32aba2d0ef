import Foundation
import NuAnalyses
import NuCoherent
import NuPhysics
import NuRegistry
import NuValidation

extension TableTwo {
    public static func text(_ rows: [Row]) -> String {
        guard let first = rows.first else { return "no entries" }
        let c = first.convention
        var lines = [
            String(
                format: "004 Table 2 from the COHERENT releases: 2σ (95.45%% CL), %d dof, Δχ² = %.4g from "
                    + "the %@; inputs: %@",
                c.dof, c.deltaChi2,
                c.reference == .minimum
                    ? "χ² minimum"
                    : "SM "
                        + "point", first.inputs.rawValue),
            "model          dataset   regime     ours            printed         units          rel. "
                + "deviation  edge   note",
            "-------------  --------  ---------  --------------  --------------  -------------  "
                + "--------------  -----  ----",
        ]
        for r in rows {
            let note =
                r.profile.map { p in
                    "ill-conditioned: Δχ² profile "
                        + p.enumerated().filter { $0.offset % 3 == 0 }
                        .map {
                            String(
                                format: "%.3g:%.2f", $0.element.coupling,
                                $0.element.deltaChi2)
                        }.joined(separator: " ")
                } ?? ""
            lines.append(
                [
                    r.model.padding(toLength: 13, withPad: " ", startingAt: 0),
                    r.dataset.padding(
                        toLength: 8,
                        withPad: " ", startingAt: 0),
                    r.regime.padding(toLength: 9, withPad: " ", startingAt: 0),
                    String(format: "%.4e", r.ours).padding(toLength: 14, withPad: " ", startingAt: 0),
                    String(format: "%.4e", r.printed).padding(
                        toLength: 14, withPad: " ",
                        startingAt: 0), r.units.padding(toLength: 13, withPad: " ", startingAt: 0),
                    String(format: "%+.3f", r.relativeDeviation).padding(
                        toLength: 14, withPad: " ",
                        startingAt: 0),
                    r.convention.edge.rawValue.padding(
                        toLength: 5, withPad: " ",
                        startingAt: 0), note,
                ].joined(separator: "  "))
        }
        let (w10, w20) = summary(rows)
        lines.append("")
        lines.append("\(rows.count) entries computed; \(w10) within 10% and \(w20) within 20% of the printed values")
        return lines.joined(separator: "\n")
    }

    public static func json(_ rows: [Row]) throws -> String {
        let list: [[String: Any]] = rows.map { r in
            var o: [String: Any] = [
                "model": r.model, "dataset": r.dataset, "regime": r.regime, "ours": r.ours,
                "printed": r.printed,
                "units": r.units, "relativeDeviation": r.relativeDeviation, "edge": r.convention.edge.rawValue,
                "dof": r.convention.dof, "deltaChi2": r.convention.deltaChi2,
                "confidenceLevel": LimitConvention.confidenceLevel,
                "deltaChi2From": r.convention.reference.rawValue, "inputs": r.inputs.rawValue,
                "illConditioned": r.profile != nil,
            ]
            if let p = r.profile {
                o["profile"] = p.map { ["coupling": $0.coupling, "deltaChi2": $0.deltaChi2] }
                o["profileUnits"] = ["coupling": r.units, "deltaChi2": "dimensionless"]
            }
            return o
        }
        return try OutputMetadata.jsonString(["entries": list], withData: true)
    }
}
