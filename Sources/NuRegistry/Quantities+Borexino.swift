import Foundation
import NuAnalyses
import NuCoherent
import NuPhysics

/// The inputs of a Borexino evaluation beyond the model: overrides of `Reference/borexino.json` and s_W².
private let borexinoSetupInputs = [
    InputSpec(
        "recoilMin", .energy,
        "lower end of the electron recoil window (default: Borexino Phase-II's fit window, "
            + "Reference/borexino.json#fitWindow.lower)"),
    InputSpec("pee", .number, "ν_e survival probability at the ⁷Be line (default: Reference/borexino.json#pee.be7)"),
    InputSpec(
        "sin2Theta23", .number,
        "sin²θ₂₃, splits 1 − P_ee into ν_μ and ν_τ (default: Reference/borexino.json#sin2Theta23)"),
    sin2ThetaWInput,
]
private let borexinoModelInput = InputSpec(
    "model", .choice(ModelRegistry.nuElectronModels.map(\.name) + ["GB(cB,ce,cmu,ctau)"]),
    "U(1)' model with vector-like lepton couplings (L_μ−L_τ through its loop-induced electron coupling)")

extension InputValues {
    /// The setup of `Reference/` with the given overrides.
    fileprivate func borexinoSetup() throws -> BorexinoSetup {
        try BorexinoSetup.read(context).with(
            recoilMin: has("recoilMin") ? try energy("recoilMin") : nil,
            survivalProbability: has("pee") ? try number("pee") : nil,
            sin2Theta23: has("sin2Theta23") ? try number("sin2Theta23") : nil)
    }
}

/// What both Borexino quantities share.
private let borexinoShared: [(Ledger.Shared.Kind, String)] = [
    (
        .data,
        "BorexinoSetup: the 0.861 MeV line and 2.7% (Reference/002_abdullah_et_al.json), P_ee, the fit "
            + "window's lower end and sin²θ₂₃ (Reference/borexino.json); the flavour weights built from them"
    ),
    (.physicsInputs, "G_F, m_e, s²_W and the model's lepton charges; the SM chiral couplings"),
    (.inputs, "BorexinoBound.rate, which sums each path's own σ over the flavours"),
]

extension QuantityRegistry {
    static let borexinoRate = Quantity(
        "borexino.rate",
        "002 Sec. IV.B: Borexino's ⁷Be ν-e rate with a Z' over the SM's, R/R_SM, R = Σ_α w_α σ_α(0.861 MeV) over "
            + "[recoilMin, T_max], w = (P_ee, (1 − P_ee)cos²θ₂₃, (1 − P_ee)sin²θ₂₃) for ν_e, ν_μ, ν_τ "
            + "(Reference/borexino.json): closed-form σ vs GSL QAGS of the amplitude-level dσ/dT",
        units: "dimensionless (rate over the SM rate)",
        inputs: [
            borexinoModelInput, InputSpec("g", .number, "gauge coupling g"),
            InputSpec("mass", .energy, "mediator mass M"),
        ] + borexinoSetupInputs,
        decode: { v in
            (
                model: try v.vectorModel(), g: try v.number("g"), mass: try v.energy("mass"),
                setup: try v.borexinoSetup(), sw2: try v.sin2ThetaW()
            )
        },
        closed: { i in
            try BorexinoBound.rateRatio(
                model: i.model, g: i.g, mass: i.mass, setup: i.setup, path: .closedForm, sin2ThetaW: i.sw2)
        },
        numerical: { i in
            try BorexinoBound.rateRatio(
                model: i.model, g: i.g, mass: i.mass, setup: i.setup, path: .numerical, sin2ThetaW: i.sw2)
        },
        ledger: Ledger(
            closed: ["NuClosedForm.NuElectronTotal.crossSection", "NuAnalyses.BorexinoBound.rate"],
            numerical: ["NuNumerical.NuElectronIntegrated.crossSection", "NuAnalyses.BorexinoBound.rate"],
            shared: borexinoShared))

    static let borexinoBound = Quantity(
        "borexino.bound",
        "002 Sec. IV.B, Fig. 4: the coupling g at mass M where Borexino's ⁷Be rate leaves the SM's by sigmas × "
            + "2.7% (default 2σ, as 002 draws its bounds): closed path, the smallest root of the exact quadratic "
            + "in g² (a, b read off the closed-form rate) vs a 1/20-decade scan of the QAGS rate refined by GSL "
            + "Brent; measure=exists 1 when a bound exists below g = 1, else 0",
        units: "dimensionless (g; 1/0 for measure=exists)",
        inputs: [
            borexinoModelInput, InputSpec("mass", .energy, "mediator mass M"),
            InputSpec("sigmas", .number, default: "2", "standard deviations of the rate's 2.7% (002 draws 2σ)"),
            InputSpec(
                "measure", .choice(["g", "exists"]), default: "g",
                "g: the bound; exists: 1 if there is one below g = 1, else 0"),
        ] + borexinoSetupInputs,
        decode: { v in
            (
                model: try v.vectorModel(), mass: try v.energy("mass"), sigmas: try v.number("sigmas"),
                exists: try v.choice("measure") == "exists", setup: try v.borexinoSetup(), sw2: try v.sin2ThetaW()
            )
        },
        closed: { i in try borexino(i, .closedForm) },
        numerical: { i in try borexino(i, .numerical) },
        ledger: Ledger(
            closed: [
                "NuClosedForm.NuElectronTotal.crossSection", "NuAnalyses.BorexinoBound.rate",
                "NuAnalyses.BorexinoBound.closedRoot",
            ],
            numerical: [
                "NuNumerical.NuElectronIntegrated.crossSection", "NuAnalyses.BorexinoBound.rate",
                "NuAnalyses.BorexinoBound.scannedRoot", "GSLKit.RootFinding.brent",
            ],
            shared: borexinoShared),
        agreement: { _ in .tolerance(relative: 1e-7, absolute: 0) })
}

private func borexino(
    _ i: (model: VectorModel, mass: Double, sigmas: Double, exists: Bool, setup: BorexinoSetup, sw2: Double),
    _ path: Path
) throws -> Double {
    let g = try BorexinoBound.bound(
        model: i.model, mass: i.mass, path: path, sigmas: i.sigmas, setup: i.setup, sin2ThetaW: i.sw2)
    if i.exists { return g == nil ? 0 : 1 }
    guard let g else {
        throw PhysicsError.notApplicable(
            "\(i.model.name) moves Borexino's ⁷Be rate by less than \(i.sigmas) × \(i.setup.rateUncertainty) "
                + "for every g ≤ 1 (no electron coupling, tree-level or loop)")
    }
    return g
}
