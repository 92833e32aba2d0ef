import Foundation
import NuAnalyses
import NuPhysics

extension QuantityRegistry {
    static let jsns2Sensitivity = Quantity(
        "jsns2.sensitivity",
        "000 Fig. 2: JSNS² 90% C.L. reach in g at mass M (π-DAR from 3 GeV protons on Hg, 24 m, 17 t LAB, 5 MW·yr "
            + "= 1.9e23 protons at 000's 3.8e22 a year, T > 2.6 MeV, statistics only; the ν_e flux per proton "
            + "measured by JSNS², arXiv:2412.18509; Reference/jsns2.json); measure=events gives the expected ν-e "
            + "events at that g; measure=deficitExists 1 when a reach by a deficit exists below g = 1, else 0 "
            + "(000: 'JSNS2 does not show the sensitivity reaches by a deficit'). Closed-form σ by "
            + "Gauss-Legendre over the spectra vs QAGS of the QAGS σ",
        units: "dimensionless (g, or 1/0) or events",
        inputs: sensitivityReachInputs + [
            InputSpec(
                "measure", .choice(["g", "events", "deficitExists"]), default: "g",
                "g: the reach; events: ν-e events at coupling g; deficitExists: 1 when a deficit reach "
                    + "exists below g = 1, 0 when not"),
            InputSpec("g", .number, "coupling for measure=events (0: the SM)"),
        ],
        decode: { v in try v.jsns2Inputs() },
        closed: { i in try jsns2(i, .closedForm) },
        numerical: { i in try jsns2(i, .numerical) },
        ledger: Ledger(
            closed: [
                "NuClosedForm.NuElectronTotal.crossSection", "NuClosedForm.GaussLegendre.integrate",
                "NuClosedForm.Chi2.devMinimum", "NuAnalyses.JSNS2Sensitivity.reach",
                "NuAnalyses.ReachScan.reach",
            ],
            numerical: [
                "NuNumerical.NuElectronIntegrated.crossSection", "GSLKit.Quadrature.integrate",
                "NuNumerical.Chi2Minimization.devMinimum", "NuAnalyses.JSNS2Sensitivity.reach",
                "NuAnalyses.ReachScan.reach",
            ],
            shared: [
                (.data, "Reference/jsns2.json (flux per proton, protons a year, exposure, target) and N_A"),
                (.physicsInputs, "the π-DAR spectra of 004 Eqs. (2)-(3) (NuPhysics.PionDecayFlux)"),
                (
                    .scan,
                    "JSNS2Sensitivity.reach: the quadratic in g² of each path's events; ReachScan.reach: "
                        + "the sides' bounds (g² = −a/b) and the threshold crossing in ln g (GSL Brent, "
                        + "shared by both paths)"
                ),
            ]),
        agreement: { _ in .tolerance(relative: 1e-6, absolute: 0) })
}

/// The decoded inputs of a JSNS² reach or event count.
private struct JSNS2Inputs {
    enum Measure { case g, events(Double), deficitExists }
    let setup: JSNS2Sensitivity.Setup, model: VectorModel, mass: Double
    let measure: Measure
    let side: DuneSensitivity.Side, dof: Int
}

extension InputValues {
    fileprivate func jsns2Inputs() throws -> JSNS2Inputs {
        let setup = try JSNS2Sensitivity.setup(context)
        let model = try vectorModel()
        let mass = try energy("mass")
        switch try choice("measure") {
        case "events":
            return JSNS2Inputs(
                setup: setup, model: model, mass: mass, measure: .events(try number("g")), side: .reach, dof: 2)
        case "deficitExists":
            return JSNS2Inputs(
                setup: setup, model: model, mass: mass, measure: .deficitExists, side: .deficit,
                dof: Int(try choice("dof"))!)
        default:
            return JSNS2Inputs(
                setup: setup, model: model, mass: mass, measure: .g,
                side: DuneSensitivity.Side(rawValue: try choice("side"))!, dof: Int(try choice("dof"))!)
        }
    }
}

private func jsns2(_ i: JSNS2Inputs, _ path: Path) throws -> Double {
    let reach = {
        try JSNS2Sensitivity.reach(
            model: i.model, mass: i.mass, side: i.side, dof: i.dof, path: path, setup: i.setup)
    }
    switch i.measure {
    case .events(let g):
        return try JSNS2Sensitivity.events(
            g == 0 ? .none : try ZPrime(model: i.model, g: g, mass: i.mass), setup: i.setup, path: path)
    case .deficitExists:
        return try reach() == nil ? 0 : 1
    case .g:
        guard let g = try reach() else {
            throw PhysicsError.notApplicable("no \(i.side.rawValue) reach below g = 1 at this mass")
        }
        return g
    }
}
