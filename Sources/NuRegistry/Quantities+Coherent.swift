import Foundation
import NuClosedForm
import NuCoherent
import NuNumerical
import NuPhysics

private let detectorInput = InputSpec("detector", .choice(["ar", "csi"]), "CENNS-10 argon (2020) or CsI[Na] (2021)")
/// The named set of analysis inputs (`Reference/coherent.json`): the release's numbers or 004's.
let analysisInputsInput = InputSpec("inputs", .choice(InputSet.allCases.map(\.rawValue)), default: "release",
                                    "analysis inputs: release (the files' own exposure numbers) or paper (004's "
                                        + "printed ones)")

extension InputValues {
    func inputSet() throws -> InputSet { InputSet(rawValue: try choice("inputs"))! }
}

extension InputValues {
    func signalModel() throws -> SignalModel {
        SignalModel(mediator: try cevnsMediator(), convention: try CoefficientConvention.parse(try text("convention")),
                    formFactor: try FormFactorModel.parse(try text("formFactor")), loop: try LoopMixingMode.parse(try text("loop")))
    }
}

extension QuantityRegistry {
    static let fluxFold = Quantity(
        "flux.fold",
        "π-DAR flux-averaged CEvNS dσ/dT at a recoil (004 Eqs. (1)-(4)) per neutrino of the component (flavor=all: "
            + "their sum), per Ar nucleus or CsI formula unit: closed-form energy integrals vs GSL quadrature over E",
        units: "cm^2/keV",
        inputs: [detectorInput, InputSpec("flavor", .choice(["nue", "numu", "numubar", "all"]), default: "all",
            "π-DAR component"),
                 InputSpec("recoil", .energy, "nuclear recoil T"), formFactorInput] + cevnsMediatorInputs,
        closed: { v in try v.folded(path: .closedForm) },
        numerical: { v in try v.folded(path: .numerical) },
        agreement: { FormFactorAgreement.at($0, nuclei: FormFactorAgreement.detectorNuclei($0)) })

    static let coherentEvents = Quantity(
        "coherent.events",
        "predicted CEvNS events in the analysis region (Ar: 0-120 keVee, -0.1-4.9 µs; CsI: 0-60 PE, 0-6 µs) from the "
            + "released response (004 Eq. (4)): closed-form flux folding vs quadrature folding; needs the COHERENT "
            + "data",
        units: "events",
        inputs: [detectorInput, analysisInputsInput, formFactorInput] + cevnsMediatorInputs,
        closed: { v in try v.coherentEvents(path: .closedForm) },
        numerical: { v in try v.coherentEvents(path: .numerical) })
}

extension InputValues {
    func folded(path: FoldingPath) throws -> Double {
        let recoil = try energy("recoil"), model = try signalModel()
        let nuclei = try text("detector") == "ar" ? [NuclearData.ar40] : [NuclearData.cs133, NuclearData.i127]
        let which = try text("flavor")
        let flavors = which == "all" ? PionDecayFlux.components : [try Flavor.parse(which)]
        var sum = 0.0
        for nucleus in nuclei {
            for flavor in flavors where recoil <= Kinematics.maximumRecoil(energy: PionDecayFlux.maximumEnergy,
                targetMass: nucleus.mass) {
                let p = try CEvNSPoint(nucleus: nucleus, flavor: flavor, energy: PionDecayFlux.maximumEnergy,
                    recoil: recoil, mediator: model.mediator,
                                       convention: model.convention, formFactor: model.formFactor, loop: model.loop)
                sum += try (path == .closedForm ? FluxFolding.averagedCrossSection(flavor,
                    p) : FluxFoldingQuadrature.averagedCrossSection(flavor, p))
            }
        }
        if sum == 0, !nuclei.contains(where: { recoil <= Kinematics.maximumRecoil(energy: PionDecayFlux.maximumEnergy,
            targetMass: $0.mass) }) {
            throw PhysicsError.unphysical("recoil \(recoil) MeV is above the π-DAR endpoint of every nucleus of the "
                + "detector")
        }
        return sum * cm2PerKeV
    }

    func coherentEvents(path: FoldingPath) throws -> Double {
        let model = try signalModel(), context = CoherentContext.shared, set = try inputSet()
        if try text("detector") == "ar" { return total(try context.argonPredictor(set).cevns(model, path: path)) }
        return total(try context.csiPredictor(set).cevns(model, path: path))
    }
}

/// The CsI BRN and NIN counts: by default those the release files give (18.4 and 5.6 before the
/// time efficiency); these override them.
let csiBackgroundInputs = [
    InputSpec("brnEvents", .number,
        "csi, combined: beam-related-neutron events in 0-60 PE, 0-6 µs before the time efficiency (default: the "
            + "release's 18.4)"),
    InputSpec("ninEvents", .number,
        "csi, combined: neutrino-induced-neutron events in 0-60 PE, 0-6 µs before the time efficiency (default: the "
            + "release's 5.6)"),
]

extension InputValues {
    /// Both CsI counts when given (one alone is an error), else nil: the release's.
    func csiCounts() throws -> CsINeutronCounts? {
        switch (has("brnEvents"), has("ninEvents")) {
        case (false, false): return nil
        case (true, true): return try CsINeutronCounts(brn: try number("brnEvents"), nin: try number("ninEvents"))
        default: throw PhysicsError.notApplicable("give both brnEvents and ninEvents (the CsI BRN and NIN counts), or "
            + "neither for the release's")
        }
    }

    /// The limit analysis of input `detector` with the chosen inputs; CsI counts are refused for
    /// argon, whose release carries its own.
    func limitAnalysis() throws -> LimitAnalysis {
        try CoherentContext.shared.limitAnalysis(try text("detector"), inputs: try inputSet(),
            csiCounts: try csiCounts())
    }

