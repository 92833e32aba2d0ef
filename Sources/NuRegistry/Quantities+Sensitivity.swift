import Foundation
import NuAnalyses
import NuBeams
import NuCoherent
import NuPhysics

/// The inputs of a reach: the model, the mass, the side and the threshold's parameters.
private let reachInputs = [
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
            + "Eq. (8); Reference/dune.json) for nu, nubar or combined; side=excess/deficit restricts to N > N_SM or "
            + "N < N_SM (000's solid and dot-dashed contours); dof=1 (Δχ² = 2.71) or 2 (4.61). Closed-form σ and χ² "
            + "vs QAGS and the GSL minimum; reads the shipped DUNE ND fluxes (dune-nd-tdr2021)",
        units: "dimensionless",
        inputs: reachInputs + [
            InputSpec(
                "mode", .choice(DuneSensitivity.Mode.allCases.map(\.rawValue)),
                default: "combined", "beam mode"),
            InputSpec(
                "measure", .choice(["g", "side"]), default: "g",
                "g: the reach; side: −1 when the reach comes by a deficit (below the excess reach, or with "
                    + "none), +1 by an excess"),
        ],
        decode: { v in try v.duneReachInputs() },
        closed: { i in try duneReach(i, .closedForm) },
        numerical: { i in try duneReach(i, .numerical) },
        ledger: Ledger(
            closed: ["NuClosedForm.NuElectronTotal.crossSection", "NuAnalyses.DuneSensitivity.reach"],
            numerical: ["NuNumerical.NuElectronIntegrated.crossSection", "NuAnalyses.DuneSensitivity.reach"],
            shared: [
                (.data, "the DUNE ND ν and ν̄ fluxes (dune-nd-tdr2021) and Reference/dune.json"),
                (.response, "the flux table's bins: events as a histogram of bin centres"),
                (
                    .scan,
                    "DuneSensitivity.reach: the quadratic in g² of each path's events and the "
                        + "threshold crossing in ln g (GSL Brent, shared by both paths)"
                ),
            ]),
        // Both paths reach the same events to 1e-10; the root is refined to 1e-12 in ln g.
        agreement: { _ in .tolerance(relative: 1e-6, absolute: 0) })
}

/// The decoded inputs of a DUNE reach.
private struct DuneReachInputs {
    let loaded: DuneContext.Loaded
    let model: VectorModel, mass: Double, mode: DuneSensitivity.Mode, dof: Int
    /// nil: measure=side (which side comes first).
    let side: DuneSensitivity.Side?
}

extension InputValues {
    fileprivate func duneReachInputs() throws -> DuneReachInputs {
        let loaded = try DuneContext.load(context)
        let model = try vectorModel()
        let mass = try energy("mass")
        let mode = DuneSensitivity.Mode(rawValue: try choice("mode"))!
        let dof = Int(try choice("dof"))!
        if try choice("measure") == "side" {
            guard value("side") == nil || raw["side"] == "reach" else {
                throw InputError.conflicting("measure=side compares both sides; do not give side")
            }
            return DuneReachInputs(loaded: loaded, model: model, mass: mass, mode: mode, dof: dof, side: nil)
        }
        return DuneReachInputs(
            loaded: loaded, model: model, mass: mass, mode: mode, dof: dof,
            side: DuneSensitivity.Side(rawValue: try choice("side"))!)
    }
}

/// The reach in g, or for measure=side −1 when it comes by a deficit and +1 by an excess.
private func duneReach(_ i: DuneReachInputs, _ path: Path) throws -> Double {
    func reach(_ side: DuneSensitivity.Side) throws -> Double? {
        try DuneSensitivity.reach(
            model: i.model, mass: i.mass, mode: i.mode, side: side, dof: i.dof, path: path,
            fluxes: i.loaded.fluxes, setup: i.loaded.setup, electrons: i.loaded.electrons,
            sw2: Constants.defaultSin2ThetaW)
    }
    guard let side = i.side else {
        let deficit = try reach(.deficit)
        let excess = try reach(.excess)
        if let d = deficit, excess.map({ d < $0 }) ?? true { return -1 }
        guard excess != nil else { throw PhysicsError.notApplicable("no reach below g = 1 at this mass") }
        return 1
    }
    guard let g = try reach(side) else {
        throw PhysicsError.notApplicable("no \(side.rawValue) reach below g = 1 at this mass")
    }
    return g
}

