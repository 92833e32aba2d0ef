import Foundation
import Testing
import NuData
import NuCoherent
import NuRegistry
import NuValidation
import NuAnalyses
import NuPhysics
import NuReports
import TestSupport

/// The repository's Fixtures/ and Reference/, found from this file's path (not bundled).
enum Repository {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let fixtures = root.appendingPathComponent("Fixtures")
    static let reference = root.appendingPathComponent("Reference")

    static func load() throws -> FixtureSet {
        CoherentContext.shared.setReferenceDirectory(reference)  // the data: the package's own copy
        return try FixtureSet(fixtures: fixtures, reference: try ReferenceLibrary(directory: reference))
    }

    /// The cases for parameterised tests; empty if loading fails, which `fixturesLoad` reports.
    static let cases: [FixtureCase] = (try? load().cases) ?? []
    static var golden: [FixtureCase] { cases.filter { if case .golden = $0.kind { return true } else { return false } } }
    static var gridIDs: [String] { Array(Set(cases.filter { if case .golden = $0.kind { return false } else { return true } }.map(gridID))).sorted() }
    static func gridID(_ c: FixtureCase) -> String { String(c.id.prefix { $0 != "[" }) }
}

extension FixtureCase: CustomTestStringConvertible {
    public var testDescription: String { id }
}

struct FixtureTests {
    /// Loading must succeed and find cases: a suite that ran zero cases fails.
    @Test("Fixtures/ and Reference/ load and hold cases")
    func fixturesLoad() throws {
        let set = try Repository.load()
        #expect(set.cases.count > 0, "no fixture cases loaded")
        #expect(Repository.golden.count >= 60, "\(Repository.golden.count) golden cases, expected the foundation issue's ≥ 60")
        #expect(Repository.gridIDs.count >= 10, "\(Repository.gridIDs.count) grids")
    }

