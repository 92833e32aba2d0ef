import Foundation
import NuCoherent
import NuPhysics
import NuData
import NuAnalyses

extension QuantityRegistry {
    static let g2Coherent = Quantity(
        "g2.coherent",
        "004 Secs. IV-V: share of the (g-2)_mu 2σ band (Δa_μ ± 2σ of Eq. (57), Eqs. (58)-(59), coupling / |Q_μ|) "
            + "excluded by the COHERENT 2σ bound, over 0.1 MeV - 10 GeV (6 masses, one a decade): excluded = mean "
            + "excluded share of the band in ln g; fullyExcluded = share of masses where all of it is excluded. "
            + "Closed-form g-2 and closed-path χ² vs quadrature, Brent root and GSL minimisation. Needs the COHERENT "
            + "data",
        units: "dimensionless",
        inputs: [InputSpec("model", .choice(ModelRegistry.nuElectronModels.map(\.name) + ["scalar"]),
            "a model of 004 Table 2 that couples to muons, or scalar"),
                 InputSpec("detector", .choice(["ar", "csi", "combined"]), default: "combined", "data set"),
                 InputSpec("measure", .choice(["excluded", "fullyExcluded"]), default: "excluded",
                     "which share"), analysisInputsInput],
        closed: { v in try v.g2Band(.closedForm) },
        numerical: { v in try v.g2Band(.numerical) },
        // The share of 6 masses moves in steps of 1/6 when a band edge crosses the bound: the
        // paths agree to the bound's and the band's 1e-8, except where an edge touches the bound.
        agreement: { _ in .tolerance(relative: 1e-6, absolute: 1e-6) })
}

extension InputValues {
    func g2Band(_ path: FoldingPath) throws -> Double {
        let reference = try ReferenceLibrary(directory: try CoherentContext.shared.referenceDirectory())
        let analysis = try CoherentContext.shared.limitAnalysis(try choice("detector"), inputs: try inputSet(),
            csiCounts: nil)
        let points = try MuonG2Band.compare(model: try choice("model"), analysis: analysis,
            masses: MuonG2Band.defaultMasses,
                                            reference: reference, path: path)
        let s = MuonG2Band.summary(points)
        return try choice("measure") == "excluded" ? s.excluded : s.fullyExcludedMasses
    }
}
