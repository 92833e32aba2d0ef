import Foundation
import NuClosedForm
import NuNumerical
import NuPhysics

/// MeV⁻² → cm² at the output edge (Constants.squaredHbarCInMeV2Cm2 = (ħc)², CODATA 2018).
let cm2 = Constants.squaredHbarCInMeV2Cm2

private let flavorInput = InputSpec("flavor", .choice(Flavor.all.map(\.name)), "neutrino flavour")

/// The inputs of a ν-e point: flavour, E, T, s_W² and the mediator.
private func pointInputs(_ extra: [InputSpec] = []) -> [InputSpec] {
    [flavorInput,
     InputSpec("energy", .energy, "neutrino energy E"),
     InputSpec("recoil", .energy, "electron kinetic recoil energy T, 0 ≤ T ≤ 2E²/(m_e + 2E)")]
        + extra + [sin2ThetaWInput] + mediatorInputs
}

extension InputValues {
    /// The ν-e point of `flavor`, `energy`, `recoil`, the mediator inputs and `sw2`.
    func nuElectronPoint() throws -> NuElectronPoint {
        try NuElectronPoint(flavor: try flavor(), energy: try energy("energy"), recoil: try energy("recoil"),
                            mediator: try mediator(), sin2ThetaW: try sin2ThetaW())
    }

    /// All closed forms of dσ/dT that apply at this point, in cm²/MeV.
    func nuElectronForms() throws -> [String: Double] {
        let point = try nuElectronPoint()
        var forms: [String: Double] = [
            "general": try NuElectronGeneral.differentialCrossSection(point) * cm2,
            "shift": try NuElectronShift.differentialCrossSection(point) * cm2,
        ]
        if point.mediator.isPurelyVector { forms["dev"] = try NuElectronDev.differentialCrossSection(point) * cm2 }
        return forms
    }
}

extension QuantityRegistry {
    static let nueDSigma = Quantity(
        "nue.dsigma",
        "ν-e differential cross section dσ/dT; three closed forms: dev (000 Eqs. (3)-(5)), general (000 Eqs. "
            + "(10)-(14)), shift (002 Eqs. (1),(3))",
        units: "cm^2/MeV",
        inputs: pointInputs([InputSpec("form", .choice(["dev", "general", "shift"]),
                                       "closed form reported as closedForm (default: dev for vector couplings, "
                                           + "general otherwise)")]),
        closed: { v in
            let forms = try v.nuElectronForms()
            let form = v.has("form") ? try v.choice("form") : (forms["dev"] != nil ? "dev" : "general")
            guard let chosen = forms[form] else {
                throw PhysicsError.notApplicable("form=dev needs vector couplings (Dev et al. Eqs. (3)-(5)); use "
                    + "form=general or form=shift")
            }
            return chosen
        },
        numerical: nil,
        forms: { v in try v.nuElectronForms() })

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
        closed: { v in
            try NuElectronTotal.crossSection(try v.flavor(), energy: try v.energy("energy"),
                recoilMin: try v.energy("recoilMin"),
                                             recoilMax: v.has("recoilMax") ? try v.energy("recoilMax") : nil,
                                             mediator: try v.mediator(), sin2ThetaW: try v.sin2ThetaW()) * cm2
        },
        numerical: { v in
            try NuElectronIntegrated.crossSection(try v.flavor(), energy: try v.energy("energy"),
                recoilMin: try v.energy("recoilMin"),
                                                  recoilMax: v.has("recoilMax") ? try v.energy("recoilMax") : nil,
                                                  mediator: try v.mediator(), sin2ThetaW: try v.sin2ThetaW()) * cm2
        })

    static let nueInterference = Quantity(
        "nue.interference",
        "interference part of dσ/dT (000 Eq. (5)) vs the exact linear term of the amplitude path; its sign is the "
            + "rule of Eqs. (6)-(7)",
        units: "cm^2/MeV",
        inputs: pointInputs(),
        closed: { v in try NuElectronDev.parts(try v.nuElectronPoint()).interference * cm2 },
        numerical: { v in try NuElectronAmplitude.interference(try v.nuElectronPoint()) * cm2 })

    static let devCoefficient = Quantity(
        "dev.coefficient",
        "Dev et al. Table 1 coefficient c_index: derived from the chiral couplings (closed) and read off the "
            + "amplitude-level cross section (numerical)",
        units: "dimensionless",
        inputs: [flavorInput, InputSpec("index", .choice(["1", "2", "3", "4"]), "which coefficient"), sin2ThetaWInput],
        closed: { v in DevTable1.coefficients(try v.flavor(),
            sin2ThetaW: try v.sin2ThetaW())[Int(try v.choice("index"))!]! },
        numerical: { v in try DevCoefficientExtraction.coefficients(try v.flavor(),
            sin2ThetaW: try v.sin2ThetaW())[Int(try v.choice("index"))! - 1] },
        // Read off finite differences of O(1) couplings: ~1e-14 absolute (c₄ = 0 exactly for ν_μ, ν_τ).
        agreement: { _ in .tolerance(relative: 1e-8, absolute: 1e-12) })

    static let nueTMax = Quantity(
        "nue.tmax",
        "largest electron recoil T_max = 2E²/(m_e + 2E) (001): printed formula vs GSL root of cos θ_e = 1",
        units: "MeV",
        inputs: [InputSpec("energy", .energy, "neutrino energy E")],
        closed: { v in
            let energy = try v.energy("energy")
            try requirePositive(energy, "neutrino energy")
            return Kinematics.maximumRecoil(energy: energy, targetMass: Constants.electronMass)
        },
        numerical: { v in try KinematicRoots.maximumRecoil(energy: try v.energy("energy")) })

    static let tridentRatio = Quantity(
        "trident.ratio",
        "(g_V² + g_A²)_{CC+NC}/(g_V² + g_A²)_CC for ν_μ → ν_μ μ⁺μ⁻ (001): slide couplings vs couplings read off ν_e e "
            + "and ν_μ e scattering",
        units: "dimensionless",
        inputs: [sin2ThetaWInput],
        closed: { v in CouplingRatios.tridentRatio(sin2ThetaW: try v.sin2ThetaW()) },
        numerical: { v in try DevCoefficientExtraction.tridentRatio(sin2ThetaW: try v.sin2ThetaW()) })
}
