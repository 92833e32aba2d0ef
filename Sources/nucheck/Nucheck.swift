import ArgumentParser
import Foundation
import NuHarness
import NuCoherent
import NuPhysics

@main
struct Nucheck: ParsableCommand {
    /// Parses and runs; a command-line the parser rejects (unknown flag, missing argument, bad
    /// option value) is bad input: one line and exit 2, not the parser's usage text and 64.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let code as ExitCode {
            Foundation.exit(code.rawValue)
        } catch {
            // The subcommands turn their own errors into an ExitCode (`fail`); what arrives here
            // is the parser's: help and version requests (exit 0) or a rejected command line.
            if exitCode(for: error) == .success { exit(withError: error) }
            printError(message(for: error))
            Foundation.exit(2)
        }
    }

    static let configuration = CommandConfiguration(
        commandName: "nucheck",
        abstract: "Two-path validation harness for light-mediator neutrino scattering.",
        discussion: """
        Exit status: 0 success; 1 a check failed (a fixture case, a moved baseline value, a convention \
        mapping, or eval's two paths disagreeing beyond the documented agreement); 2 bad input (unknown \
        quantity, model, choice or key; a key given twice; an input the evaluation does not use; a \
        missing or non-numeric value; a wrong unit; a rejected command line); 3 unphysical input or a \
        formula outside its domain; 4 a GSL failure or an iteration that did not converge; 5 a missing, \
        truncated or malformed fixture, baseline, reference or data file, or an unwritable output file; \
        6 the COHERENT data directory is absent. Errors are one line on stderr.
        """,
        subcommands: [Check.self, Eval.self, List.self, Bench.self, BaselineCommand.self, Audit.self, Plot.self, Table2.self, Limits.self, Rates.self]
    )
}

/// Prints the error as one line to stderr and returns the exit status of its kind.
func fail(_ error: Error) -> ExitCode {
    printError(ExitStatus.message(for: error))
    return ExitCode(ExitStatus.code(for: error))
}

/// `nucheck: error: MESSAGE` on stderr, on one line: control characters the user typed (a newline
/// in an argument) are escaped, not printed.
func printError(_ message: String) {
    FileHandle.standardError.write(Data("nucheck: error: \(ExitStatus.oneLine(message))\n".utf8))
}

struct DataOptions: ParsableArguments {
    @Option(help: "COHERENT data directory (default: $NUCHECK_COHERENT_DATA, else ../shared/data/coherent from the working directory).")
    var data: String?

    /// Points the COHERENT quantities at the data and at the analysis inputs (`coherent.json` in
    /// the reference directory).
    func configure(reference: URL = URL(fileURLWithPath: "Reference")) {
        CoherentContext.shared.setDirectory(CoherentData.directory(explicit: data, projectRoot: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)))
        CoherentContext.shared.setReferenceDirectory(reference)
    }
}

struct FixtureOptions: ParsableArguments {
    @Option(help: "Directory of the golden and grid fixtures (default: ./Fixtures).")
    var fixtures: String = "Fixtures"

    @Option(help: "Directory of the transcribed references (default: Reference/ next to the fixtures directory).")
    var reference: String?

    @OptionGroup var data: DataOptions

    var referenceURL: URL {
        reference.map { URL(fileURLWithPath: $0) }
            ?? URL(fileURLWithPath: fixtures).standardizedFileURL.deletingLastPathComponent().appendingPathComponent("Reference")
    }

