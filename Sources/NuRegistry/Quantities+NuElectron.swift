import Foundation
import NuClosedForm
import NuNumerical
import NuPhysics

/// MeV⁻² → cm² at the output edge (Constants.squaredHbarCInMeV2Cm2 = (ħc)², CODATA 2018).
let cm2 = Constants.squaredHbarCInMeV2Cm2

private let flavorInput = InputSpec("flavor", .choice(Flavor.all.map(\.name)), "neutrino flavour")

/// The inputs of a ν-e point: flavour, E, T, s_W² and the mediator.
private func pointInputs(_ extra: [InputSpec] = []) -> [InputSpec] {
    [
        flavorInput,
        InputSpec("energy", .energy, "neutrino energy E"),
        InputSpec("recoil", .energy, "electron kinetic recoil energy T, 0 ≤ T ≤ 2E²/(m_e + 2E)"),
    ]
        + extra + [sin2ThetaWInput] + mediatorInputs
}

/// The closed forms of dσ/dT that apply at a point, in cm²/MeV (dev needs vector couplings).
private func nuElectronForms(_ point: NuElectronPoint) throws -> [String: Double] {
    var forms: [String: Double] = [
        "general": try NuElectronGeneral.differentialCrossSection(point) * cm2,
        "shift": try NuElectronShift.differentialCrossSection(point) * cm2,
    ]
    if point.mediator.isPurelyVector { forms["dev"] = try NuElectronDev.differentialCrossSection(point) * cm2 }
    return forms
}

extension InputValues {
    /// The ν-e point of `flavor`, `energy`, `recoil`, the mediator inputs and `sw2`.
    func nuElectronPoint() throws -> NuElectronPoint {
        try NuElectronPoint(
            flavor: try flavor(), energy: try energy("energy"), recoil: try energy("recoil"),
            mediator: try mediator(), sin2ThetaW: try sin2ThetaW())
    }
}

/// What the ν-e closed forms and the amplitude path share.
private let nuElectronShared: [(Ledger.Shared.Kind, String)] = [
    (.physicsInputs, "G_F, m_e, s²_W and the model's lepton charges (NuPhysics); the SM chiral couplings"),
    (.inputs, "the kinematic bound T ≤ T_max (NuPhysics.Kinematics) checked by NuElectronPoint"),
]

extension QuantityRegistry {
    static let nueDSigma = Quantity(
        "nue.dsigma",
        "ν-e differential cross section dσ/dT; three closed forms: dev (000 Eqs. (3)-(5)), general (000 Eqs. "
            + "(10)-(14)), shift (002 Eqs. (1),(3))",
        units: "cm^2/MeV",
        inputs: pointInputs([
            InputSpec(
                "form", .choice(["dev", "general", "shift"]),
                "closed form reported as closedForm (default: dev for vector couplings, "
                    + "general otherwise)")
        ]),
        decode: { v in (point: try v.nuElectronPoint(), form: v.has("form") ? try v.choice("form") : nil) },
        closed: { i in
            let forms = try nuElectronForms(i.point)
            guard let chosen = forms[i.form ?? (forms["dev"] != nil ? "dev" : "general")] else {
                throw PhysicsError.notApplicable(
                    "form=dev needs vector couplings (Dev et al. Eqs. (3)-(5)); use "
                        + "form=general or form=shift")
            }
            return chosen
        },
        numerical: nil,
        forms: { i in try nuElectronForms(i.point) },
        ledger: Ledger(
            closed: [
                "NuClosedForm.NuElectronDev.differentialCrossSection",
                "NuClosedForm.NuElectronGeneral.differentialCrossSection",
                "NuClosedForm.NuElectronShift.differentialCrossSection",
            ],
            numerical: [], shared: nuElectronShared))

    static let nueSigma = Quantity(
        "nue.sigma",
        "ν-e total cross section over [recoilMin, T_max(E)] (or recoilMax): closed-form logarithms vs GSL QAGS of the "
            + "amplitude-level dσ/dT",
        units: "cm^2",
        inputs: [
            flavorInput,
            InputSpec("energy", .energy, "neutrino energy E"),
            InputSpec("recoilMin", .energy, default: "0MeV", "lower end of the recoil window T_min"),
            InputSpec("recoilMax", .energy, "upper end of the recoil window (default T_max(E))"),
            sin2ThetaWInput,
        ] + mediatorInputs,
        decode: { v in
            (
                flavor: try v.flavor(), energy: try v.energy("energy"), recoilMin: try v.energy("recoilMin"),
                recoilMax: v.has("recoilMax") ? try v.energy("recoilMax") : nil, mediator: try v.mediator(),
                sw2: try v.sin2ThetaW()
            )
        },
        closed: { i in
            try NuElectronTotal.crossSection(
                i.flavor, energy: i.energy, recoilMin: i.recoilMin, recoilMax: i.recoilMax,
                mediator: i.mediator, sin2ThetaW: i.sw2) * cm2
        },
        numerical: { i in
            try NuElectronIntegrated.crossSection(
                i.flavor, energy: i.energy, recoilMin: i.recoilMin,
                recoilMax: i.recoilMax, mediator: i.mediator, sin2ThetaW: i.sw2) * cm2
        },
        ledger: Ledger(
            closed: ["NuClosedForm.NuElectronTotal.crossSection"],
            numerical: ["NuNumerical.NuElectronIntegrated.crossSection"], shared: nuElectronShared))

