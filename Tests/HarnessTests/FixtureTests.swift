import NuData
import Foundation
import Testing
import NuCoherent
import NuRegistry
import NuValidation
import NuAnalyses
import NuPhysics

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

    /// Every golden value against the paths its fixture names, within its stated tolerance;
    /// irreproducible values are evaluated and reported but do not fail.
    @Test("golden values", arguments: Repository.golden)
    func golden(_ c: FixtureCase) {
        let result = Runner.run(c)
        if c.irreproducible != nil {
            #expect(result.status == .irreproducible)
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

    /// The irreproducible trident ratio is reported with its reason, counted apart, and does
    /// not make the run fail.
    @Test("irreproducible values are counted, not failed")
    func irreproducibleCounting() throws {
        let irreproducible = Repository.cases.filter { $0.irreproducible != nil }
        #expect(!irreproducible.isEmpty, "the foundation fixtures record the trident ratio at the Z-pole s_W² as irreproducible")
        let results = Runner.run(irreproducible)
        let summary = Runner.summary(results)
        // The data ship with the package: every case runs.
        #expect(summary.irreproducible == irreproducible.count && summary.failed == 0 && summary.notRun == 0)
        #expect(results.filter { $0.status == .irreproducible }.allSatisfy { ($0.message ?? "").contains("irreproducible") })
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
    /// A scratch Fixtures/ + Reference/ pair with one golden file of the given text.
    func scratch(golden: String?, grids: String? = #"{"grids": [{"id": "g", "quantity": "nue.tmax", "compare": "paths", "axes": {"energy": ["1MeV"]}, "tolerance": {"relative": "1e-12", "reason": "r"}}]}"#) throws -> (URL, URL) {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("nucheck-\(UUID().uuidString)")
        let fixtures = root.appendingPathComponent("Fixtures"), reference = root.appendingPathComponent("Reference")
        try FileManager.default.createDirectory(at: fixtures.appendingPathComponent("golden"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: fixtures.appendingPathComponent("grids"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: reference, withIntermediateDirectories: true)
        try #"{"paper": "p", "citation": {"short": "P et al.", "authors": "A. P", "title": "T"}, "entries": [{"id": "x", "location": "Eq. (1)", "printed": "2", "units": "MeV", "value": "2"}, {"id": "f", "location": "Eq. (2)", "printed": "a+b", "units": "MeV", "formula": true}]}"#
            .write(to: reference.appendingPathComponent("r.json"), atomically: true, encoding: .utf8)
        if let golden { try golden.write(to: fixtures.appendingPathComponent("golden/a.json"), atomically: true, encoding: .utf8) }
        if let grids { try grids.write(to: fixtures.appendingPathComponent("grids/b.json"), atomically: true, encoding: .utf8) }
        return (fixtures, reference)
    }

    func loadError(golden: String?, grids: String? = nil) throws -> String {
        let (fixtures, reference) = grids == nil ? try scratch(golden: golden) : try scratch(golden: golden, grids: grids)
        do {
            _ = try FixtureSet(fixtures: fixtures, reference: try ReferenceLibrary(directory: reference))
            return "loaded without error"
        } catch let error as HarnessError {
            return error.description
        }
    }

    static let goodCase = #"{"id": "c", "quantity": "nue.tmax", "inputs": {"energy": "1MeV"}, "reference": "r.json#x", "tolerance": {"relative": "1e-3", "reason": "r"}, "paths": ["closedForm"]}"#

    @Test("missing, empty, malformed and incomplete fixture files are errors naming file and field")
    func malformed() throws {
        #expect(try loadError(golden: nil).contains("golden: holds no .json fixture files"))
        #expect(try loadError(golden: "").contains("a.json: file is empty"))
        #expect(try loadError(golden: "{not json").contains("a.json: is not valid JSON"))
        #expect(try loadError(golden: #"{"cases": []}"#).contains("a.json: field 'cases': is empty"))
        #expect(try loadError(golden: #"{"cases": [{"id": "c"}]}"#).contains("field 'cases[0].quantity': is missing"))
        let noTolerance = Self.goodCase.replacingOccurrences(of: #""tolerance": {"relative": "1e-3", "reason": "r"}, "#, with: "")
        #expect(try loadError(golden: #"{"cases": [\#(noTolerance)]}"#).contains("field 'cases[0].tolerance': is missing"))
        let noReason = Self.goodCase.replacingOccurrences(of: #", "reason": "r""#, with: "")
        #expect(try loadError(golden: #"{"cases": [\#(noReason)]}"#).contains("field 'cases[0].tolerance.reason': is missing"))
        let numericExpected = #"{"id": "c", "quantity": "nue.tmax", "expected": 2, "provenance": {}, "tolerance": {"relative": "1e-3", "reason": "r"}, "paths": ["closedForm"]}"#
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
