import ArgumentParser
import Foundation
import NuCoherent
import NuData
import NuPhysics
import NuRegistry
import NuReports
import NuValidation

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run every fixture through both paths; print the table and 'N passed, M failed, K irreproducible'.")

    @OptionGroup var options: FixtureOptions
    @Flag(help: "Print the results as JSON (with a summary object) instead of the table.")
    var json = false
    @Option(help: "Also write the results as JUnit XML to this file.")
    var junit: String?
    @Option(
        help: ArgumentHelp(
            "Also write a Markdown report (per paper: golden values, both paths, deviation, status, reasons) to this "
                + "file.")
    )
    var markdown: String?
    @Flag(help: "Print only the failures and the summary line.")
    var summary = false
    @Option(help: "Run only the cases of this quantity, or whose id starts with this (e.g. cevns.dip, 004.table2).")
    var filter: String?

    @Sendable static func showProgress(_ done: Int, _ total: Int) {
        guard done % 100 == 0 || done == total else { return }
        let end = done == total ? "\n" : ""
        FileHandle.standardError.write(Data("\rchecked \(done)/\(total) cases\(end)".utf8))
    }

    func run() throws {
        let results: [CaseResult]
        do {
            // --summary shortens the table; JSON has no table to shorten.
            if summary && json { throw InputError.conflicting("--summary does nothing with --json (give one of them)") }
            var outputs = try Outputs(junit, markdown)
            let fixtures = try options.load()
            var cases = fixtures.cases
            if let filter {
                cases = Runner.select(cases, filter: filter)
                guard !cases.isEmpty else {
                    throw InputError.conflicting(
                        "--filter '\(filter)' matches no case (give a quantity name or a case-id prefix)")
                }
            }
            // Progress on stderr, only when a person watches it.
            let started = Date()
            results = Runner.run(cases, progress: isatty(STDERR_FILENO) == 1 ? Self.showProgress : nil)
            if !json && !summary {
                print(
                    try OutputMetadata.headerLines(
                        withData: true,
                        prefix: ""
                    ).joined(separator: "\n"))
            }
            // The recorded statements no case can run, for the papers the selection covers.
            let papers = Set(cases.compactMap(\.citation))
            let notEvaluable = fixtures.notEvaluable.filter { filter == nil || papers.contains($0.citation) }
            print(
                json
                    ? try Reports.json(results, notEvaluable: notEvaluable)
                    : Reports.table(results, summaryOnly: summary))
            if !json && !summary && !notEvaluable.isEmpty { print("\n" + Reports.notEvaluable(notEvaluable)) }
            try outputs.add(try JUnitReport.xml(results, started: started), to: junit)
            try outputs.add(try Reports.markdown(results, notEvaluable: notEvaluable), to: markdown)
            try outputs.write()
        } catch { throw fail(error) }
        // A failure, or a case recorded irreproducible that now agrees (its record must be updated).
        if Runner.summary(results).failsRun { throw ExitCode(1) }
        // Cases a user's data folder cannot serve: an incomplete check is not a pass.
        let notRun = results.filter { $0.status == .notRun }
        if let first = notRun.first {
            throw fail(
                DataFileError.absent(
                    file: "check", dataSet: first.fixture.id,
                    hint: "\(notRun.count) cases not run, their data is absent (\(first.message ?? ""))"))
        }
    }
}