extension QuantityRegistry {
    static let jsns2Sensitivity = Quantity(
        "jsns2.sensitivity",
        "000 Fig. 2: JSNS² 90% C.L. reach in g at mass M (π-DAR from 3 GeV protons on Hg, 24 m, 17 t LAB, 5 MW·yr, T "
            + "> 2.6 MeV, statistics only; the ν_e flux per proton measured by JSNS², arXiv:2412.18509; "
            + "Reference/jsns2.json); measure=events gives the expected ν-e events at that g. Closed-form σ by "
            + "Gauss-Legendre over the spectra vs QAGS of the QAGS σ",
        units: "dimensionless (g) or events",
        inputs: reachInputs + [
            InputSpec(
                "measure", .choice(["g", "events"]), default: "g",
                "g: the reach; events: ν-e events at coupling g"),
            InputSpec("g", .number, "coupling for measure=events (0: the SM)"),
        ],
        decode: { v in try v.jsns2Inputs() },
        closed: { i in try jsns2(i, .closedForm) },
        numerical: { i in try jsns2(i, .numerical) },
        ledger: Ledger(
            closed: [
                "NuClosedForm.NuElectronTotal.crossSection", "NuClosedForm.GaussLegendre.integrate",
                "NuAnalyses.JSNS2Sensitivity.reach",
            ],
            numerical: [
                "NuNumerical.NuElectronIntegrated.crossSection", "GSLKit.Quadrature.integrate",
                "NuAnalyses.JSNS2Sensitivity.reach",
            ],
            shared: [
                (.data, "Reference/jsns2.json (flux per proton, exposure, target) and N_A"),
                (.physicsInputs, "the π-DAR spectra of 004 Eqs. (2)-(3) (NuPhysics.PionDecayFlux)"),
                (
                    .scan,
                    "JSNS2Sensitivity.reach: the quadratic in g² of each path's events and the "
                        + "threshold crossing in ln g (DuneSensitivity's, GSL Brent, shared by both "
                        + "paths)"
                ),
            ]),
        agreement: { _ in .tolerance(relative: 1e-6, absolute: 0) })
}

/// The decoded inputs of a JSNS² reach or event count.
private struct JSNS2Inputs {
    let setup: JSNS2Sensitivity.Setup, model: VectorModel, mass: Double
    /// measure=events: the coupling (0: the SM); nil for the reach.
    let eventsAt: Double?
    let side: DuneSensitivity.Side, dof: Int
}

extension InputValues {
    fileprivate func jsns2Inputs() throws -> JSNS2Inputs {
        let setup = try JSNS2Sensitivity.setup(context)
        let model = try vectorModel()
        let mass = try energy("mass")
        if try choice("measure") == "events" {
            return JSNS2Inputs(setup: setup, model: model, mass: mass, eventsAt: try number("g"), side: .reach, dof: 2)
        }
        return JSNS2Inputs(
            setup: setup, model: model, mass: mass, eventsAt: nil,
            side: DuneSensitivity.Side(rawValue: try choice("side"))!, dof: Int(try choice("dof"))!)
    }
}

private func jsns2(_ i: JSNS2Inputs, _ path: Path) throws -> Double {
    if let g = i.eventsAt {
        return try JSNS2Sensitivity.events(
            g == 0 ? .none : try ZPrime(model: i.model, g: g, mass: i.mass),
            setup: i.setup, path: path)
    }
    guard
        let g = try JSNS2Sensitivity.reach(
            model: i.model, mass: i.mass, side: i.side, dof: i.dof, path: path,
            setup: i.setup)
    else {
        throw PhysicsError.notApplicable("no \(i.side.rawValue) reach below g = 1 at this mass")
    }
    return g
}