    func load() throws -> FixtureSet {
        data.configure(reference: referenceURL)
        return try FixtureSet(fixtures: URL(fileURLWithPath: fixtures).standardizedFileURL, reference: try ReferenceLibrary(directory: referenceURL))
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
    @Option(help: "Also write a Markdown report (per paper: golden values, both paths, deviation, status, reasons) to this file.")
    var markdown: String?

    func run() throws {
        let results: [CaseResult]
        do {
            let set = try options.load()
            results = Runner.run(set.cases)
            print(json ? try Reports.json(results) : Reports.table(results))
            if let junit {
                try writeFile(Reports.junit(results), to: junit)
            }
            if let markdown {
                try writeFile(Reports.markdown(results), to: markdown)
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
    @OptionGroup var data: DataOptions

    func run() throws {
        do {
            data.configure()
            let inputs = try parseAssignments(assignments)
            let q = try QuantityRegistry.named(quantity)
            let e = try q.evaluate(inputs)
            print(json ? try EvalOutput.json(e) : EvalOutput.text(e))
            // A cross-check: paths that disagree beyond the documented tolerance fail like a case.
            if let disagreement = e.disagreement {
                printError(disagreement)
                throw ExitCode(ExitStatus.checkFailed)
            }
        } catch let code as ExitCode { throw code } catch { throw fail(error) }
    }
}

/// key=value arguments into a dictionary; anything else is a clear input error.
func parseAssignments(_ assignments: [String]) throws -> [String: String] {
    var inputs: [String: String] = [:]
    for a in assignments {
        guard let eq = a.firstIndex(of: "="), eq != a.startIndex else {
            throw InputError.conflicting("'\(a)' is not key=value")
        }
        let key = String(a[..<eq])
        guard inputs[key] == nil else {
            throw InputError.conflicting("input '\(key)' is given twice ('\(inputs[key]!)' and '\(a[a.index(after: eq)...])')")
        }
        inputs[key] = String(a[a.index(after: eq)...])
    }
    return inputs
}

struct List: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the quantities, their inputs with units, and the models.")

    func run() throws {
        for q in QuantityRegistry.all {
            print("\(q.name)  [\(q.units)]\(q.hasNumericalPath ? "" : "  (closed form only)")")
            print("    \(q.summary)")
            if q.hasNumericalPath {
                let defaults = Dictionary(q.inputs.compactMap { i in i.defaultValue.map { (i.name, $0) } }, uniquingKeysWith: { a, _ in a })
                print("    agreement (eval exits 1 beyond it): \(q.agreement(defaults).summary)")
            }
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
        print("    darkZ: dark Z of 002 Eq. (8), charges depend on sw2; GB(cB,ce,cmu,ctau): any member of 004 Eq. (19) with 3cB = ce + cmu + ctau")
        print("\nflavors: \(Flavor.all.map(\.name).joined(separator: ", ")) (CEvNS: nue, numu, numubar)")
        print("\nnuclei (Z, N, mass in MeV, rms radii R_p, R_n in fm):")
        for n in NuclearData.nuclei {
            print(String(format: "    %@: Z=%d N=%d M=%.3f MeV R_p=%.3f R_n=%.3f  [%@]", n.name, n.protons, n.neutrons, n.mass, n.protonRadius, n.neutronRadius, n.radiusSource))
        }
        for t in TargetRegistry.all where !t.isSingleNucleus {
            print("    \(t.name): " + t.components.map { "\($0.nucleus.name) \($0.weight)" }.joined(separator: ", ") + "  (\(t.weightMeaning))")
        }
    }
}

struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Nanoseconds per evaluation of the closed form and the numerical path of every quantity, and their ratio (use a release build).")

    @Option(help: "Seconds spent timing each path of each quantity.")
    var budget: Double = 0.2
    @OptionGroup var options: FixtureOptions

    func run() throws {
        do {
            options.data.configure(reference: options.referenceURL)
            print(Benchmark.table(try Benchmark.run(budget: budget)))
            let scans = try Benchmark.scans(reference: try ReferenceLibrary(directory: options.referenceURL))
            if !scans.isEmpty { print("\nscans (seconds of wall clock, one run each)\n" + scans.joined(separator: "\n")) }
        } catch { throw fail(error) }
    }
}

struct BaselineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "baseline",
        abstract: "Record or compare the physics regression baseline (every quantity on the fixtures' inputs, both paths).",
        subcommands: [Record.self, Compare.self])

    static let defaultFile = "Fixtures/baselines/baseline.txt"

    struct Record: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Evaluate everything and write the baseline (atomically).")
        @OptionGroup var options: FixtureOptions
        @Option(help: "Baseline file to write.") var out: String = BaselineCommand.defaultFile

        func run() throws {
            do {
                let entries = Baseline.evaluate(try options.load().cases)
                try Baseline.write(entries, to: URL(fileURLWithPath: out))
                print("wrote \(entries.count) values to \(out)")
            } catch { throw fail(error) }
        }
    }

