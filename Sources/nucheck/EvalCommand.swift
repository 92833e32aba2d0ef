import ArgumentParser
import Foundation
import NuAnalyses
import NuCoherent
import NuPhysics
import NuRegistry
import NuReports
import NuValidation

struct Eval: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Evaluate one quantity by both paths: nucheck eval QUANTITY key=value ...",
        discussion:
            "Energies carry their unit right after the number (30MeV, 10keV, 9.75e-6MeV, 1.2GeV); dimensionless inputs "
                + "are plain numbers. `nucheck list` shows every quantity and its inputs."
    )

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
            throw InputError.conflicting(
                "input '\(key)' is given twice ('\(inputs[key]!)' and '\(a[a.index(after: eq)...])')")
        }
        inputs[key] = String(a[a.index(after: eq)...])
    }
    return inputs
}
