import Foundation
import NuAnalyses
import NuData
import NuRegistry
import NuValidation

extension Reports {
    /// A report for people: per paper, each golden value with both paths, the deviation and the
    /// status, then the irreproducible values with their reasons, then one line per grid.
    public static func markdown(_ results: [CaseResult], notEvaluable: [ReferenceEntry] = []) throws -> String {
        func number(_ v: Double?) -> String { v.map { String(format: "%.8g", $0) } ?? "–" }
        func cell(_ s: String) -> String {
            s.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(
                of: "\n",
                with: " ")
        }
        let summary = Runner.summary(results)
        var lines = [
            "# nucheck check report", "",
            "harness \(HarnessVersion.full); \(summary.line) (\(summary.total) cases)", "",
            "## Data", "", "| data set | status | read from | citation | SHA-256 of its file list |",
            "| --- | --- | --- | --- | --- |",
        ]
        lines += try DataLibrary.shared.provenance().map {
            "| \($0.dataSet) | \(cell($0.status)) | \(cell($0.origin)) | \(cell($0.citation)) | `\($0.digest)` |"
        }
        lines.append("")
        var golden: [String: [CaseResult]] = [:]
        var grids: [String: [CaseResult]] = [:]
        for r in results {
            if let paper = r.fixture.citation {
                golden[paper, default: []].append(r)
            } else {
                grids[String(r.fixture.id.prefix { $0 != "[" }), default: []].append(r)
            }
        }
        let lost = Dictionary(grouping: notEvaluable, by: \.citation)
        for paper in Set(golden.keys).union(lost.keys).sorted() {
            let rows = golden[paper] ?? []
            lines += [
                "## \(paper)", "",
                "| case | where | printed | expected | closed form | numerical | units | rel. deviation | allowed | "
                    + "status |",
                "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
            ]
            for r in rows {
                var printed = ""
                if case .golden(_, _, let p, _) = r.fixture.kind { printed = p }
                let location = r.fixture.location ?? ""
                lines.append(
                    "| \(cell(r.fixture.id)) | \(cell(location)) | `\(cell(printed))` | \(number(r.expected)) | "
                        + "\(number(r.closedForm)) | \(number(r.numerical)) | \(cell(r.units)) | "
                        + "\(r.relativeDeviation.map { String(format: "%.2e", $0) } ?? "–") | "
                        + "\(r.fixture.tolerance.text) | \(r.status.rawValue) |"
                )
            }
            lines.append("")
            let reasons = rows.filter { $0.status != .passed }
            if !reasons.isEmpty {
                lines.append("Not passed:")
                lines.append("")
                for r in reasons {
                    lines.append("- **\(r.fixture.id)** (\(r.status.rawValue)): \(cell(r.message ?? ""))")
                }
                lines.append("")
            }
            if let items = lost[paper] {
                lines += ["Recorded but not evaluable (irreproducible, `Reference/`):", ""]
                for e in items {
                    lines.append(
                        "- **\(e.id)** (\(cell(e.location))): printed `\(cell(e.printed))`; "
                            + cell(e.irreproducible ?? ""))
                }
                lines.append("")
            }
        }
        lines += [
            "## Cross-path grids", "", "| grid | points | passed | failed | worst rel. deviation | allowed |",
            "| --- | --- | --- | --- | --- | --- |",
        ]
        for (grid, rows) in grids.sorted(by: { $0.key < $1.key }) {
            let worst = rows.compactMap(\.relativeDeviation).max()
            lines.append(
                "| \(grid) | \(rows.count) | \(rows.filter { $0.status == .passed }.count) | "
                    + "\(rows.filter { $0.status == .failed }.count) | "
                    + "\(worst.map { String(format: "%.2e", $0) } ?? "–") | \(rows[0].fixture.tolerance.text) |"
            )
        }
        let failed = results.filter { $0.status == .failed && !($0.fixture.source.hasPrefix("0")) }
        if !failed.isEmpty {
            lines += ["", "Failed grid points:", ""]
            for r in failed.prefix(200) { lines.append("- \(cell(r.fixture.id)): \(cell(r.message ?? ""))") }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
