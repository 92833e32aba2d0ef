import ArgumentParser
import Foundation
import NuHarness
import NuCoherent
import NuPhysics

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
