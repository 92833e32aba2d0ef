import ArgumentParser
import Foundation
import NuAnalyses
import NuCoherent
import NuData
import NuPhysics
import NuRegistry
import NuReports
import NuValidation

struct G2: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "g2",
        abstract: "The (g-2)_mu 2σ band of a model against its COHERENT 2σ bound (004 Secs. IV-V): per mass, the "
            + "band's edges, the bound and how much of the band is excluded.",
        discussion: "Example: nucheck g2 B-L --detector combined --plot bl-g2.svg")
    @Argument(help: "A 004 Table 2 model that couples to muons, or scalar.") var model: String
    @Option(help: "Data set: ar, csi or combined.") var detector: String = "combined"
    @Option(help: "Lightest mass (with unit).") var from: String = "0.1MeV"
    @Option(help: "Heaviest mass (with unit).") var to: String = "10GeV"
    @Option(help: "Masses on the log grid (2 to 1000).") var points: Int = 21
    @Flag(help: "Print JSON.") var json = false
    @Option(help: "Also draw the band and the bound to this SVG file.") var plot: String?
    @OptionGroup var options: FixtureOptions

    func run() throws {
        do {
            try OutputFiles.check(plot.map { [$0] } ?? [])
            options.data.configure(reference: try options.referenceURL)
            guard
                [
                    "ar", "csi",
                    "combined",
                ].contains(detector)
            else {
                throw PhysicsError.unknown(
                    "detector '\(detector)' (expected "
                        + "ar, csi, combined)")
            }
            let masses = try SizeLimits.logGrid(from: from, to: to, points: points, cap: SizeLimits.massPoints)
            let reference = try ReferenceLibrary(directory: try options.referenceURL)
            let name = model == "scalar" ? "scalar" : try ModelRegistry.lookup(model).name
            let analysis = try CoherentContext.shared.limitAnalysis(detector, inputs: .release, csiCounts: nil)
            let result = try MuonG2Band.compare(
                model: name, analysis: analysis, masses: masses, reference: reference,
                path: .closedForm)
            print(
                json
                    ? try G2BandReport.json(model: name, dataset: detector, result)
                    : G2BandReport.text(
                        model: name,
                        dataset: detector, result))
            if let plot {
                try writeFile(try G2BandReport.chart(model: name, dataset: detector, result).svg(), to: plot)
                FileHandle.standardError.write(Data("wrote \(plot)\n".utf8))
            }
        } catch { throw fail(error) }
    }
}
