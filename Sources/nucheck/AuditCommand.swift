import ArgumentParser
import Foundation
import NuAnalyses
import NuCoherent
import NuData
import NuPhysics
import NuRegistry
import NuReports
import NuValidation

struct Audit: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show where the papers' conventions differ: each item side by side, a numeric demonstration and the "
            + "mapping, checked; exit 1 if a mapping fails.")
    @Option(
        help: ArgumentHelp(
            "Convention registry.",
            discussion: "Default: conventions/registry.json in the nucheck package's Reference/."))
    var registry: String?
    @Flag(help: "Print a JSON list of items.") var json = false

    func run() throws {
        let results: [ConventionAudit.Result]
        do {
            let url =
                try registry.map { URL(fileURLWithPath: $0) }
                ?? NucheckHome.locate()
                .reference.appendingPathComponent("conventions/registry.json")
            results = try ConventionAudit(registry: url).evaluate()
            print(json ? try ConventionAudit.json(results) : ConventionAudit.text(results))
        } catch { throw fail(error) }
        if results.contains(where: { !$0.holds }) { throw ExitCode(ExitStatus.checkFailed) }
    }
}
