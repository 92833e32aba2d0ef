import ArgumentParser
import Foundation
import GSLKit
import NuHarness
import NuPhysics

@main
struct Nucheck: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "nucheck",
        abstract: "Two-path validation harness for light-mediator neutrino scattering.",
        discussion: """
        Exit status: 0 success; 1 a fixture case failed; 2 bad input (unknown quantity, model, flavour \
        or key; missing or non-numeric value; wrong unit); 3 unphysical input (e.g. recoil above T_max, \
        negative energy or mass); 4 a GSL failure; 5 a missing or malformed fixture or reference file.
        """,
        subcommands: [Check.self, Eval.self, List.self, Bench.self]
    )
}

/// Prints one line to stderr and exits with the status of the error's kind.
func fail(_ error: Error) -> ExitCode {
    let (status, text): (Int32, String)
    switch error {
    case let e as InputError: (status, text) = (2, e.description)
    case let e as PhysicsError:
        if case .unknown = e { (status, text) = (2, e.description) } else { (status, text) = (3, e.description) }
    case let e as HarnessError:
        if case .unknownQuantity = e { (status, text) = (2, e.description) } else { (status, text) = (5, e.description) }
    case let e as GSLError: (status, text) = (4, e.description)
    case let e as NonFiniteValue: (status, text) = (4, "GSL integrand: \(e.description)")
    default: (status, text) = (3, "\(error)")
    }
    FileHandle.standardError.write(Data("nucheck: error: \(text)\n".utf8))
    return ExitCode(status)
}

struct FixtureOptions: ParsableArguments {
    @Option(help: "Directory of the golden and grid fixtures (default: ./Fixtures).")
    var fixtures: String = "Fixtures"

    @Option(help: "Directory of the transcribed references (default: Reference/ next to the fixtures directory).")
    var reference: String?

    func load() throws -> FixtureSet {
        let fixturesURL = URL(fileURLWithPath: fixtures).standardizedFileURL
        let referenceURL = reference.map { URL(fileURLWithPath: $0) }
            ?? fixturesURL.deletingLastPathComponent().appendingPathComponent("Reference")
        return try FixtureSet(fixtures: fixturesURL, reference: try ReferenceLibrary(directory: referenceURL))
    }
}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run every fixture through both paths; print the table and 'N passed, M failed, K irreproducible'.")

    @OptionGroup var options: FixtureOptions
    @Flag(help: "Print the results as JSON (with a summary object) instead of the table.")
    var json = false
    @Option(help: "Also write the results as JUnit XML to this file.")
    var junit: String?

    func run() throws {
        let results: [CaseResult]
        do {
            let set = try options.load()
            results = Runner.run(set.cases)
            print(json ? try Reports.json(results) : Reports.table(results))
            if let junit {
                try Reports.junit(results).write(toFile: junit, atomically: true, encoding: .utf8)
            }
        } catch { throw fail(error) }
        if Runner.summary(results).failed > 0 { throw ExitCode(1) }
    }
}

struct Eval: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Evaluate one quantity by both paths: nucheck eval QUANTITY key=value ...",
        discussion: "Energies carry their unit right after the number (30MeV, 10keV, 9.75e-6MeV, 1.2GeV); dimensionless inputs are plain numbers. `nucheck list` shows every quantity and its inputs.")

    @Argument(help: "Quantity name, e.g. nue.sigma.")
    var quantity: String
    @Argument(help: "Inputs as key=value.")
    var assignments: [String] = []
    @Flag(help: "Print one JSON object.")
    var json = false

    func run() throws {
        do {
            var inputs: [String: String] = [:]
            for a in assignments {
                guard let eq = a.firstIndex(of: "="), eq != a.startIndex else {
                    throw InputError.notANumber(name: a, text: "expected key=value")
                }
                inputs[String(a[..<eq])] = String(a[a.index(after: eq)...])
            }
            let q = try QuantityRegistry.named(quantity)
            let e = try q.evaluate(inputs)
            print(json ? try EvalOutput.json(e) : EvalOutput.text(e))
        } catch { throw fail(error) }
    }
}

enum EvalOutput {
    static func json(_ e: Evaluation) throws -> String {
        var o: [String: Any] = [
            "quantity": e.quantity, "inputs": e.inputs, "units": e.units,
            "closedForm": e.closedForm ?? NSNull(), "numerical": e.numerical ?? NSNull(),
            "relativeDifference": e.relativeDifference ?? NSNull(),
        ]
        if !e.forms.isEmpty { o["forms"] = e.forms }
        let data = try JSONSerialization.data(withJSONObject: o, options: [.prettyPrinted, .sortedKeys])
        return String(decoding: data, as: UTF8.self)
    }

    static func text(_ e: Evaluation) -> String {
        func f(_ v: Double?) -> String { v.map { String(format: "%.15g %@", $0, e.units) } ?? "- (no numerical path: a closed formula)" }
        var lines = ["quantity:            \(e.quantity)",
                     "inputs:              " + e.inputs.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " "),
                     "closed form:         \(f(e.closedForm))",
                     "numerical:           \(f(e.numerical))",
                     "relative difference: " + (e.relativeDifference.map { String(format: "%.3e", $0) } ?? "-")]
        for (name, value) in e.forms.sorted(by: { $0.key < $1.key }) {
            lines.append("form \(name):".padding(toLength: 21, withPad: " ", startingAt: 0) + String(format: "%.15g %@", value, e.units))
        }
        return lines.joined(separator: "\n")
    }
}

struct List: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the quantities, their inputs with units, and the models.")

    func run() throws {
        for q in QuantityRegistry.all {
            print("\(q.name)  [\(q.units)]\(q.hasNumericalPath ? "" : "  (closed form only)")")
            print("    \(q.summary)")
            for i in q.inputs where !(i.name.hasPrefix("gV") || i.name.hasPrefix("gA")) {
                let d = i.defaultValue.map { ", default \($0)" } ?? ""
                print("    \(i.name) (\(i.unitHint)\(d)): \(i.summary)")
            }
            if q.inputs.contains(where: { $0.name == "gVe" }) {
                print("    gVe, gAe, gVmu, gAmu, gVtau, gAtau (dimensionless, model=custom): vector and axial couplings, -L ⊃ Z'(g_V f̄γf + g_A f̄γγ5 f)")
            }
        }
        print("\nmodels (charges of e, mu, tau leptons and neutrinos; u, d quarks):")
        print("    SM: no mediator")
        for m in ModelRegistry.all {
            let leptons = Lepton.allCases.map { String(format: "%@ %+g", $0.rawValue, m.charge($0)) }.joined(separator: ", ")
            print("    \(m.name): \(leptons); u \(String(format: "%+.4g", m.upCharge)), d \(String(format: "%+.4g", m.downCharge))  [\(m.source)]")
        }
        print("    custom: any vector and axial couplings per lepton generation (gVe ... gAtau)")
        print("\nflavors: \(Flavor.all.map(\.name).joined(separator: ", "))")
    }
}

struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Nanoseconds per evaluation of the closed form and the numerical path of every quantity, and their ratio (use a release build).")

    @Option(help: "Seconds spent timing each path of each quantity.")
    var budget: Double = 0.2

    func run() throws {
        do {
            print(Benchmark.table(try Benchmark.run(budget: budget)))
        } catch { throw fail(error) }
    }
}
