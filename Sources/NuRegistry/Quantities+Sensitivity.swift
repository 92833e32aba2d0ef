import Foundation
import NuAnalyses
import NuBeams
import NuCoherent
import NuPhysics

/// The inputs of a reach (DUNE and JSNS²): the model, the mass, the side and the threshold's parameters.
let sensitivityReachInputs = [
    InputSpec("model", .choice(ModelRegistry.nuElectronModels.map(\.name)), "vector model"),
    InputSpec(
        "mass", .energy,
        "mediator mass M"),
    InputSpec(
        "side", .choice(DuneSensitivity.Side.allCases.map(\.rawValue)), default: "reach",
        "reach (either), excess or deficit"),
    InputSpec("dof", .choice(["1", "2"]), default: "2", "parameters of the 90% C.L. threshold"),
]

extension QuantityRegistry {
    static let duneSensitivity = Quantity(
        "dune.sensitivity",
        "000 Fig. 2: DUNE ND 90% C.L. reach in g at mass M (67.5 t LAr, 4.8 MW·yr a mode, T > 30 MeV, σ_norm = 5%, "
            + "Eq. (8); Reference/dune.json) for nu, nubar or combined; combined by statistic=summed-events "
            + "(000's χ²(ν mode + ν̄ mode): Eq. (8) of the summed events, one α) or chi2-sum (footnote 4's "
            + "χ²(ν mode) + χ²(ν̄ mode), an α each); side=excess/deficit restricts to N > N_SM or N < N_SM (summed "
            + "events: the sums; chi2-sum: every mode) (000's solid and dot-dashed contours); the reach on a side "
            + "is its lowest g with χ² at the threshold (a refined crossing, or where the side begins); dof=1 "
            + "(Δχ² = 2.71) or 2 (4.61). Closed-form σ and χ² vs QAGS and the GSL minimum; reads the shipped DUNE "
            + "ND fluxes (dune-nd-tdr2021)",
        units: "dimensionless",
        inputs: sensitivityReachInputs + [
            InputSpec(
                "mode", .choice(DuneSensitivity.Mode.allCases.map(\.rawValue)),
                default: "combined", "beam mode"),
            InputSpec(
                "statistic", .choice(DuneSensitivity.Statistic.allCases.map(\.rawValue)),
                default: DuneSensitivity.Statistic.summedEvents.rawValue,
                "mode=combined only: summed-events (000's χ²(ν mode + ν̄ mode)) or chi2-sum (χ²(ν) + χ²(ν̄))"),
            InputSpec(
                "measure", .choice(["g", "side", "combinedVsBest"]), default: "g",
                "g: the reach; side: −1 when the reach comes by a deficit (below the excess reach, or with "
                    + "none), +1 by an excess; combinedVsBest (mode=combined): +1 when the combined reach on "
                    + "the side is not below the better single mode's (000: 'will not provide better "
                    + "results'), −1 when it is"),
        ],
        decode: { v in try v.duneReachInputs() },
        closed: { i in try duneReach(i, .closedForm) },
        numerical: { i in try duneReach(i, .numerical) },
        ledger: Ledger(
            closed: [
                "NuClosedForm.NuElectronTotal.crossSection", "NuClosedForm.Chi2.devMinimum",
                "NuAnalyses.DuneSensitivity.polynomials", "NuAnalyses.ReachScan.reach",
            ],
            numerical: [
                "NuNumerical.NuElectronIntegrated.crossSection", "NuNumerical.Chi2Minimization.devMinimum",
                "NuAnalyses.DuneSensitivity.polynomials", "NuAnalyses.ReachScan.reach",
            ],
            shared: [
                (.data, "the DUNE ND ν and ν̄ fluxes (dune-nd-tdr2021) and Reference/dune.json"),
                (.response, "the flux table's bins: events as a histogram of bin centres"),
                (
                    .scan,
                    "DuneSensitivity.polynomials: the quadratic in g² of each path's events, the modes "
                        + "added or kept apart by the statistic; ReachScan.reaches: the sides' bounds "
                        + "(g² = −a/b) and the threshold crossings in ln g (GSL Brent, shared by both paths)"
                ),
            ]),
        // Both paths reach the same events to 1e-10; the root is refined to 1e-12 in ln g.
        agreement: { _ in .tolerance(relative: 1e-6, absolute: 0) })
}

