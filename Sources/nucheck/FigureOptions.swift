import ArgumentParser
import Foundation
import NuAnalyses
import NuData
import NuPhysics
import NuReports

/// What else the `--plot` figure of `limits` and `sensitivity` draws: the (g−2)_μ band and
/// external limits. Checked, and the overlays read, before any scan: a bad request fails in
/// milliseconds, not after the computation.
struct FigureOptions: ParsableArguments {
    @Flag(
        name: .customLong("g2-band"),
        help: "On the --plot figure, also draw the model's (g-2)_mu 2σ band (004 Eq. (57); models coupling to muons).")
    var g2Band = false

    @Option(
        help: ArgumentHelp(
            "On the --plot figure, also draw an external limit from this CSV file (repeatable).",
            discussion: "The file: a first line '# label: NAME', '#' comment lines, the header 'mass_MeV,g', then "
                + "one 'mass,g' line per point (MeV, both > 0); see README, Figures."))
    var overlay: [String] = []

    /// The band's edges over `masses` (empty without `--g2-band`) and the overlays, read and
    /// checked; either without `plot` is refused, as is the band of a model with no muon coupling.
    func prepare(plot: String?, model: String, masses: [Double], reference: URL) throws -> (
        band: [MuonG2Band.Edges], overlays: [OverlayLimit]
    ) {
        if plot == nil {
            if g2Band { throw InputError.conflicting("--g2-band draws on the figure: give --plot FILE.svg") }
            if !overlay.isEmpty { throw InputError.conflicting("--overlay draws on the figure: give --plot FILE.svg") }
        }
        let overlays = try overlay.map(OverlayLimit.read)
        guard g2Band else { return ([], overlays) }
        let library = try ReferenceLibrary(directory: reference)
        do {
            return (
                try MuonG2Band.edges(model: model, masses: masses, reference: library, path: .closedForm), overlays
            )
        } catch PhysicsError.notApplicable(let why) {
            throw PhysicsError.notApplicable("--g2-band: \(why)")
        }
    }
}