    /// Every golden value against the paths its fixture names, within its stated tolerance. A value
    /// recorded irreproducible is an expected failure: some path it names must really lie outside
    /// its tolerance (checked here apart from the runner); were it to agree, the record is out of
    /// date and this test fails, as `nucheck check` does.
    @Test("golden values", arguments: Repository.golden)
    func golden(_ c: FixtureCase) throws {
        let result = Runner.run(c)
        if let why = c.irreproducible {
            guard case .golden(let expected, _, _, _) = c.kind else { Issue.record("\(c.id) is not golden"); return }
            let values = c.paths.compactMap { $0 == .closedForm ? result.closedForm : result.numerical }
            let outside = values.filter {
                !isClose($0, expected, relative: c.tolerance.relative, absolute: c.tolerance.absolute)
            }
            #expect(values.count == c.paths.count, "\(c.id): a path it names gave no value (\(result.message ?? ""))")
            #expect(!outside.isEmpty, Comment(rawValue: "\(c.id) is recorded irreproducible (\(why)) but every path "
                + "agrees with \(expected) within \(c.tolerance.text): \(values); update the record"))
            #expect(result.status == .irreproducible, "\(c.id): \(result.status.rawValue), \(result.message ?? "")")
            return
        }
        #expect(result.status == .passed,
                "\(c.id) [\(c.source)]: \(result.message ?? ""); relative deviation \(result.relativeDeviation.map { String($0) } ?? "-"), allowed \(c.tolerance.text) (\(c.tolerance.reason))")
    }

    /// Each cross-path grid, point by point.
    @Test("cross-path grids", arguments: Repository.gridIDs)
    func grid(_ id: String) {
        let points = Repository.cases.filter { Repository.gridID($0) == id }
        #expect(!points.isEmpty, "grid \(id) has no points")
        for result in Runner.run(points) where result.status != .passed {
            Issue.record("\(result.fixture.id): \(result.message ?? "") (allowed \(result.fixture.tolerance.text))")
        }
    }

    /// Values recorded irreproducible are reported with their reason, counted apart as expected
    /// failures, and do not make the run fail, while each really disagrees beyond its tolerance.
    @Test("irreproducible values are counted, not failed, and really disagree")
    func irreproducibleCounting() throws {
        let irreproducible = Repository.cases.filter { $0.irreproducible != nil }
        #expect(!irreproducible.isEmpty, "the foundation fixtures record the trident ratio at the Z-pole s_W² as irreproducible")
        let results = Runner.run(irreproducible)
        let summary = Runner.summary(results)
        // The data ship with the package: every case runs.
        #expect(summary.irreproducible == irreproducible.count && summary.failed == 0 && summary.notRun == 0
                && summary.nowReproducible == 0 && !summary.failsRun, "\(summary.line)")
        #expect(results.filter { $0.status == .irreproducible }.allSatisfy { ($0.message ?? "").contains("irreproducible") })
        for r in results {
            // The worst path's distance from the expected value against the allowed one.
            let expected = try #require(r.expected, "\(r.fixture.id): no expected value")
            let deviation = try #require(r.relativeDeviation, "\(r.fixture.id): no deviation")
            let distance = expected == 0 ? deviation : deviation * abs(expected)
            let allowed = max(r.fixture.tolerance.relative * abs(expected), r.fixture.tolerance.absolute)
            #expect(distance > allowed, Comment(rawValue: "\(r.fixture.id): recorded irreproducible, yet "
                + "|observed − expected| = \(distance) is within the allowed \(allowed)"))
        }
    }

    /// A case recorded irreproducible that agrees within its tolerance is an unexpected pass: it is
    /// reported as now reproducible, counted apart, and fails the run until the record is updated.
    @Test("a case recorded irreproducible that now agrees is reported and fails the run")
    func nowReproducible() throws {
        // nue.tmax at 1 MeV recorded irreproducible with its exact value, 2E²/(m_e + 2E).
        let tMax = 2.0 / (Constants.electronMass + 2)
        let set = try MalformedFixtureTests().load(golden: ExpectedFailureCommandTests.golden(expected: tMax))
        let recorded = try #require(set.cases.first { $0.id == "c" })
        let results = Runner.run([recorded])
        #expect(results[0].status == .nowReproducible)
        #expect((results[0].message ?? "").contains("now reproducible") &&
                (results[0].message ?? "").contains("recorded for the test"), "\(results[0].message ?? "")")
        let summary = Runner.summary(results)
        #expect(summary.nowReproducible == 1 && summary.failsRun)
        #expect(summary.line == "0 passed, 0 failed, 0 irreproducible, 1 now reproducible", "\(summary.line)")
        let table = Reports.table(results, summaryOnly: true)
        #expect(table.contains("NOW REPRODUCIBLE c: now reproducible"), "\(table)")
        let xml = try JUnitReport.xml(results, started: Date(timeIntervalSince1970: 0), hostname: "h")
        #expect(xml.contains(#"failures="1""#) && xml.contains(#"type="nowReproducible""#), "\(xml)")
    }

    /// Constants.swift and Reference/constants.json state the same numbers.
    @Test("compiled constants match Reference/constants.json")
    func constants() throws {
        let library = try ReferenceLibrary(directory: Repository.reference)
        func value(_ id: String) throws -> Double {
            try #require(library.entries["constants.json#\(id)"]?.value, "constants.json has no \(id)")
        }
        let gF = try value("G_F") * 1e-6  // GeV⁻² → MeV⁻²
        #expect(abs(gF - Constants.fermiConstant) <= 1e-15 * gF, "G_F \(gF) MeV⁻² vs \(Constants.fermiConstant)")
        #expect(try value("m_e") == Constants.electronMass)
        #expect(try value("m_mu") == Constants.muonMass)
        #expect(try value("m_tau") == Constants.tauMass)
        #expect(try value("m_pi_charged") == Constants.chargedPionMass)
        #expect(1 / (try value("alpha_inverse")) == Constants.fineStructure)
        #expect(try value("hbar_c") == Constants.hbarC)
        #expect(try value("sin2thetaW_MZ") == Constants.defaultSin2ThetaW)
        #expect(try value("sin2thetaW_zero") == Constants.lowEnergySin2ThetaW)
    }
}

struct MalformedFixtureTests {
    static let grid = #"{"grids": [{"id": "g", "quantity": "nue.tmax", "compare": "paths", "#
        + #""axes": {"energy": ["1MeV"]}, "tolerance": {"class": "root", "relative": "1e-12", "reason": "r"}}]}"#

