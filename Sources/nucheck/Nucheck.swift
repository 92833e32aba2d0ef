import ArgumentParser
import Foundation
import NuHarness
import NuReports
import NuCoherent
import NuPhysics

@main
struct Nucheck: ParsableCommand {
    /// Parses and runs; a command-line the parser rejects (unknown flag, missing argument, bad
    /// option value) is bad input: one line and exit 2, not the parser's usage text and 64.
    static func main() {
        do {
            var command = try parseAsRoot()
            do { try GivenOptions.refuseRepeats() } catch { throw fail(error) }
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
        version: HarnessVersion.full,
        subcommands: [Check.self, Eval.self, List.self, Bench.self, BaselineCommand.self, Audit.self, Plot.self, Table2.self, Limits.self, Rates.self, G2.self, Sensitivity.self]
    )
}