    static let nueInterference = Quantity(
        "nue.interference",
        "interference part of dσ/dT (000 Eq. (5)) vs the exact linear term of the amplitude path; its sign is the "
            + "rule of Eqs. (6)-(7)",
        units: "cm^2/MeV",
        inputs: pointInputs(),
        decode: { v in try v.nuElectronPoint() },
        closed: { p in try NuElectronDev.parts(p).interference * cm2 },
        numerical: { p in try NuElectronAmplitude.interference(p) * cm2 },
        ledger: Ledger(
            closed: ["NuClosedForm.NuElectronDev.parts"],
            numerical: ["NuNumerical.NuElectronAmplitude.interference"],
            shared: nuElectronShared))

    static let devCoefficient = Quantity(
        "dev.coefficient",
        "Dev et al. Table 1 coefficient c_index: derived from the chiral couplings (closed) and read off the "
            + "amplitude-level cross section (numerical)",
        units: "dimensionless",
        inputs: [
            flavorInput, InputSpec("index", .choice(["1", "2", "3", "4"]), "which coefficient"), sin2ThetaWInput,
        ],
        decode: { v in (flavor: try v.flavor(), index: Int(try v.choice("index"))!, sw2: try v.sin2ThetaW()) },
        closed: { i in DevTable1.coefficients(i.flavor, sin2ThetaW: i.sw2)[i.index]! },
        numerical: { i in try DevCoefficientExtraction.coefficients(i.flavor, sin2ThetaW: i.sw2)[i.index - 1] },
        ledger: Ledger(
            closed: ["NuClosedForm.DevTable1.coefficients"],
            numerical: ["NuNumerical.DevCoefficientExtraction.coefficients"],
            shared: [(.physicsInputs, "the SM chiral couplings of NuPhysics at the given s²_W")]),
        // Read off finite differences of O(1) couplings: ~1e-14 absolute (c₄ = 0 exactly for ν_μ, ν_τ).
        agreement: { _ in .tolerance(relative: 1e-8, absolute: 1e-12) })

    static let nueTMax = Quantity(
        "nue.tmax",
        "largest electron recoil T_max = 2E²/(m_e + 2E) (001): printed formula vs GSL root of cos θ_e = 1",
        units: "MeV",
        inputs: [InputSpec("energy", .energy, "neutrino energy E")],
        decode: { v in
            let energy = try v.energy("energy")
            try requirePositive(energy, "neutrino energy")
            return energy
        },
        closed: { e in Kinematics.maximumRecoil(energy: e, targetMass: Constants.electronMass) },
        numerical: { e in try KinematicRoots.maximumRecoil(energy: e) },
        ledger: Ledger(
            closed: ["NuPhysics.Kinematics.maximumRecoil"],
            numerical: ["NuNumerical.KinematicRoots.maximumRecoil"],
            shared: [(.physicsInputs, "m_e (NuPhysics.Constants)")]))

    static let tridentRatio = Quantity(
        "trident.ratio",
        "(g_V² + g_A²)_{CC+NC}/(g_V² + g_A²)_CC for ν_μ → ν_μ μ⁺μ⁻ (001): slide couplings vs couplings read off ν_e e "
            + "and ν_μ e scattering",
        units: "dimensionless",
        inputs: [sin2ThetaWInput],
        decode: { v in try v.sin2ThetaW() },
        closed: { sw2 in CouplingRatios.tridentRatio(sin2ThetaW: sw2) },
        numerical: { sw2 in try DevCoefficientExtraction.tridentRatio(sin2ThetaW: sw2) },
        ledger: Ledger(
            closed: ["NuClosedForm.CouplingRatios.tridentRatio"],
            numerical: ["NuNumerical.DevCoefficientExtraction.tridentRatio"],
            shared: [
                (
                    .physicsInputs,
                    "s²_W; the numerical path reads the couplings off ν-e cross sections "
                        + "built from NuPhysics' chiral couplings"
                )
            ]))
}
