import NuData
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import NuData
import GSLKit
import NuCoherent
import NuRegistry
import NuValidation
import NuAnalyses
import NuReports
import NuPhysics
import TestSupport

struct ReportTests {
    static func sample() throws -> [CaseResult] {
        let cases = try Repository.load().cases.filter { $0.id.hasPrefix("001.trident") || $0.id.hasPrefix("004.prompt") }
        return Runner.run(cases)
    }

    @Test("table ends with 'N passed, M failed, K irreproducible'")
    func table() throws {
        let text = Reports.table(try Self.sample())
        #expect(text.hasSuffix("2 passed, 0 failed, 1 irreproducible"), "table ends with: \(text.suffix(60))")
        for column in ["case", "source", "closed form", "numerical", "expected", "rel. deviation", "allowed", "status"] {
            #expect(text.contains(column), "table header lacks '\(column)'")
        }
    }

    @Test("JSON has the summary object and one entry per case")
    func json() throws {
        let results = try Self.sample()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(Reports.json(results).utf8)) as? [String: Any])
        let summary = try #require(object["summary"] as? [String: Int])
        #expect(summary["passed"] == 2 && summary["failed"] == 0 && summary["irreproducible"] == 1)
        let cases = try #require(object["cases"] as? [[String: Any]])
        #expect(cases.count == results.count)
        #expect(cases.allSatisfy { $0["units"] is String && $0["relativeDeviation"] != nil && $0["status"] is String })
    }

    @Test("JUnit XML parses and counts failures and skips")
    func junit() throws {
        let xml = try JUnitReport.xml(try Self.sample(), started: Date(timeIntervalSince1970: 0), hostname: "h")
        let parser = XMLParser(data: Data(xml.utf8))
        #expect(parser.parse(), "JUnit output is not well-formed XML")
        #expect(xml.contains(#"timestamp="1970-01-01T00:00:00" hostname="h" tests="3" failures="0" errors="0" skipped="1""#), "\(xml)")
    }
}

struct EvalTests {
    func evaluate(_ name: String, _ inputs: [String: String]) throws -> Evaluation {
        try QuantityRegistry.named(name).evaluate(inputs)
    }

    @Test("nue.dsigma JSON: numerical null, three forms keyed dev, general, shift")
    func dsigmaJSON() throws {
        let e = try evaluate("nue.dsigma", ["flavor": "numu", "energy": "30MeV", "recoil": "10keV", "model": "B-L", "g": "1e-4", "mass": "10MeV"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(EvalOutput.json(e).utf8)) as? [String: Any])
        #expect(object["numerical"] is NSNull && object["relativeDifference"] is NSNull)
        #expect((object["units"] as? String) == "cm^2/MeV")
        let forms = try #require(object["forms"] as? [String: Double])
        #expect(Set(forms.keys) == ["dev", "general", "shift"])
        for (key, value) in forms { expectClose(value, forms["dev"]!, relative: 1e-12, "form \(key) vs dev") }
        #expect((object["inputs"] as? [String: String])?["recoil"] == "10keV")
    }

    @Test("nue.sigma: both paths, in cm², agreeing")
    func sigma() throws {
        let e = try evaluate("nue.sigma", ["flavor": "nuebar", "energy": "30MeV", "model": "Le-Lmu", "g": "1e-4", "mass": "10MeV"])
        #expect(e.units == "cm^2")
        let difference = try #require(e.relativeDifference)
        #expect(difference < 1e-9, "relative difference \(difference)")
        // A sanity scale: ν-e cross sections at 30 MeV are ~1e-43 cm²/MeV × 30 MeV.
        #expect(e.closedForm! > 1e-43 && e.closedForm! < 1e-40)
    }

