import Foundation
import NuAnalyses
import NuRegistry
import NuValidation

#if canImport(Glibc)
import Glibc
import NuData
#endif

/// `check --junit`: JUnit XML as CI servers read it, valid against the Ant JUnit schema
/// (windyroad JUnit.xsd, the strict one) and Jenkins' junit-10.xsd at once. One `<testsuite>`
/// per fixture file (package golden or grids, name the file's stem, id from 0) with timestamp,
/// hostname, tests, failures, errors, skipped and time; properties first (harness, fixture file,
/// data sets), then the cases, then system-out (the suite's summary) and system-err. A case's
/// classname is `golden.FILE` or `grids.FILE`; a value out of tolerance is a `<failure>`, a case
/// that could not be judged (the evaluation threw) an `<error>`, a case recorded irreproducible
/// that now agrees a `<failure>` of type nowReproducible (its record is out of date), an
/// irreproducible or not-run value `<skipped>` with its reason. The root carries no attributes:
/// the Ant schema allows none.
public enum JUnitReport {
    public static func xml(
        _ results: [CaseResult], started: Date, hostname: String = JUnitReport.hostname
    )
        throws -> String
    {
        let data = try OutputMetadata.data()
        let timestamp = Self.timestamp(started)
        var files: [String] = []
        for r in results where !files.contains(r.fixture.file) { files.append(r.fixture.file) }
        var lines = [#"<?xml version="1.0" encoding="UTF-8"?>"#, "<testsuites>"]
        for (id, file) in files.enumerated() {
            let mine = results.filter { $0.fixture.file == file }
            let url = URL(fileURLWithPath: file)
            let package = url.deletingLastPathComponent().lastPathComponent
            let name = url.deletingPathExtension().lastPathComponent
            let failures = mine.filter { $0.status == .failed && !$0.errored || $0.status == .nowReproducible }
                .count
            let errors = mine.filter { $0.status == .failed && $0.errored }.count
            let skipped = mine.filter { $0.status == .irreproducible || $0.status == .notRun }.count
            lines.append(
                "  <testsuite"
                    + attributes([
                        ("package", package), ("name", name), ("id", "\(id)"), ("timestamp", timestamp),
                        ("hostname", hostname), ("tests", "\(mine.count)"), ("failures", "\(failures)"),
                        ("errors", "\(errors)"), ("skipped", "\(skipped)"),
                        ("time", seconds(mine.map(\.seconds).reduce(0, +))),
                    ]) + ">")
            lines.append("    <properties>")
            var properties = [
                ("nucheck.version", HarnessVersion.string), ("nucheck.commit", HarnessVersion.commit),
                ("fixture.file", "\(package)/\(url.lastPathComponent)"),
            ]
            for set in data {
                let id = set["dataSet"] as? String ?? "?"
                properties.append(
                    (
                        "data.\(id)",
                        "\(set["status"] ?? "?") (\(set["origin"] ?? "?")), SHA-256 of "
                            + "its file list \(set["digestSha256"] ?? "?")"
                    ))
            }
            lines += properties.map { "      <property" + attributes([("name", $0.0), ("value", $0.1)]) + "/>" }
            lines.append("    </properties>")
            for r in mine { lines += testcase(r, classname: "\(package).\(name)") }
            lines.append("    <system-out>\(escape(Runner.summary(mine).line))</system-out>")
            lines.append("    <system-err></system-err>")
            lines.append("  </testsuite>")
        }
        lines.append("</testsuites>")
        return lines.joined(separator: "\n") + "\n"
    }

    static func testcase(_ r: CaseResult, classname: String) -> [String] {
        let open =
            "    <testcase"
            + attributes([
                ("classname", classname), ("name", r.fixture.id),
                ("time", seconds(r.seconds)),
            ])
        let detail = String(
            format: "closedForm=%@ numerical=%@ expected=%@ %@ deviation=%@ allowed=%@",
            number(r.closedForm), number(r.numerical), number(r.expected), r.units,
            r.relativeDeviation.map { String(format: "%.3e", $0) } ?? "-", r.fixture.tolerance.text)
        let message = r.message ?? r.status.rawValue
        switch r.status {
        case .passed: return [open + "/>"]
        case .failed, .nowReproducible:
            let (element, type) =
                r.status == .nowReproducible
                ? ("failure", "nowReproducible")
                : r.errored ? ("error", "evaluationError") : ("failure", "outOfTolerance")
            return [
                open + ">",
                "      <\(element)" + attributes([("type", type), ("message", message)])
                    + ">\(escape(detail))</\(element)>", "    </testcase>",
            ]
        case .irreproducible, .notRun:
            return [open + ">", "      <skipped" + attributes([("message", message)]) + "/>", "    </testcase>"]
        }
    }

    static func number(_ v: Double?) -> String { v.map { String(format: "%.10g", $0) } ?? "-" }

    /// Milliseconds: Jenkins' junit-10.xsd allows three decimals.
    static func seconds(_ s: Double) -> String { String(format: "%.3f", s) }

    /// ISO 8601 without a zone (the Ant schema's pattern), in UTC.
    static func timestamp(_ date: Date) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.timeZone = TimeZone(identifier: "UTC")
        f.dateFormat = "yyyy-MM-dd'T'HH:mm:ss"
        return f.string(from: date)
    }

    /// The machine's name, or "localhost" when it has none (the Ant schema's rule).
    public static var hostname: String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count) == 0 else { return "localhost" }
        let name = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return name.isEmpty ? "localhost" : name
    }

    static func attributes(_ pairs: [(String, String)]) -> String {
        pairs.map { " \($0.0)=\"\(escape($0.1))\"" }.joined()
    }

    static func escape(_ s: String) -> String { XMLText.escape(s) }
}
