import Foundation
import NuBeams
import NuCoherent
import NuPhysics
import NuAnalyses

/// The inputs of a reach: the model, the mass, the side and the threshold's parameters.
private let reachInputs = [
    InputSpec("model", .choice(ModelRegistry.nuElectronModels.map(\.name)), "vector model"), InputSpec("mass", .energy,
        "mediator mass M"),
    InputSpec("side", .choice(DuneSensitivity.Side.allCases.map(\.rawValue)), default: "reach",
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
        inputs: reachInputs + [InputSpec("mode", .choice(DuneSensitivity.Mode.allCases.map(\.rawValue)),
            default: "combined", "beam mode"),
                 InputSpec("measure", .choice(["g", "side"]), default: "g",
                     "g: the reach; side: −1 when the reach comes by a deficit (below the excess reach, or with "
                         + "none), +1 by an excess")],
        closed: { v in try v.duneReach(.closedForm) },
        numerical: { v in try v.duneReach(.numerical) },
        // Both paths reach the same events to 1e-10; the root is refined to 1e-12 in ln g.
        agreement: { _ in .tolerance(relative: 1e-6, absolute: 0) })
}


extension InputValues {
    func duneReach(_ path: NuCoherent.FoldingPath) throws -> Double {
        let (fluxes, setup, electrons) = try DuneContext.load()
        let model = try vectorModel(), mass = try energy("mass"), mode = DuneSensitivity.Mode(rawValue: try choice("mode"))!, dof = Int(try choice("dof"))!
        func reach(_ side: DuneSensitivity.Side) throws -> Double? {
            try DuneSensitivity.reach(model: model, mass: mass, mode: mode, side: side, dof: dof, path: path,
                fluxes: fluxes, setup: setup,
                                      electrons: electrons, sw2: Constants.defaultSin2ThetaW)
        }
        if try choice("measure") == "side" {
            guard value("side") == nil
                || raw["side"] == "reach" else { throw InputError.conflicting("measure=side compares both sides; do "
                + "not give side") }
            let deficit = try reach(.deficit), excess = try reach(.excess)
            if let d = deficit, excess.map({ d < $0 }) ?? true { return -1 }
            guard excess != nil else { throw PhysicsError.notApplicable("no reach below g = 1 at this mass") }
            return 1
        }
        let side = DuneSensitivity.Side(rawValue: try choice("side"))!
        guard let g = try reach(side) else { throw PhysicsError.notApplicable("no \(side.rawValue) reach below g = 1 "
            + "at this mass") }
        return g
    }
}

extension QuantityRegistry {
    static let jsns2Sensitivity = Quantity(
        "jsns2.sensitivity",
        "000 Fig. 2: JSNS² 90% C.L. reach in g at mass M (π-DAR from 3 GeV protons on Hg, 24 m, 17 t LAB, 5 MW·yr, T "
            + "> 2.6 MeV, statistics only; the ν_e flux per proton measured by JSNS², arXiv:2412.18509; "
            + "Reference/jsns2.json); measure=events gives the expected ν-e events at that g. Closed-form σ by "
            + "Gauss-Legendre over the spectra vs QAGS of the QAGS σ",
        units: "dimensionless (g) or events",
        inputs: reachInputs + [InputSpec("measure", .choice(["g", "events"]), default: "g",
            "g: the reach; events: ν-e events at coupling g"),
                 InputSpec("g", .number, "coupling for measure=events (0: the SM)")],
        closed: { v in try v.jsns2(.closedForm) },
        numerical: { v in try v.jsns2(.numerical) },
        agreement: { _ in .tolerance(relative: 1e-6, absolute: 0) })
}

extension InputValues {
    func jsns2(_ path: NuCoherent.FoldingPath) throws -> Double {
        let setup = try JSNS2Sensitivity.setup(), model = try vectorModel(), mass = try energy("mass")
        if try choice("measure") == "events" {
            let g = try number("g")
            return try JSNS2Sensitivity.events(g == 0 ? .none : try ZPrime(model: model, g: g, mass: mass),
                setup: setup, path: path)
        }
        let side = DuneSensitivity.Side(rawValue: try choice("side"))!
        guard let g = try JSNS2Sensitivity.reach(model: model, mass: mass, side: side, dof: Int(try choice("dof"))!,
            path: path, setup: setup) else {
            throw PhysicsError.notApplicable("no \(side.rawValue) reach below g = 1 at this mass")
        }
        return g
    }
}
