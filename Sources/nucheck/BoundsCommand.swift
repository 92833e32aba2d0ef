import ArgumentParser
import Foundation
import NuAnalyses
import NuData
import NuPhysics
import NuReports

struct Bounds: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "002's Figs. 2-4: the 2σ bounds of every experiment the harness computes for the dark hypercharge "
            + "boson, the dark Z or L_mu - L_tau, in the coupling 002 draws (epsilon_B, epsilon_Z, g_Z').",
        discussion: "Example: nucheck bounds darkZ --plot fig3.svg --overlay fixed-target.csv")
    @Argument(help: "darkHypercharge (002 Fig. 2), darkZ (Fig. 3) or Lmu-Ltau (Fig. 4).") var scenario: String
    @Option(help: "Lightest mass (with unit).") var from: String = "1MeV"
    @Option(help: "Heaviest mass (with unit).") var to: String = "10GeV"
    @Option(help: "Masses on the log grid (2 to 200).") var points: Int = 25
    @Option(help: "Also draw the bounds to this SVG file.") var plot: String?
    @Option(
        help: ArgumentHelp(
            "On the --plot figure, also draw an external limit from this CSV file (repeatable), e.g. the fixed-target "
                + "region's edge.",
            discussion: "The file: a first line '# label: NAME', '#' comment lines, the header 'mass_MeV,g', then "
                + "one 'mass,coupling' line per point (MeV, both > 0); see README, Figures."))
    var overlay: [String] = []
    @Option(help: "Also write the bounds as CSV to this file.") var csv: String?
    @Option(help: "Also write a HEPData submission to this folder (new or empty).") var hepdata: String?
    @Flag(help: "Print JSON only.") var json = false
    @OptionGroup var options: FixtureOptions

    func run() throws {
        do {
            var outputs = try Outputs(csv, plot, folder: hepdata)
            guard let scenario = ScenarioBounds.Scenario(rawValue: scenario) else {
                throw PhysicsError.unknown(
                    "scenario '\(scenario)' (expected "
                        + ScenarioBounds.Scenario.allCases.map(\.rawValue).joined(separator: ", ") + ")")
            }
            if plot == nil, !overlay.isEmpty {
                throw InputError.conflicting("--overlay draws on the figure: give --plot FILE.svg")
            }
            let overlays = try overlay.map(OverlayLimit.read)
            options.data.configure(reference: try options.referenceURL)
            let masses = try SizeLimits.logGrid(from: from, to: to, points: points, cap: SizeLimits.sensitivityPoints)
            let result = try ScenarioBounds.compute(scenario, masses: masses)
            print(json ? try BoundsReport.json(result) : BoundsReport.text(result))
            try outputs.add(try BoundsReport.csv(result), to: csv)
            outputs.add(BoundsReport.chart(result, overlays: overlays).svg(), to: plot)
            try outputs.add(folder: try BoundsReport.hepdata(result).files(), to: hepdata)
            try outputs.write(announce: !json)
        } catch { throw fail(error) }
    }
}