    /// The convention of a bound: `dof`, `deltaFrom`, `edge`.
    func limitConvention() throws -> LimitConvention {
        try LimitConvention(dof: Int(try choice("dof"))!,
            reference: LimitConvention.Reference(rawValue: try choice("deltaFrom"))!,
                            edge: AsymptoticLimit.Edge(rawValue: try choice("edge"))!)
    }
}

let limitConventionInputs = [
    InputSpec("dof", .choice(["1", "2"]), default: "2",
        "parameters of the 2σ (95.45% CL) threshold: 1 (Δχ² = 4) or 2 (Δχ² = 6.18, the (M, g) plane: 004's Table 2 "
            + "convention)"),
    InputSpec("deltaFrom", .choice(LimitConvention.Reference.allCases.map(\.rawValue)), default: "minimum",
              "Δχ² counted from the χ² minimum over the coupling or from the SM point"),
    InputSpec("edge", .choice(["first", "outer"]), default: "first",
              "first: upper edge of the allowed region holding the SM; outer: the largest coupling allowed, beyond a "
                  + "cancellation sliver and strip"),
]

extension QuantityRegistry {
    static let coherentLimit = Quantity(
        "coherent.limit",
        "004 Table 2 entry: 2σ bound on g (lowMass) or g/M in GeV⁻¹ (highMass) from the asymptotic one-parameter χ² "
            + "(x = g² or g²/M²); nuisances minimised by the closed path (Ar: normal equations; CsI: Newton) or the "
            + "GSL path (Ar: SVD linear least squares; CsI: BFGS); CsI BRN/NIN counts from the release unless "
            + "brnEvents/ninEvents are given; needs the COHERENT data",
        units: "dimensionless (lowMass) or GeV^-1 (highMass)",
        inputs: [InputSpec("detector", .choice(["ar", "csi", "combined"]), "data set"),
                 InputSpec("model", .choice(ModelRegistry.nuElectronModels.map(\.name) + ["scalar"]),
                     "model of 004 Table 2"),
                 InputSpec("regime", .choice(["lowMass", "highMass"]), "Table 2 column"), analysisInputsInput]
            + limitConventionInputs + csiBackgroundInputs,
        closed: { v in try v.tableTwoBound(.analytic) },
        numerical: { v in try v.tableTwoBound(.numerical) })
}

extension InputValues {
    func tableTwoBound(_ minimisation: LimitAnalysis.Minimisation) throws -> Double {
        let name = try text("model")
        let mediator: AsymptoticLimit.Mediator = name == "scalar" ? .scalar : .vector(try ModelRegistry.lookup(name))
        let regime = AsymptoticLimit.Regime(rawValue: try choice("regime"))!
        return try limitAnalysis().bound(mediator, regime: regime, convention: try limitConvention(),
            minimisation: minimisation)
    }
}

extension QuantityRegistry {
    static let coherentChi2 = Quantity(
        "coherent.chi2",
        "χ² of the COHERENT data for a model, minimised over the nuisances. ar: 004 Eqs. (7)-(9), nine nuisances, "
            + "normal equations (closed) vs GSL SVD weighted linear least squares, gsl_multifit_wlinear (numerical). "
            + "csi: 004 Eq. (6), Poisson, four nuisances, no closed form: Newton with analytic derivatives and "
            + "Hessian (closed) vs GSL BFGS on χ² and gradient (numerical). combined: the sum. CsI BRN/NIN counts "
            + "from the release unless brnEvents/ninEvents are given. Needs the COHERENT data",
        units: "dimensionless",
        inputs: [InputSpec("detector", .choice(["ar", "csi", "combined"]), default: "ar", "data set"),
            analysisInputsInput, formFactorInput]
            + csiBackgroundInputs + cevnsMediatorInputs,
        closed: { v in try v.coherentChi2(.analytic) },
        numerical: { v in try v.coherentChi2(.numerical) })
}

extension InputValues {
    func coherentChi2(_ minimisation: LimitAnalysis.Minimisation) throws -> Double {
        let analysis = try limitAnalysis()
        return try analysis.chi2(try analysis.predict(try signalModel()), minimisation)
    }
}

extension QuantityRegistry {
    static let snsFlux = Quantity(
        "sns.flux",
        "π-DAR neutrino flux at a COHERENT detector, all three flavours, time-averaged at a beam power P: 3 r "
            + "(P/E_p)/(4πL²) with 004's r and L (Sec. II) and the energy per proton E_p = exposure/POT of the "
            + "release (13.99 GWh / 3.198e23 = 0.984 GeV for CsI); a closed formula",
        units: "cm^-2 s^-1",
        inputs: [detectorInput, InputSpec("powerMW", .number,
            "SNS beam power in MW (not in the releases: e.g. 1.4, the design power)"), analysisInputsInput],
        closed: { v in
            let inputs = try CoherentContext.shared.inputs(try v.inputSet())
            let prefix = try v.choice("detector") == "ar" ? "ar" : "csi"
            let power = try v.number("powerMW")
            try requirePositive(power, "beam power", unit: "MW")
            let joulesPerProton = try inputs("\(prefix).exposure.gwh") * 3.6e12 / (try inputs("\(prefix).pot"))
            let protonsPerSecond = power * 1e6 / joulesPerProton
            let baselineCm = try inputs("\(prefix).baseline") * 100
            return 3 * (try inputs("\(prefix).nuPerFlavorPerPOT")) * protonsPerSecond / (4 * Double.pi * baselineCm
                * baselineCm)
        },
        numerical: nil)
}
