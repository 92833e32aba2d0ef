import Foundation
import NuData
import NuAnalyses
import NuRegistry
import NuValidation

/// Renders results as the text table, JSON and JUnit XML of `nucheck check`.
public enum Reports {
    static func number(_ v: Double?) -> String { v.map { String(format: "%.10g", $0) } ?? "-" }

    /// One row per case: id, source, closed form, numerical, expected, units, relative deviation,
    /// allowed, status; reasons for irreproducible values and then failures follow the table, the
    /// failures (and cases recorded irreproducible that now agree) last, just above the summary
    /// line. `summaryOnly`: those and the summary.
    public static func table(_ results: [CaseResult], summaryOnly: Bool = false) -> String {
        let header = [
            "case", "source", "closed form", "numerical", "expected", "units", "rel. deviation", "allowed",
            "status",
        ]
        let failsRun = { (r: CaseResult) in r.status == .failed || r.status == .nowReproducible }
        let shown =
            summaryOnly
            ? results.filter(failsRun)
            : results.filter { !failsRun($0) } + results.filter(failsRun)
        let rows = shown.map { r in
            [
                r.fixture.id, r.fixture.source, number(r.closedForm), number(r.numerical), number(r.expected), r.units,
                r.relativeDeviation.map { String(format: "%.2e", $0) } ?? "-", r.fixture.tolerance.text,
                r.status.rawValue,
            ]
        }
        var widths = header.map(\.count)
        for row in rows {
            for (i, cell) in row.enumerated() {
                widths[i] = min(
                    max(widths[i], cell.count),
                    i == 0 ? 70 : 44)
            }
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { i, cell in
                let c = cell.count > widths[i] ? String(cell.prefix(widths[i] - 1)) + "…" : cell
                return c.padding(toLength: widths[i], withPad: " ", startingAt: 0)
            }.joined(separator: "  ").trimmingCharacters(in: .whitespaces)
        }
        var out =
            rows.isEmpty
            ? []
            : [
                line(header),
                line(
                    widths.map {
                        String(
                            repeating: "-",
                            count: $0)
                    }),
            ] + rows.map(line)
        let notes =
            shown.filter { $0.message != nil && !failsRun($0) }
            + shown.filter { failsRun($0) && $0.message != nil }
        if !notes.isEmpty {
            out.append("")
            for r in notes {
                let label = r.status == .nowReproducible ? "NOW REPRODUCIBLE" : r.status.rawValue.uppercased()
                out.append("\(label) \(r.fixture.id): \(r.message!)")
            }
        }
        if !out.isEmpty { out.append("") }
        out.append(Runner.summary(results).line)
        return out.joined(separator: "\n")
    }

    static func caseObject(_ r: CaseResult) -> [String: Any] {
        var o: [String: Any] = [
            "id": r.fixture.id, "source": r.fixture.source, "quantity": r.fixture.quantity, "inputs": r.fixture.inputs,
            "fixtureFile": r.fixture.file, "units": r.units, "status": r.status.rawValue,
            "allowedRelative": r.fixture.tolerance.relative, "allowedAbsolute": r.fixture.tolerance.absolute,
            "toleranceReason": r.fixture.tolerance.reason,
            "toleranceClass": r.fixture.tolerance.toleranceClass.rawValue,
            "paths": r.fixture.paths.map(\.rawValue),
        ]
        o["closedForm"] = r.closedForm ?? NSNull()
        o["numerical"] = r.numerical ?? NSNull()
        o["expected"] = r.expected ?? NSNull()
        o["relativeDeviation"] = r.relativeDeviation ?? NSNull()
        o["message"] = r.message ?? NSNull()
        if case .golden(_, _, let printed, let units) = r.fixture.kind {
            o["printed"] = printed
            o["printedUnits"] = units
        }
        return o
    }

    public static func json(_ results: [CaseResult], notEvaluable: [ReferenceEntry] = []) throws -> String {
        let s = Runner.summary(results)
        let root: [String: Any] = [
            "notEvaluable": notEvaluableObjects(notEvaluable),
            "summary": [
                "passed": s.passed, "failed": s.failed, "irreproducible": s.irreproducible,
                "nowReproducible": s.nowReproducible, "notRun": s.notRun, "total": s.total,
            ],
            "cases": results.map(caseObject),
        ]
        return try OutputMetadata.jsonString(root, withData: true)
    }
}
