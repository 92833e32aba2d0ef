import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import NuRegistry
@testable import NuValidation
@testable import NuAnalyses
@testable import NuReports
import NuReports
import TestSupport

/// Issue 17: `check --junit` as CI servers read it.
struct JUnitTests {
    /// The elements and attributes of a JUnit document, read by Foundation's XMLParser (an
    /// independent reader of what the writer wrote).
    final class Elements: NSObject, XMLParserDelegate {
        var list: [(name: String, attributes: [String: String])] = []
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String]) { list.append((name, attributes)) }
        static func read(_ xml: String) throws -> [(name: String, attributes: [String: String])] {
            let parser = XMLParser(data: Data(xml.utf8)), elements = Elements()
            parser.delegate = elements
            try #require(parser.parse(), "not well-formed XML")
            return elements.list
        }
    }

    /// A judged case with its status replaced: a failure, an error, a skip.
    static func with(_ r: CaseResult, _ status: CaseResult.Status, errored: Bool, message: String) -> CaseResult {
        CaseResult(fixture: r.fixture, closedForm: r.closedForm, numerical: r.numerical, expected: r.expected,
                   relativeDeviation: r.relativeDeviation, units: r.units, status: status, message: message,
                   errored: errored, seconds: 0.25)
    }

    static func sample() throws -> [CaseResult] {
        let cases = try Repository.load().cases
        let golden = try #require(cases.first { $0.file.contains("/golden/") && $0.irreproducible == nil })
        let grid = try #require(cases.first { $0.file.contains("/grids/") })
        let passed = Runner.run([golden, grid])
        return passed + [Self.with(passed[0], .failed, errored: false, message: "closed 1 vs expected 2"),
                         Self.with(passed[0], .failed, errored: true, message: "error: \u{1b}[31mthrown"),
                         Self.with(passed[1], .irreproducible, errored: false, message: "irreproducible: cause")]
    }

    @Test("suites per fixture file; tests, failures, errors, skipped and time add up; classnames keep golden and grids apart")
    func structure() throws {
        let results = try Self.sample()
        let xml = try JUnitReport.xml(results, started: Date(), hostname: "ci-host")
        let elements = try Elements.read(xml)
        #expect(elements.first?.name == "testsuites" && elements.first?.attributes.isEmpty == true,
                "the root carries no attributes (the Ant schema allows none)")
        let suites = elements.filter { $0.name == "testsuite" }
        #expect(suites.count == 2, "one suite per fixture file: \(suites.map(\.attributes))")
        for (i, s) in suites.enumerated() {
            for key in ["package", "name", "id", "timestamp", "hostname", "tests", "failures", "errors", "skipped", "time"] {
                #expect(s.attributes[key] != nil, "testsuite \(i) lacks \(key)")
            }
            #expect(s.attributes["id"] == "\(i)")
        }
        func total(_ key: String) -> Int { suites.compactMap { $0.attributes[key].flatMap(Int.init) }.reduce(0, +) }
        #expect(total("tests") == 5 && total("failures") == 1 && total("errors") == 1 && total("skipped") == 1,
                "tests \(total("tests")) failures \(total("failures")) errors \(total("errors")) skipped \(total("skipped"))")
        let cases = elements.filter { $0.name == "testcase" }
        #expect(Set(cases.compactMap { $0.attributes["classname"]?.split(separator: ".").first.map(String.init) }) == ["golden", "grids"])
        #expect(cases.allSatisfy { $0.attributes["time"].flatMap(Double.init) != nil }, "every case has a time")
        #expect(elements.filter { $0.name == "failure" }.map { $0.attributes["type"] } == ["outOfTolerance"])
        #expect(elements.filter { $0.name == "error" }.map { $0.attributes["type"] } == ["evaluationError"])
        #expect(!xml.unicodeScalars.contains("\u{1b}"), "a control character reached the XML")
        let names = elements.filter { $0.name == "property" }.compactMap { $0.attributes["name"] }
        #expect(names.contains("nucheck.commit") && names.contains("data.coherent-csi2021"), "\(names)")
    }

    /// The schemas: `$NUCHECK_JUNIT_XSD`, colon-separated paths (`.ci/run` downloads the Ant
    /// schema, windyroad JUnit.xsd, and Jenkins' junit-10.xsd at pinned commits).
    static let schemas: [String] = (ProcessInfo.processInfo.environment["NUCHECK_JUNIT_XSD"] ?? "")
        .split(separator: ":").map(String.init).filter { FileManager.default.fileExists(atPath: $0) }

    @Test("check --junit validates against the JUnit XSDs; the previous writer's output does not",
          .enabled(if: ExternalTools.xmllint != nil && !schemas.isEmpty,
                   "needs xmllint (libxml2-utils) and $NUCHECK_JUNIT_XSD naming the schema files"))
    func schemaValid() throws {
        let xmllint = try #require(ExternalTools.xmllint)
        try withTemporaryDirectory("nucheck-junit") { d in
            let file = d.appendingPathComponent("check.xml")
            let o = try CommandLineRunner.run(["check", "--filter", "004", "--junit", file.path])
            #expect(o.status == 0, "\(o.stderr)")
            let old = d.appendingPathComponent("old.xml")
            try """
                <?xml version="1.0" encoding="UTF-8"?>
                <testsuites name="nucheck" tests="1" failures="0" skipped="0"><testsuite name="nucheck check" tests="1" failures="0" skipped="0">
                <testcase classname="golden.json" name="x"/></testsuite></testsuites>
                """.write(to: old, atomically: true, encoding: .utf8)
            for schema in Self.schemas {
                let v = try ExternalTools.run(xmllint, ["--noout", "--schema", schema, file.path])
                #expect(v.status == 0, "\(schema):\n\(v.output.prefix(2000))")
                let rejected = try ExternalTools.run(xmllint, ["--noout", "--schema", schema, old.path])
                #expect(rejected.status != 0, "\(schema) accepted the previous writer's output")
            }
        }
    }
}