    /// Each kind of bad input has its own error and exit status, never a crash or a NaN.
    @Test("bad inputs give clear errors with distinct exit statuses")
    func badInputs() {
        let cases: [(String, [String: String], Int32)] = [
            ("nue.nothing", [:], 2),
            ("nue.dsigma", ["flavor": "nux", "energy": "30MeV", "recoil": "1MeV"], 2),
            ("nue.dsigma", ["flavor": "numu", "energy": "30MeV", "recoil": "1MeV", "model": "E6", "g": "1", "mass": "1MeV"], 2),
            ("nue.dsigma", ["flavor": "numu", "energy": "30", "recoil": "1MeV"], 2),
            ("nue.dsigma", ["flavor": "numu", "energy": "thirtyMeV", "recoil": "1MeV"], 2),
            ("nue.dsigma", ["flavor": "numu", "recoil": "1MeV"], 2),
            ("nue.dsigma", ["flavor": "numu", "energy": "30MeV", "recoil": "1MeV", "colour": "red"], 2),
            ("nue.dsigma", ["flavor": "numu", "energy": "30MeV", "recoil": "31MeV"], 3),
            ("nue.dsigma", ["flavor": "numu", "energy": "-30MeV", "recoil": "1MeV"], 3),
            ("g2.muon", ["mediator": "vector", "g": "1e-3", "mass": "-5MeV"], 3),
            ("loop.eps", ["beta": "tau", "alpha": "mu", "q": "-1MeV"], 3),
            ("g2.mass", ["mediator": "scalar", "g": "1e-8"], 3),
            ("nue.dsigma", ["flavor": "numu", "energy": "30MeV", "recoil": "1MeV", "model": "custom", "gAe": "1e-5", "mass": "1MeV", "form": "dev"], 3),
            ("cevns.dsigma", ["nucleus": "Xe131", "energy": "30MeV", "recoil": "5keV"], 2),
            // A list without abundances is a malformed nucleus list: bad input (README, status 2).
            ("cevns.dsigma", ["nucleus": "Cs133,I127", "energy": "30MeV", "recoil": "5keV"], 2),
            ("cevns.dsigma", ["nucleus": "Ar40", "energy": "30MeV", "recoil": "60keV"], 3),
            ("cevns.dsigma", ["nucleus": "Ar40", "energy": "30MeV", "recoil": "5keV", "model": "GB(1,1,1,0)", "g": "1e-4", "mass": "1MeV"], 3),
            ("cevns.dsigma", ["nucleus": "Ar40", "energy": "30MeV", "recoil": "5keV", "formFactor": "gaussian"], 2),
            ("cevns.dip", ["model": "B-L", "nucleus": "Ar40", "g": "1e-4", "mass": "10MeV"], 3),
            ("helm", ["nucleus": "Cs133", "q": "-5MeV"], 3),
            // COHERENT inputs refused before any data is read: an unknown data set, the CsI
            // background counts given for argon, or only one of them.
            ("coherent.chi2", ["detector": "xe"], 2),
            ("coherent.chi2", ["detector": "ar", "brnEvents": "17", "ninEvents": "5"], 3),
            ("coherent.chi2", ["detector": "csi", "brnEvents": "17"], 3),
            ("coherent.limit", ["detector": "combined", "model": "B-L", "regime": "lowMass", "ninEvents": "5"], 3),
        ]
        for (name, inputs, status) in cases {
            do {
                let e = try evaluate(name, inputs)
                Issue.record("\(name) \(inputs) gave \(String(describing: e.closedForm)) instead of an error")
            } catch {
                #expect(ExitStatus.code(for: error) == status, "\(name) \(inputs): status \(ExitStatus.code(for: error)) (\(ExitStatus.message(for: error))), expected \(status)")
                #expect(!ExitStatus.message(for: error).contains("\n"))
            }
        }
        #expect(ExitStatus.code(for: GSLError(routine: "gsl_integration_qags", status: 18, reason: "roundoff")) == 4)
        #expect(ExitStatus.code(for: HarnessError.file(path: "x.json", field: "cases", message: "is empty")) == 5)
    }

    /// The benchmark is built from the registry: it must time every registered quantity (each has a
    /// fixture case that evaluates), and at each benchmark point the two timed paths, which share
    /// no code, must meet the quantity's documented agreement, so a row times two working paths.
    @Test("the benchmark covers every registered quantity, its two timed paths agreeing")
    func benchmarkPoints() throws {
        let fixtures = try FixtureSet(fixtures: try NucheckHome.locate().fixtures,
                                      reference: try ReferenceLibrary(directory: try NucheckHome.locate().reference))
        let cases = try Benchmark.cases(fixtures: fixtures)
        #expect(cases.map(\.quantity) == QuantityRegistry.all.map(\.name), "benchmark rows vs the registry")
        for c in cases {
            let q = try QuantityRegistry.named(c.quantity)
            let closed = try c.closed()
            #expect(closed.isFinite, "\(c.quantity): timed closed form \(closed) at \(c.inputs)")
            guard let n = c.numerical else { continue }
            let numerical = try n()
            guard case .tolerance(let relative, let absolute) = q.agreement(try q.values(c.inputs).usedValues) else {
                continue  // paths that differ by design (a printed approximation against the exact value)
            }
            #expect(abs(numerical - closed) <= max(relative * abs(closed), absolute),
                    "\(c.quantity) at \(c.inputs): numerical \(numerical) vs closed \(closed), allowed \(relative) rel")
        }
    }
}
