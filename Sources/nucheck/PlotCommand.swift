import ArgumentParser
import Foundation
import NuAnalyses
import NuCoherent
import NuData
import NuPhysics
import NuRegistry
import NuReports
import NuValidation

struct Plot: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract:
            "Draw a quantity against one input as SVG: both paths, the alternative closed forms, comparison curves and "
            + "the golden points.",
        discussion:
            "Example: nucheck plot nue.dsigma flavor=numu energy=30MeV model=B-L g=1e-4 mass=10MeV --x recoil --from "
            + "1keV --to 29.7MeV --log-x --log-y --compare model=SM --out dsigma.svg"
    )

    @Argument(help: "Quantity name.") var quantity: String
    @Argument(help: "Fixed inputs as key=value.") var assignments: [String] = []
    @Option(help: "The input on the x axis.") var x: String
    @Option(help: "Start of the x range (with its unit for energies).") var from: String
    @Option(help: "End of the x range.") var to: String
    @Option(help: "Number of points per curve (2 to 100000).") var points: Int = 120
    @Flag(help: "Logarithmic x axis.") var logX = false
    @Flag(help: "Logarithmic y axis.") var logY = false
    @Option(
        help: ArgumentHelp(
            "Extra curve with these inputs changed, as key=value[,key=value]; key= removes an input (e.g. "
                + "model=SM,g=,mass=).")
    )
    var compare: [String] = []
    @Option(help: "SVG file to write.") var out: String
    @OptionGroup var options: FixtureOptions

    func run() throws {
        do {
            try SizeLimits.points(points, cap: SizeLimits.plotPoints)
            try OutputFiles.check(out)
            let comparisons = try compare.map { try parseAssignments($0.split(separator: ",").map(String.init)) }
            let fixtures = (try? options.load().cases) ?? []
            let plot = try QuantityPlot(
                quantity: quantity, inputs: try parseAssignments(assignments), x: x,
                from: from, to: to,
                count: points, logX: logX, logY: logY, comparisons: comparisons, fixtures: fixtures)
            try writeFile(plot.svg(), to: out)
            print(
                "wrote \(out): \(plot.curves.filter { !$0.points.isEmpty }.count) curves, \(plot.golden.count) golden "
                    + "points"
            )
        } catch { throw fail(error) }
    }
}
