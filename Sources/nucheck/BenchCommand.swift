import ArgumentParser
import Foundation
import NuAnalyses
import NuCoherent
import NuData
import NuPhysics
import NuRegistry
import NuReports
import NuValidation

struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Nanoseconds per evaluation of the closed form and the numerical path of every quantity, and their "
            + "ratio (use a release build).")

    @Option(help: "Seconds spent timing each path of each quantity (0.001 to 10).")
    var budget: Double = 0.2
    @OptionGroup var options: FixtureOptions

    func run() throws {
        do {
            try SizeLimits.budget(budget)
            let fixtures = try options.load()
            print(Benchmark.table(try Benchmark.run(fixtures: fixtures, budget: budget)))
            let scans = try Benchmark.scans(reference: try ReferenceLibrary(directory: try options.referenceURL))
            if !scans.isEmpty {
                print(
                    "\nscans (seconds of wall clock, one run each)\n"
                        + scans.joined(separator: "\n"))
            }
        } catch { throw fail(error) }
    }
}
