import ArgumentParser
import Foundation
import NuAnalyses
import NuCoherent
import NuData
import NuPhysics
import NuRegistry
import NuReports
import NuValidation

@main
struct Nucheck: ParsableCommand {
    /// Parses and runs; a command-line the parser rejects (unknown flag, missing argument, bad
    /// option value) is bad input: one line and exit 2, not the parser's usage text and 64.
    static func main() {
        do {
            var command = try parseAsRoot()
            do { try GivenOptions.refuseRepeats() } catch { throw fail(error) }
            try command.run()
            warnAboutModifiedData()
        } catch let code as ExitCode {
            if code.rawValue <= 1 { warnAboutModifiedData() }  // an error is one line, naming its file
            Foundation.exit(code.rawValue)
        } catch {
            // The subcommands turn their own errors into an ExitCode (`fail`); what arrives here
            // is the parser's: help and version requests (exit 0) or a rejected command line.
            if exitCode(for: error) == .success { exit(withError: error) }
            printError(message(for: error))
            Foundation.exit(2)
        }
    }

    /// A user copy that differs from the release was read: say so (the reports name it too).
    static func warnAboutModifiedData() {
        for (set, files) in DataLibrary.shared.modifiedDataSets().sorted(by: { $0.key < $1.key }) {
            let message =
                "nucheck: warning: data set \(set) was read from a user copy whose files differ from the "
                + "release: "
                + files.joined(separator: ", ") + "\n"
            FileHandle.standardError.write(Data(message.utf8))
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
            6 a data file the command needs is absent from a user's data folder (--data, --dune-data or \
            their variables; the package's own copy is never absent). Errors are one line on stderr.
            """,
        version: HarnessVersion.full,
        subcommands: [
            Check.self, Eval.self, List.self, Bench.self, BaselineCommand.self, Audit.self, Plot.self,
            Table2.self, Limits.self, Rates.self, G2.self, Sensitivity.self, Bounds.self, DataCommand.self,
        ]
    )
}
