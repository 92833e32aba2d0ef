import ArgumentParser
import Foundation
import NuAnalyses
import NuCoherent
import NuData
import NuPhysics
import NuRegistry
import NuReports
import NuValidation

struct BaselineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "baseline",
        abstract: "Record or compare the physics regression baseline (every quantity on the fixtures' inputs, both "
            + "paths).",
        subcommands: [Record.self, Compare.self])

    /// The committed baseline: baselines/baseline.txt in the fixtures directory.
    static func file(_ given: String?, _ options: FixtureOptions) throws -> URL {
        try given.map { URL(fileURLWithPath: $0) }
            ?? options.fixturesURL.appendingPathComponent("baselines/baseline.txt")
    }

    struct Record: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Evaluate everything and write the baseline "
                + "(atomically).")
        @OptionGroup var options: FixtureOptions
        @Option(
            help: ArgumentHelp(
                "Baseline file to write.",
                discussion: "Default: baselines/baseline.txt in the fixtures directory.")) var out: String?

        func run() throws {
            do {
                let entries = Baseline.evaluate(try options.load().cases)
                let url = try BaselineCommand.file(out, options)
                try Baseline.write(entries, to: url)
                print("wrote \(entries.count) values to \(url.path)")
            } catch { throw fail(error) }
        }
    }

    struct Compare: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Re-evaluate and report every value that moved beyond the tolerance, grouped by quantity; exit "
                + "1 if any moved.")
        @OptionGroup var options: FixtureOptions
        @Option(
            help: ArgumentHelp(
                "Baseline file to compare against.",
                discussion: "Default: baselines/baseline.txt in the fixtures directory.")) var against: String?
        @Option(help: "Relative change a value may have without counting as moved.") var tolerance: Double = 1e-9

        func run() throws {
            let changes: [Baseline.Change]
            let notCompared: String?
            do {
                let old = try Baseline.read(try BaselineCommand.file(against, options))
                let new = Baseline.evaluate(try options.load().cases)
                changes = Baseline.compare(old: old, new: new, tolerance: tolerance)
                print(Baseline.report(changes, compared: max(old.count, new.count)))
                notCompared = Baseline.notCompared(new)
            } catch { throw fail(error) }
            if !changes.isEmpty { throw ExitCode(ExitStatus.checkFailed) }
            // An incomplete comparison is not a pass: the cases a user's data folder cannot serve.
            if let notCompared {
                throw fail(
                    DataFileError.absent(
                        file: "baseline compare", dataSet: "(see the cases)",
                        hint: notCompared))
            }
        }
    }
}
