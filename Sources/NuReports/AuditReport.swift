import Foundation
import NuAnalyses
import NuPhysics
import NuRegistry
import NuValidation

extension ConventionAudit {
    public static func text(_ results: [Result]) -> String {
        var lines: [String] = []
        for r in results {
            lines.append("[\(r.item.id)] \(r.item.title)")
            for (source, writes) in r.item.conventions { lines.append("    \(source): \(writes)") }
            lines.append("    harness: \(r.item.harnessChoice)")
            lines.append("    demonstration: \(r.item.demonstrationDescription)")
            for (label, value) in r.values {
                lines.append(
                    String(
                        format: "        %@ = %.10g %@", label, value,
                        r.units))
            }
            lines.append(
                String(
                    format: "        ratio %@ / %@ = %.10g", r.item.ratio.numerator,
                    r.item.ratio.denominator, r.ratio))
            lines.append("    mapping: \(r.item.mappingDescription)")
            lines.append(
                String(
                    format: "        observed %.15g, expected %.15g, allowed %.1e relative: %@",
                    r.mappingObserved, r.mappingExpected, r.item.tolerance, r.holds ? "holds" : "FAILS"))
            lines.append("")
        }
        lines.append("\(results.filter(\.holds).count) of \(results.count) mappings hold")
        return lines.joined(separator: "\n")
    }

    public static func json(_ results: [Result]) throws -> String {
        let list: [[String: Any]] = results.map { r in
            [
                "id": r.item.id, "title": r.item.title,
                "conventions": Dictionary(uniqueKeysWithValues: r.item.conventions.map { ($0.source, $0.writes) }),
                "harnessChoice": r.item.harnessChoice,
                "demonstration": [
                    "point": r.item.demonstrationDescription,
                    "values": r.values.map { ["label": $0.label, "value": $0.value] },
                    "units": r.units,
                    "ratio": r.ratio,
                    "ratioOf": [r.item.ratio.numerator, r.item.ratio.denominator],
                ] as [String: Any],
                "mapping": [
                    "description": r.item.mappingDescription, "observed": r.mappingObserved,
                    "expected": r.mappingExpected,
                    "relativeTolerance": r.item.tolerance, "holds": r.holds,
                ] as [String: Any],
            ]
        }
        return try OutputMetadata.jsonString(["items": list])
    }
}
