import Foundation
import NuAnalyses
import NuCoherent
import NuPhysics

/// Models APV takes: the dark bosons (chiral couplings) and every vector-like U(1)' (no shift).
private let apvModelInput = InputSpec(
    "model", .choice(["darkZ"] + ModelRegistry.all.map(\.name) + ["GB(cB,ce,cmu,ctau)"]),
    "darkZ or darkHypercharge (002 Eqs. (7)-(8)), or a vector-like U(1)' (no parity-violating shift)")
private let momentumInput = InputSpec(
    "q", .energy,
    "momentum scale |q⃗| of the measurement (default: 002's, for ¹³³Cs, "
        + "Reference/002_abdullah_et_al.json#sec4C.apv_momentum_scale)")
private let sigmasInput = InputSpec(
    "sigmas", .number, default: "2", "standard deviations of the bound (002 draws 2σ)")

extension InputValues {
    /// The model, and s_W² where the model reads it (the dark bosons: charges and ε → g).
    fileprivate func apvModel() throws -> (model: VectorModel, sw2: Double) {
        let model = try vectorModel()
        let sw2 = DarkBoson(model) != nil ? try sin2ThetaW() : Constants.defaultSin2ThetaW
        return (model, sw2)
    }

    /// `q` if given, else the measurement's scale from `Reference/`.
    fileprivate func apvMomentum() throws -> Double {
        has("q") ? try energy("q") : try APVMeasurement.read(context).momentumScale
    }
}

extension QuantityRegistry {
    static let apvWeakChargeShift = Quantity(
        "apv.weakChargeShift",
        "shift ΔQ_W of a nucleus' weak charge by a Z' (002 Sec. IV.C): −(2√2/G_F) g² a_e (Z Q'_p + N Q'_n)/(M² + q²) "
            + "from the axial-electron × vector-quark contact term, normalised to the SM's G_F/√2 C_1q (derived, "
            + "closed) vs C_1u, C_1d extracted from the helicity amplitudes of e q → e q by a GSL LU solve, chiral "
            + "charges from quantum numbers (numerical); coupling eps (ε_Z, ε_B) for the dark bosons, g otherwise; "
            + "0 for a purely vector electron coupling",
        units: "dimensionless",
        inputs: [
            apvModelInput,
            InputSpec("eps", .number, "mixing ε_Z or ε_B (darkZ, darkHypercharge)"),
            InputSpec("g", .number, "gauge coupling g (vector-like U(1)' models)"),
            InputSpec("mass", .energy, "mediator mass M"), momentumInput,
            InputSpec(
                "nucleus", .choice(NuclearData.nuclei.map(\.name)), default: "Cs133",
                "nucleus (the default q is ¹³³Cs's)"),
            sin2ThetaWInput,
        ],
        decode: { v in
            let (model, sw2) = try v.apvModel()
            let (key, other) = DarkBoson(model) != nil ? ("eps", "g") : ("g", "eps")
            if v.given.contains(other) {
                throw InputError.conflicting(
                    "model=\(model.name) takes \(key), not \(other) (002 draws ε for the dark bosons)")
            }
            let coupling = try v.number(key)
            let nucleus = try v.singleNucleus()
            return (
                model: model, sw2: sw2, coupling: coupling, mass: try v.energy("mass"), q: try v.apvMomentum(),
                nucleus: nucleus
            )
        },
        closed: { i in
            try APVBound.shift(
                model: i.model, coupling: i.coupling, mass: i.mass, momentum: i.q, path: .closedForm,
                sin2ThetaW: i.sw2, nucleus: i.nucleus)
        },
        numerical: { i in
            try APVBound.shift(
                model: i.model, coupling: i.coupling, mass: i.mass, momentum: i.q, path: .numerical,
                sin2ThetaW: i.sw2, nucleus: i.nucleus)
        },
        ledger: Ledger(
            closed: ["NuClosedForm.APVWeakChargeShift.shift", "NuAnalyses.APVBound.shift"],
            numerical: [
                "NuNumerical.APVContactExtraction.weakChargeShift", "GSLKit.LinearSolve.solve",
                "NuNumerical.LoopMixingQuadrature.epsilon", "NuAnalyses.APVBound.shift",
            ],
            shared: [
                (
                    .physicsInputs,
                    "G_F (Constants); ε → g of DarkBoson (e = √(4πα(0)), s_W, c_W); the dark Z's s_W²; the tag "
                        + "DarkBoson that names the scenario (the closed path reads the model's vector charges, "
                        + "the numerical path builds chiral charges from StandardModelField)"
                ),
                (.nuclearData, "Z and N of NuclearData"),
                (.data, "q's default, Reference/002_abdullah_et_al.json#sec4C.apv_momentum_scale"),
                (.inputs, "APVBound.shift, which only converts the coupling and picks the path"),
            ]))

