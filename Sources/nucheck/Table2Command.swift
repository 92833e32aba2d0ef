import ArgumentParser
import Foundation
import NuAnalyses
import NuCoherent
import NuData
import NuRegistry
import NuReports
import NuValidation

struct Table2: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "table2",
        abstract:
            "Reproduce 004 Table 2 from the COHERENT data: our value, the printed one and the signed deviation for all "
            + "66 entries."
    )
    @OptionGroup var options: FixtureOptions
    @OptionGroup var convention: LimitConventionOptions
    @Option(
        help: ArgumentHelp(
            "Edge of the allowed region for every entry: first or outer (default: per entry, outer where the printed "
                + "bound lies above the model's strip).")
    )
    var edge: String?
    @OptionGroup var csi: CsIBackgroundOptions
    @Flag(
        help: ArgumentHelp(
            "Print a JSON list (model, dataset, regime, ours, printed, units, relativeDeviation, dof, deltaChi2, edge, "
                + "inputs, ...).")
    ) var json = false

    func run() throws {
        do {
            options.data.configure(reference: try options.referenceURL)
            let reference = try ReferenceLibrary(directory: try options.referenceURL)
            let start = DispatchTime.now().uptimeNanoseconds
            let rows = try TableTwo.compute(
                reference: reference,
                options: TableTwo.Options(
                    inputs: try convention.inputSet(), dof: convention.dof, reference: try convention.reference(),
                    edge: try convention.edge(edge), csiCounts: try csi.counts()))
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            if json {
                print(try TableTwo.json(rows))
            } else {
                print(try OutputMetadata.headerLines(withData: true, prefix: "").joined(separator: "\n"))
                print(TableTwo.text(rows) + String(format: "\ncomputed in %.2f s", seconds))
            }
        } catch { throw fail(error) }
    }
}
