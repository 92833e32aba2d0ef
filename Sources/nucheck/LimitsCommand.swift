import ArgumentParser
import Foundation
import NuAnalyses
import NuCoherent
import NuData
import NuPhysics
import NuRegistry
import NuReports
import NuValidation

struct Limits: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract:
            "The 2σ exclusion boundary g(M) and the allowed intervals from the COHERENT data, for one model or all of "
                + "004 Table 2.",
        discussion: "Example: nucheck limits all --detector all --points 100 --hepdata limits-hepdata")
    @Argument(help: "Model (a 004 Table 2 row, or scalar), or 'all' for every Table 2 model.") var model: String
    @Option(help: "Data set: ar, csi, combined, or all.") var detector: String = "ar"
    @OptionGroup var convention: LimitConventionOptions
    @Option(help: "Edge of the allowed region: first (holding the SM) or outer (the largest allowed coupling).")
    var edge: String = "first"
    @OptionGroup var csi: CsIBackgroundOptions
    @Option(help: "Lightest mass (with unit).") var from: String = "0.1MeV"
    @Option(help: "Heaviest mass (with unit).") var to: String = "1e5MeV"
    @Option(help: "Masses on the log grid (2 to 1000).") var points: Int = 25
    @Option(
        help: ArgumentHelp(
            "Also draw the excluded regions to this SVG file (one model).",
            discussion: "Each data set's excluded intervals tinted and the edges of its allowed ones drawn (an "
                + "allowed strip stays open); --detector all draws Ar, CsI and CsI+Ar together as 004 Figs. 4-8, "
                + "one data set adds 004's Table 2 asymptotes."))
    var plot: String?
    @OptionGroup var figure: FigureOptions
    @Option(help: "Also write the curves as CSV to this file.") var csv: String?
    @Option(
        help: ArgumentHelp(
            "Also write the curves as a HEPData submission to this folder (new or empty: "
                + "submission.yaml and one table per curve)."))
    var hepdata: String?
    @Flag(help: "Print JSON only (messages go to stderr).") var json = false
    @OptionGroup var options: FixtureOptions

    func run() throws {
        do {
            var outputs = try Outputs(csv, plot, folder: hepdata)
            options.data.configure(reference: try options.referenceURL)
            let masses = try SizeLimits.logGrid(from: from, to: to, points: points, cap: SizeLimits.massPoints)
            let models = model == "all" ? TableTwo.models : [model]
            let datasets = detector == "all" ? TableTwo.datasets : [detector]
            if plot != nil, models.count != 1 {
                throw InputError.conflicting("--plot draws one model, not all: give one model (e.g. B-L)")
            }
            let (band, overlays) = try figure.prepare(
                plot: plot, model: model, masses: masses, reference: try options.referenceURL)
            guard let edge = try convention.edge(edge) else { throw PhysicsError.unknown("edge") }
            let limitConvention = try LimitConvention(
                dof: convention.dof, reference: try convention.reference(),
                edge: edge)
            let set = try convention.inputSet()
            let counts = try csi.counts()
            if counts != nil, datasets == ["ar"] {
                throw PhysicsError.notApplicable("--csi-brn and --csi-nin apply to csi and combined")
            }
            var curves: [LimitCurve] = []
            for name in models {
                let mediator: AsymptoticLimit.Mediator =
                    name == "scalar" ? .scalar : .vector(try ModelRegistry.lookup(name))
                for dataset in datasets {
                    let analysis = try CoherentContext.shared.limitAnalysis(
                        dataset, inputs: set,
                        csiCounts: dataset == "ar" ? nil : counts)
                    curves.append(
                        LimitCurve(
                            model: name, dataset: dataset, convention: limitConvention, inputs: set,
                            points: try analysis.curve(
                                mediator, masses: masses,
                                convention: limitConvention)))
                }
            }
            if !json { print(try OutputMetadata.headerLines(withData: true, prefix: "").joined(separator: "\n")) }
            print(json ? try LimitReport.json(curves) : LimitReport.text(curves))
            try outputs.add(try LimitReport.csv(curves), to: csv)
            try outputs.add(folder: try LimitReport.hepdata(curves).files(), to: hepdata)
            if plot != nil {
                let reference = try ReferenceLibrary(directory: try options.referenceURL)
                try outputs.add(
                    try LimitReport.chart(curves, reference: reference, band: band, overlays: overlays).svg(), to: plot)
            }
            try outputs.write(announce: true)
        } catch { throw fail(error) }
    }
}