    /// Runs `body` on a scratch Fixtures/ + Reference/ pair with one golden file of the given text
    /// (removed afterwards). Reference r.json: x printed "2" (value 2), y printed "about two" (2),
    /// f a formula.
    func withScratch<T>(golden: String?, grids: String? = Self.grid, _ body: (URL, URL) throws -> T) throws -> T {
        try withTemporaryDirectory("nucheck-fixtures") { root in
            let fixtures = root.appendingPathComponent("Fixtures"), reference = root.appendingPathComponent("Reference")
            let goldenDirectory = fixtures.appendingPathComponent("golden")
            for directory in [goldenDirectory, fixtures.appendingPathComponent("grids"), reference] {
                try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            }
            try (#"{"paper": "p", "citation": {"short": "P et al.", "authors": "A. P", "title": "T"}, "entries": ["#
                + #"{"id": "x", "location": "Eq. (1)", "printed": "2", "units": "MeV", "value": "2"}, "#
                + #"{"id": "y", "location": "Eq. (3)", "printed": "about two", "units": "MeV", "value": "2"}, "#
                + #"{"id": "f", "location": "Eq. (2)", "printed": "a+b", "units": "MeV", "formula": true}]}"#)
                .write(to: reference.appendingPathComponent("r.json"), atomically: true, encoding: .utf8)
            try golden.map { try $0.write(to: fixtures.appendingPathComponent("golden/a.json"), atomically: true,
                                          encoding: .utf8) }
            try grids.map { try $0.write(to: fixtures.appendingPathComponent("grids/b.json"), atomically: true,
                                         encoding: .utf8) }
            // The manifest lists what was written, with its number of entries (1 where it does not parse).
            func entries(_ text: String?, _ key: String) -> Int {
                let object = text.flatMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
                return max((object?[key] as? [Any])?.count ?? 1, 1)
            }
            var files: [String: Int] = [:]
            if golden != nil { files["golden/a.json"] = entries(golden, "cases") }
            if grids != nil { files["grids/b.json"] = entries(grids, "grids") }
            try JSONSerialization.data(withJSONObject: ["files": files])
                .write(to: fixtures.appendingPathComponent("manifest.json"))
            return try body(fixtures, reference)
        }
    }

    func load(golden: String?, grids: String? = Self.grid) throws -> FixtureSet {
        try withScratch(golden: golden, grids: grids) { fixtures, reference in
            try FixtureSet(fixtures: fixtures, reference: try ReferenceLibrary(directory: reference))
        }
    }

    func loadError(golden: String?, grids: String? = Self.grid) throws -> String {
        do {
            _ = try load(golden: golden, grids: grids)
            return "loaded without error"
        } catch let error as HarnessError {
            return error.description
        }
    }

    static let goodCase = #"{"id": "c", "quantity": "nue.tmax", "inputs": {"energy": "1MeV"}, "reference": "r.json#x", "tolerance": {"class": "approximation", "relative": "1e-3", "reason": "r"}, "paths": ["closedForm"]}"#

    /// `goodCase` with another tolerance object.
    static func withTolerance(_ tolerance: String) -> String {
        goodCase.replacingOccurrences(of: #"{"class": "approximation", "relative": "1e-3", "reason": "r"}"#,
                                      with: tolerance)
    }

    @Test("missing, empty, malformed and incomplete fixture files are errors naming file and field")
    func malformed() throws {
        #expect(try loadError(golden: nil).contains("golden: holds no .json fixture files"))
        #expect(try loadError(golden: "").contains("a.json: file is empty"))
        #expect(try loadError(golden: "{not json").contains("a.json: is not valid JSON"))
        #expect(try loadError(golden: #"{"cases": []}"#).contains("a.json: field 'cases': is empty"))
        #expect(try loadError(golden: #"{"cases": [{"id": "c"}]}"#).contains("field 'cases[0].quantity': is missing"))
        let noTolerance = Self.goodCase.replacingOccurrences(of: #""tolerance": {"class": "approximation", "relative": "1e-3", "reason": "r"}, "#, with: "")
        #expect(try loadError(golden: #"{"cases": [\#(noTolerance)]}"#).contains("field 'cases[0].tolerance': is missing"))
        let noReason = Self.goodCase.replacingOccurrences(of: #", "reason": "r""#, with: "")
        #expect(try loadError(golden: #"{"cases": [\#(noReason)]}"#).contains("field 'cases[0].tolerance.reason': is missing"))
        let numericExpected = #"{"id": "c", "quantity": "nue.tmax", "expected": 2, "provenance": {}, "tolerance": {"class": "approximation", "relative": "1e-3", "reason": "r"}, "paths": ["closedForm"]}"#
        #expect(try loadError(golden: #"{"cases": [\#(numericExpected)]}"#).contains("field 'cases[0].expected': must be a non-empty string"))
        let badReference = Self.goodCase.replacingOccurrences(of: "r.json#x", with: "r.json#nope")
        #expect(try loadError(golden: #"{"cases": [\#(badReference)]}"#).contains("cites 'r.json#nope'"))
        let formula = Self.goodCase.replacingOccurrences(of: "r.json#x", with: "r.json#f")
        #expect(try loadError(golden: #"{"cases": [\#(formula)]}"#).contains("a printed formula with no number"))
        let unknownQuantity = Self.goodCase.replacingOccurrences(of: "nue.tmax", with: "nue.nothing")
        #expect(try loadError(golden: #"{"cases": [\#(unknownQuantity)]}"#).contains("'nue.nothing' is not a known quantity"))
        #expect(try loadError(golden: #"{"cases": [\#(Self.goodCase)]}"#, grids: #"{"grids": []}"#).contains("b.json: field 'grids': is empty"))
        #expect(try loadError(golden: #"{"cases": [\#(Self.goodCase)]}"#) == "loaded without error")
    }

    /// Every tolerance names its class; a derived class's number comes from the printed text and
    /// must not be typed; a bounded class's number must lie in its range.
    @Test("tolerance classes: unknown, missing, typed where derived, out of range, underivable: errors naming the case")
    func toleranceClasses() throws {
        func cases(_ tolerance: String, reference: String = "r.json#x") -> String {
            #"{"cases": [\#(Self.withTolerance(tolerance).replacingOccurrences(of: "r.json#x", with: reference))]}"#
        }
        #expect(try loadError(golden: cases(#"{"class": "guess", "relative": "1e-3", "reason": "r"}"#))
            .contains("field 'cases[0].tolerance.class': case 'c': 'guess' is not a tolerance class"))
        #expect(try loadError(golden: cases(#"{"relative": "1e-3", "reason": "r"}"#))
            .contains("field 'cases[0].tolerance.class': is missing"))
        #expect(try loadError(golden: cases(#"{"class": "printedDigits", "relative": "0.25", "reason": "r"}"#))
            .contains("case 'c': a printedDigits tolerance is derived"))
        #expect(try loadError(golden: cases(#"{"class": "printedDigits", "reason": "r"}"#, reference: "r.json#y"))
            .contains("case 'c': printedDigits does not follow from the printed text 'about two': no numeral"))
        #expect(try loadError(golden: cases(#"{"class": "printedUncertainty", "reason": "r"}"#))
            .contains("case 'c': printedUncertainty does not follow from the printed text '2': prints no uncertainty"))
        #expect(try loadError(golden: cases(#"{"class": "quadrature", "relative": "1e-3", "reason": "r"}"#))
            .contains("field 'cases[0].tolerance.relative': case 'c': 0.001 is outside the quadrature class"))
        let exact = #"{"class": "exact", "relative": "1e-9", "absolute": "1e-9", "reason": "r"}"#
        #expect(try loadError(golden: cases(exact))
            .contains("case 'c': an exact tolerance is absolute only"))
        #expect(try loadError(golden: cases(#"{"class": "rounding", "relative": "1e-9", "reason": "r"}"#))
            .contains("outside the rounding class"))
        let printedGrid = Self.grid.replacingOccurrences(of: #""class": "root", "relative": "1e-12", "#,
                                                         with: #""class": "printedDigits", "#)
        #expect(try loadError(golden: #"{"cases": [\#(Self.goodCase)]}"#, grids: printedGrid)
            .contains("grid 'g': printedDigits does not follow from the printed text ''"))
        // Derived: "2" printed, half a unit of its last digit is 0.5, relative 0.5/2; the target is 10%.
        let digits = try load(golden: cases(#"{"class": "printedDigits", "reason": "r"}"#)).cases.first { $0.id == "c" }
        #expect(digits?.tolerance.relative == 0.25 && digits?.tolerance.absolute == 0)
        #expect(digits?.tolerance.toleranceClass == .printedDigits)
        let target = try load(golden: cases(#"{"class": "target", "reason": "r"}"#)).cases.first { $0.id == "c" }
        #expect(target?.tolerance.relative == 0.1)
    }
}

/// `nucheck check` on a case recorded irreproducible: exit 0 while it disagrees (an expected
/// failure), exit 1 with "now reproducible" once it agrees (the record must be updated).
struct ExpectedFailureCommandTests {
    /// A golden case of nue.tmax at 1 MeV with `expected`, recorded irreproducible.
    static func golden(expected: Double) -> String {
        #"{"cases": [{"id": "c", "quantity": "nue.tmax", "inputs": {"energy": "1MeV"}, "#
            + #""expected": "\#(String(format: "%.17g", expected))", "provenance": {"paper": "p", "#
            + #""location": "Eq. (1)", "printed": "T_max", "units": "MeV", "derivation": "d"}, "#
            + #""tolerance": {"class": "rounding", "relative": "1e-12", "reason": "r"}, "paths": ["closedForm"], "#
            + #""irreproducible": "recorded for the test"}]}"#
    }

    @Test("check: an irreproducible case exits 0 while it disagrees and 1, reported, once it agrees")
    func exitStatus() throws {
        let tMax = Kinematics.maximumRecoil(energy: 1, targetMass: Constants.electronMass)
        for (expected, agrees) in [(tMax * 1.01, false), (tMax, true)] {
            let outcome = try MalformedFixtureTests().withScratch(golden: Self.golden(expected: expected)) { f, r in
                try CommandLineRunner.run(["check", "--summary", "--fixtures", f.path, "--reference", r.path])
            }
            let last = outcome.stdout.split(separator: "\n").last.map(String.init) ?? ""
            if agrees {
                #expect(outcome.status == 1, "\(outcome.invocation): \(outcome.stdout) \(outcome.stderr)")
                #expect(last == "1 passed, 0 failed, 0 irreproducible, 1 now reproducible", "\(outcome.stdout)")
                #expect(outcome.stdout.contains("NOW REPRODUCIBLE c: now reproducible"), "\(outcome.stdout)")
            } else {
                #expect(outcome.status == 0, "\(outcome.invocation): \(outcome.stdout) \(outcome.stderr)")
                #expect(last == "1 passed, 0 failed, 1 irreproducible", "\(outcome.stdout)")
            }
        }
    }
}

struct ReferenceConsistencyTests {
    static let library = try? ReferenceLibrary(directory: Repository.reference)

    func value(_ key: String) throws -> Double {
        let library = try #require(Self.library)
        return try #require(library.entries[key]?.value, "Reference/ has no number for \(key)")
    }

    /// 004 Table 1, transcribed, against the model registry both paths use.
    @Test("model charges match 004 Table 1")
    func table1() throws {
        for model in ModelRegistry.all where model.chargedLeptonsVectorLike {
            let key = "004_atzori_corona_et_al.json#table1.\(model.name)"
            #expect(try value("\(key).Qu") == model.upCharge, "\(model.name) Q_u")
            #expect(try value("\(key).Qd") == model.downCharge, "\(model.name) Q_d")
            #expect(try value("\(key).Qe") == model.charge(.e), "\(model.name) Q_e")
            #expect(try value("\(key).Qmu") == model.charge(.mu), "\(model.name) Q_mu")
            #expect(try value("\(key).Qtau") == model.charge(.tau), "\(model.name) Q_tau")
        }
    }

    /// 004 Eqs. (12)-(14) and the AME2020 masses, transcribed, against the nuclear data.
    @Test("nucleon couplings, radii and atomic masses match Reference/")
    func nuclearData() throws {
        let f = "004_atzori_corona_et_al.json#"
        #expect(try value(f + "eq12.gVp_nue") == Constants.protonCouplingNuE)
        #expect(try value(f + "eq12.gVp_numu") == Constants.protonCouplingNuMu)
        #expect(try value(f + "eq12.gVn") == Constants.neutronCoupling)
        for (label, nucleus) in [("Cs", NuclearData.cs133), ("I", NuclearData.i127), ("Ar", NuclearData.ar40)] {
            #expect(try value(f + "eq13.Rp_\(label)") == nucleus.protonRadius)
            #expect(try value(f + "eq14.Rn_\(label)") == nucleus.neutronRadius)
        }
        #expect(try value("constants.json#u") == Constants.atomicMassUnit)
        for nucleus in NuclearData.nuclei {
            #expect(try value("constants.json#atomic_mass.\(nucleus.name)") == nucleus.atomicMassU, "\(nucleus.name) atomic mass")
        }
    }
}