/// The decoded inputs of a DUNE reach.
private struct DuneReachInputs {
    enum Measure { case g, side, combinedVsBest }
    let loaded: DuneContext.Loaded
    let model: VectorModel, mass: Double, mode: DuneSensitivity.Mode, dof: Int
    let statistic: DuneSensitivity.Statistic
    let measure: Measure
    /// The side of the reach (measure=side compares both and leaves it at `reach`).
    let side: DuneSensitivity.Side
}

extension InputValues {
    fileprivate func duneReachInputs() throws -> DuneReachInputs {
        let loaded = try DuneContext.load(context)
        let model = try vectorModel()
        let mass = try energy("mass")
        let mode = DuneSensitivity.Mode(rawValue: try choice("mode"))!
        let dof = Int(try choice("dof"))!
        // An input the evaluation does not use is refused: one mode has no statistic to choose.
        guard mode == .combined || !given.contains("statistic") else {
            throw InputError.conflicting("statistic is only used with mode=combined (got mode=\(mode.rawValue))")
        }
        let statistic =
            mode == .combined
            ? DuneSensitivity.Statistic(rawValue: try choice("statistic"))! : .summedEvents
        let measure: DuneReachInputs.Measure
        switch try choice("measure") {
        case "side":
            guard value("side") == nil || raw["side"] == "reach" else {
                throw InputError.conflicting("measure=side compares both sides; do not give side")
            }
            measure = .side
        case "combinedVsBest":
            guard mode == .combined else {
                throw InputError.conflicting("measure=combinedVsBest compares mode=combined with the single modes")
            }
            measure = .combinedVsBest
        default: measure = .g
        }
        return DuneReachInputs(
            loaded: loaded, model: model, mass: mass, mode: mode, dof: dof, statistic: statistic,
            measure: measure,
            side: measure == .side ? .reach : DuneSensitivity.Side(rawValue: try choice("side"))!)
    }
}

/// The reach in g; for measure=side −1 when it comes by a deficit and +1 by an excess; for
/// measure=combinedVsBest +1 when the combined reach is not below the better single mode's, −1
/// when it is.
private func duneReach(_ i: DuneReachInputs, _ path: Path) throws -> Double {
    let l = i.loaded
    func polynomials(_ mode: DuneSensitivity.Mode) throws -> [EventPolynomial] {
        try DuneSensitivity.polynomials(
            model: i.model, mass: i.mass, mode: mode, statistic: i.statistic, path: path, fluxes: l.fluxes,
            setup: l.setup, electrons: l.electrons, sw2: Constants.defaultSin2ThetaW)
    }
    func reach(_ polys: [EventPolynomial], _ side: DuneSensitivity.Side) throws -> Double? {
        try ReachScan.reach(polynomials: polys, normalisation: l.setup.sigma, side: side, dof: i.dof, path: path)
    }
    switch i.measure {
    case .side:
        let r = try ReachScan.reaches(
            polynomials: try polynomials(i.mode), normalisation: l.setup.sigma, dof: i.dof, path: path)
        if let d = r.deficit, r.excess.map({ d < $0 }) ?? true { return -1 }
        guard r.excess != nil else { throw PhysicsError.notApplicable("no reach below g = 1 at this mass") }
        return 1
    case .combinedVsBest:
        let nu = try polynomials(.nu)[0]
        let nubar = try polynomials(.nubar)[0]
        let single = [try reach([nu], i.side), try reach([nubar], i.side)].compactMap { $0 }.min()
        let combined = try reach(
            DuneSensitivity.combined(nu: nu, nubar: nubar, statistic: i.statistic), i.side)
        guard let combined else {
            guard single != nil else {
                throw PhysicsError.notApplicable("no \(i.side.rawValue) reach below g = 1 at this mass")
            }
            return 1
        }
        return single.map { combined >= $0 ? 1 : -1 } ?? -1
    case .g:
        guard let g = try reach(try polynomials(i.mode), i.side) else {
            throw PhysicsError.notApplicable("no \(i.side.rawValue) reach below g = 1 at this mass")
        }
        return g
    }
}
