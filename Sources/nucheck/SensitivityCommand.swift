import ArgumentParser
import Foundation
import NuAnalyses
import NuCoherent
import NuPhysics
import NuRegistry
import NuReports
import NuValidation

struct Sensitivity: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract:
            "000's 90% C.L. reach g(M) for a vector model at the DUNE near detector (by mode) or JSNS², with the "
                + "excess and deficit reaches apart.",
        discussion: "Example: nucheck sensitivity B-L --mode all --plot bl-dune.svg")
    @Argument(help: "A vector model with couplings to electrons (B-L, Le-Lmu, ...).") var model: String
    @Option(help: "dune-nd (000's DUNE near detector), jsns2, or all (both, as 000's Fig. 2).") var experiment: String =
        "dune-nd"
    @Option(help: "DUNE: nu, nubar, combined or all (JSNS² has one).") var mode: String = "all"
    @Option(
        help: ArgumentHelp(
            "DUNE's combined χ²: summed-events (000's χ²(ν mode + ν̄ mode), Eq. (8) of the summed events) "
                + "or chi2-sum (χ²(ν mode) + χ²(ν̄ mode))."))
    var statistic: String = DuneSensitivity.Statistic.summedEvents.rawValue
    @Option(help: "Parameters of the 90% C.L. threshold: 1 (Δχ² = 2.71) or 2 (4.61).") var dof: Int = 2
    @Option(help: "Lightest mass (with unit).") var from: String = "1MeV"
    @Option(help: "Heaviest mass (with unit).") var to: String = "10GeV"
    @Option(help: "Masses on the log grid (2 to 200).") var points: Int = 17
    @Flag(help: "Print JSON.") var json = false
    @Option(help: "Also write CSV to this file.") var csv: String?
    @Option(
        help: ArgumentHelp(
            "Also draw the reaches to this SVG file (as 000 Fig. 2).",
            discussion: "Every mode in its colour (the combined analysis purple, JSNS² with --experiment all): "
                + "the reach by an excess solid, the region reached by a deficit enclosed by dot-dashed lines."))
    var plot: String?
    @OptionGroup var figure: FigureOptions
    @Option(
        help: ArgumentHelp(
            "Also write a HEPData submission to this folder (new or empty: submission.yaml "
                + "and one table per mode)."))
    var hepdata: String?
    @OptionGroup var options: FixtureOptions

    func run() throws {
        do {
            if experiment == "jsns2" {
                try GivenOptions.refuse(["--mode", "--statistic"], because: "JSNS² has one mode")
            }
            if mode == "nu" || mode == "nubar" {
                try GivenOptions.refuse(["--statistic"], because: "it chooses the combined mode's χ²")
            }
            let combinedStatistic = try DuneSensitivity.Statistic(rawValue: statistic)
                ?? { throw PhysicsError.unknown("statistic '\(statistic)' (expected summed-events, chi2-sum)") }()
            var outputs = try Outputs(csv, plot, folder: hepdata)
            options.data.configure(reference: try options.referenceURL)
            guard dof == 1 || dof == 2 else { throw InputError.conflicting("--dof must be 1 or 2") }
            let modes: [DuneSensitivity.Mode] =
                mode == "all"
                ? DuneSensitivity.Mode.allCases
                : [
                    try DuneSensitivity.Mode(rawValue: mode)
                        ?? { throw PhysicsError.unknown("mode '\(mode)' (expected nu, nubar, combined, all)") }()
                ]
            let masses = try SizeLimits.logGrid(from: from, to: to, points: points, cap: SizeLimits.sensitivityPoints)
            let vector = try ModelRegistry.lookup(model)
            guard vector.chargedLeptonsVectorLike else {
                throw PhysicsError.notApplicable("\(vector.name) couples chirally to charged leptons")
            }
            guard
                [
                    "dune-nd", "jsns2",
                    "all",
                ].contains(experiment)
            else { throw PhysicsError.unknown("experiment '\(experiment)' (expected dune-nd, jsns2, all)") }
            let (band, overlays) = try figure.prepare(
                plot: plot, model: vector.name, masses: masses, reference: try options.referenceURL)
            // One curve: at each mass the reach on either side, by excess, by deficit and where the
            // deficit region ends.
            func curve(
                _ mode: String, statistic: String? = nil, _ reaches: (Double) throws -> ReachScan.Reaches
            ) throws -> SensitivityCurve {
                SensitivityCurve(
                    model: vector.name, mode: mode, dof: dof, statistic: statistic,
                    points: try masses.map { mass in
                        let r = try reaches(mass)
                        return SensitivityPoint(
                            mass: mass, reach: r.reach, excess: r.excess, deficit: r.deficit,
                            deficitEnd: r.deficitEnd)
                    })
            }
            var curves: [SensitivityCurve] = []
            if experiment != "dune-nd" {
                let setup = try JSNS2Sensitivity.setup(.shared)
                curves.append(
                    try curve("jsns2") { mass in
                        try JSNS2Sensitivity.reaches(
                            model: vector, mass: mass, dof: dof, path: .closedForm, setup: setup)
                    })
            }
            if experiment != "jsns2" {
                let (fluxes, setup, electrons) = try DuneContext.load(.shared)
                curves += try modes.map { m in
                    try curve(m.rawValue, statistic: m == .combined ? combinedStatistic.rawValue : nil) { mass in
                        try DuneSensitivity.reaches(
                            model: vector, mass: mass, mode: m, statistic: combinedStatistic, dof: dof,
                            path: .closedForm, fluxes: fluxes, setup: setup, electrons: electrons,
                            sw2: Constants.defaultSin2ThetaW)
                    }
                }
            }
            print(json ? try SensitivityReport.json(curves) : SensitivityReport.text(curves))
            try outputs.add(try SensitivityReport.csv(curves), to: csv)
            outputs.add(SensitivityReport.chart(curves, band: band, overlays: overlays).svg(), to: plot)
            try outputs.add(folder: try SensitivityReport.hepdata(curves).files(), to: hepdata)
            try outputs.write()
        } catch { throw fail(error) }
    }
}
