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
            + "excluded share of the band in ln g; fullyExcluded = share of masses where all of it is excluded. "
            + "Closed-form g-2 and closed-path χ² vs quadrature, Brent root and GSL minimisation. Needs the COHERENT "
            + "data",
        units: "dimensionless",
        inputs: [
            InputSpec(
                "model", .choice(ModelRegistry.nuElectronModels.map(\.name) + ["scalar"]),
                "a model of 004 Table 2 that couples to muons, or scalar"),
            InputSpec("detector", .choice(["ar", "csi", "combined"]), default: "combined", "data set"),
            InputSpec(
                "measure", .choice(["excluded", "fullyExcluded"]), default: "excluded",
                "which share"), analysisInputsInput,
        ],
        decode: { v in
            (
                reference: try v.context.referenceLibrary(), model: try v.choice("model"),
                analysis: try v.context.limitAnalysis(
                    try v.choice("detector"), inputs: try v.inputSet(), csiCounts: nil),
                excluded: try v.choice("measure") == "excluded"
            )
        },
        closed: { i in try g2Band(i, .closedForm) },
        numerical: { i in try g2Band(i, .numerical) },
        ledger: Ledger(
            closed: ["NuClosedForm.MuonG2.coupling", "NuAnalyses.MuonG2Band.compare"],
            numerical: ["NuNumerical.MuonG2Quadrature.coupling", "NuAnalyses.MuonG2Band.compare"],
            shared: [
                (
                    .data,
                    "the COHERENT releases and Reference/coherent.json; Δa_μ ± 2σ from 004 "
                        + "Eq. (57)"
                ),
                (.response, "the folded detector response of each data set"),
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

private func g2Band(
    _ i: (reference: ReferenceLibrary, model: String, analysis: LimitAnalysis, excluded: Bool),
    _ path: Path
) throws -> Double {
    let points = try MuonG2Band.compare(
        model: i.model, analysis: i.analysis, masses: MuonG2Band.defaultMasses,
        reference: i.reference, path: path)
    let s = MuonG2Band.summary(points)
    return i.excluded ? s.excluded : s.fullyExcludedMasses
}