    struct Compare: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Re-evaluate and report every value that moved beyond the tolerance, grouped by quantity; exit 1 if any moved.")
        @OptionGroup var options: FixtureOptions
        @Option(help: "Baseline file to compare against.") var against: String = BaselineCommand.defaultFile
        @Option(help: "Relative change a value may have without counting as moved.") var tolerance: Double = 1e-9

        func run() throws {
            let changes: [Baseline.Change]
            do {
                let old = try Baseline.read(URL(fileURLWithPath: against))
                let new = Baseline.evaluate(try options.load().cases)
                changes = Baseline.compare(old: old, new: new, tolerance: tolerance)
                print(Baseline.report(changes, compared: max(old.count, new.count)))
            } catch { throw fail(error) }
            if !changes.isEmpty { throw ExitCode(ExitStatus.checkFailed) }
        }
    }
}

struct Audit: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show where the papers' conventions differ: each item side by side, a numeric demonstration and the mapping, checked; exit 1 if a mapping fails.")
    @Option(help: "Convention registry (default: Reference/conventions/registry.json).")
    var registry: String = "Reference/conventions/registry.json"
    @Flag(help: "Print a JSON list of items.") var json = false

    func run() throws {
        let results: [ConventionAudit.Result]
        do {
            results = try ConventionAudit(registry: URL(fileURLWithPath: registry)).evaluate()
            print(json ? try ConventionAudit.json(results) : ConventionAudit.text(results))
        } catch { throw fail(error) }
        if results.contains(where: { !$0.holds }) { throw ExitCode(ExitStatus.checkFailed) }
    }
}

struct Plot: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Draw a quantity against one input as SVG: both paths, the alternative closed forms, comparison curves and the golden points.",
        discussion: "Example: nucheck plot nue.dsigma flavor=numu energy=30MeV model=B-L g=1e-4 mass=10MeV --x recoil --from 1keV --to 29.7MeV --log-x --log-y --compare model=SM --out dsigma.svg")

    @Argument(help: "Quantity name.") var quantity: String
    @Argument(help: "Fixed inputs as key=value.") var assignments: [String] = []
    @Option(help: "The input on the x axis.") var x: String
    @Option(help: "Start of the x range (with its unit for energies).") var from: String
    @Option(help: "End of the x range.") var to: String
    @Option(help: "Number of points per curve.") var points: Int = 120
    @Flag(help: "Logarithmic x axis.") var logX = false
    @Flag(help: "Logarithmic y axis.") var logY = false
    @Option(help: "Extra curve with these inputs changed, as key=value[,key=value]; key= removes an input (e.g. model=SM,g=,mass=).")
    var compare: [String] = []
    @Option(help: "SVG file to write.") var out: String
    @OptionGroup var options: FixtureOptions

    func run() throws {
        do {
            let comparisons = try compare.map { try parseAssignments($0.split(separator: ",").map(String.init)) }
            let fixtures = (try? options.load().cases) ?? []
            let plot = try QuantityPlot(quantity: quantity, inputs: try parseAssignments(assignments), x: x, from: from, to: to,
                                        count: points, logX: logX, logY: logY, comparisons: comparisons, fixtures: fixtures)
            try writeFile(plot.svg(), to: out)
            print("wrote \(out): \(plot.curves.filter { !$0.points.isEmpty }.count) curves, \(plot.golden.count) golden points")
        } catch { throw fail(error) }
    }
}
