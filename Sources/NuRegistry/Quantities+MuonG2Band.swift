import Foundation
import NuAnalyses
import NuCoherent
import NuData
import NuPhysics

extension QuantityRegistry {
    static let g2Coherent = Quantity(
        "g2.coherent",
        "004 Secs. IV-V: share of the (g-2)_mu 2σ band (Δa_μ ± 2σ of Eq. (57), Eqs. (58)-(59), coupling / |Q_μ|) "
            + "excluded by the COHERENT 2σ bound, over 0.1 MeV - 10 GeV (6 masses, one a decade): excluded = mean "
            + "excluded share of the band in ln g; fullyExcluded = share of masses where all of it is excluded; "
            + "bandLower/bandUpper = the band's edges in g at `mass` (no COHERENT data read). "
            + "Closed-form g-2 and closed-path χ² vs quadrature, Brent root and GSL minimisation. Needs the COHERENT "
            + "data",
        units: "dimensionless",
        inputs: [
            InputSpec(
                "model", .choice(ModelRegistry.nuElectronModels.map(\.name) + ["scalar"]),
                "a model of 004 Table 2 that couples to muons, or scalar"),
            InputSpec("detector", .choice(["ar", "csi", "combined"]), default: "combined", "data set"),
            InputSpec(
                "measure", .choice(["excluded", "fullyExcluded", "bandLower", "bandUpper"]), default: "excluded",
                "which share, or which edge of the band"), analysisInputsInput,
            InputSpec("mass", .energy, "mediator mass for measure=bandLower or bandUpper"),
        ],
        decode: { v in
            let reference = try v.context.referenceLibrary()
            let model = try v.choice("model")
            let measure = try v.choice("measure")
            if measure.hasPrefix("band") {
                return G2BandInputs(
                    reference: reference, model: model, measure: measure, mass: try v.energy("mass"), analysis: nil)
            }
            return G2BandInputs(
                reference: reference, model: model, measure: measure, mass: nil,
                analysis: try v.context.limitAnalysis(
                    try v.choice("detector"), inputs: try v.inputSet(), csiCounts: nil))
        },
        closed: { i in try g2Band(i, .closedForm) },
        numerical: { i in try g2Band(i, .numerical) },
        ledger: Ledger(
            closed: ["NuClosedForm.MuonG2.coupling", "NuAnalyses.MuonG2Band.compare", "NuAnalyses.MuonG2Band.edges"],
            numerical: [
                "NuNumerical.MuonG2Quadrature.coupling", "NuAnalyses.MuonG2Band.compare",
                "NuAnalyses.MuonG2Band.edges",
            ],
            shared: [
                (
                    .data,
                    "the COHERENT releases and Reference/coherent.json; Δa_μ ± 2σ from 004 "
                        + "Eq. (57)"
                ),
                (.response, "the folded detector response of each data set"),
                (
                    .inputs,
                    "MuonG2Band.edges: Δa_μ ± 2σ and |Q_μ| turned into the band's edges by each path's own "
                        + "coupling (closed form or quadrature and root)"
                ),
                (
                    .scan,
                    "MuonG2Band.compare: the band's edges against the bound's χ² scan over the "
                        + "coupling (NuCoherent.AsymptoticLimit: grid and GSL Brent crossings); the band "
                        + "edges and the minimum over nuisances are each path's own"
                ),
            ]),
        // The share of 6 masses moves in steps of 1/6 when a band edge crosses the bound: the
        // paths agree to the bound's and the band's 1e-8, except where an edge touches the bound.
        agreement: { _ in .tolerance(relative: 1e-6, absolute: 1e-6) })
}

/// The decoded inputs: a share needs the COHERENT analysis, a band edge needs a mass.
private struct G2BandInputs {
    let reference: ReferenceLibrary, model: String, measure: String
    let mass: Double?
    let analysis: LimitAnalysis?
}

private func g2Band(_ i: G2BandInputs, _ path: Path) throws -> Double {
    if let mass = i.mass {
        let edges = try MuonG2Band.edges(model: i.model, masses: [mass], reference: i.reference, path: path)[0]
        return i.measure == "bandLower" ? edges.lower : edges.upper
    }
    guard let analysis = i.analysis else { throw PhysicsError.notApplicable("no COHERENT analysis to compare with") }
    let points = try MuonG2Band.compare(
        model: i.model, analysis: analysis, masses: MuonG2Band.defaultMasses,
        reference: i.reference, path: path)
    let s = MuonG2Band.summary(points)
    return i.measure == "excluded" ? s.excluded : s.fullyExcludedMasses
}