    static let apvBound = Quantity(
        "apv.bound",
        "002's atomic parity violation bound (Sec. IV.C, Figs. 2-3) at mass M: the coupling (ε for darkZ and "
            + "darkHypercharge, g otherwise) where |Q_W^SM + ΔQ_W − Q_W^exp| = sigmas·σ, Q_W^SM = −73.16(5), "
            + "Q_W^exp = −73.16(35), σ = √(0.05² + 0.35²) (Reference/002_abdullah_et_al.json): closed root of the "
            + "linear equation in c² vs GSL Brent on the numerical ΔQ_W; measure=exists 1 when the model has a "
            + "bound (0: no parity-violating shift, e.g. L_μ−L_τ); measure=plateauMass the mass where the bound "
            + "has risen √2 above its M → 0 plateau (bisection vs GSL Brent)",
        units: "epsilon or g (dimensionless); 1/0 for measure=exists; MeV for measure=plateauMass",
        inputs: [
            apvModelInput, InputSpec("mass", .energy, "mediator mass M (measure=coupling, exists)"),
            momentumInput, sigmasInput,
            InputSpec(
                "measure", .choice(["coupling", "exists", "plateauMass"]), default: "coupling",
                "coupling: the bound; exists: 1 if there is one, else 0; plateauMass: where the plateau ends"),
            sin2ThetaWInput,
        ],
        decode: { v in
            let (model, sw2) = try v.apvModel()
            let measure = try v.choice("measure")
            return (
                model: model, sw2: sw2, measure: measure,
                mass: measure == "plateauMass" ? 0 : try v.energy("mass"), q: try v.apvMomentum(),
                sigmas: try v.number("sigmas"), context: v.context
            )
        },
        closed: { i in try evaluateAPVBound(i, .closedForm) },
        numerical: { i in try evaluateAPVBound(i, .numerical) },
        ledger: Ledger(
            closed: [
                "NuAnalyses.APVBound.bound", "NuAnalyses.APVBound.plateauEnd", "NuClosedForm.APVWeakChargeShift.shift",
                "NuClosedForm.BracketingRoot.bisect",
            ],
            numerical: [
                "NuAnalyses.APVBound.bound", "NuAnalyses.APVBound.plateauEnd",
                "NuNumerical.APVContactExtraction.weakChargeShift", "GSLKit.RootFinding.brent",
            ],
            shared: [
                (
                    .data,
                    "Q_W^SM, Q_W^exp, their printed uncertainties and q (APVMeasurement, from "
                        + "Reference/002_abdullah_et_al.json)"
                ),
                (.physicsInputs, "G_F; ε → g of DarkBoson; Z and N of ¹³³Cs"),
                (
                    .solver,
                    "APVBound.bound and APVBound.plateauEnd dispatch to each path's own ΔQ_W and root "
                        + "(closed: exact root, bisection; numerical: GSL Brent)"
                ),
            ]))
}

private func evaluateAPVBound(
    _ i: (
        model: VectorModel, sw2: Double, measure: String, mass: Double, q: Double, sigmas: Double,
        context: CoherentContext
    ), _ path: Path
) throws -> Double {
    let none = "\(i.model.name) shifts no weak charge (its electron coupling is purely vector): no APV bound"
    switch i.measure {
    case "plateauMass":
        guard
            let m = try APVBound.plateauEnd(
                model: i.model, path: path, sigmas: i.sigmas, momentum: i.q, sin2ThetaW: i.sw2, context: i.context)
        else { throw PhysicsError.notApplicable(none) }
        return m
    default:
        let c = try APVBound.bound(
            model: i.model, mass: i.mass, path: path, sigmas: i.sigmas, momentum: i.q, sin2ThetaW: i.sw2,
            context: i.context)
        if i.measure == "exists" { return c == nil ? 0 : 1 }
        guard let c else { throw PhysicsError.notApplicable(none) }
        return c
    }
}
