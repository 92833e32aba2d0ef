import Foundation
import NuClosedForm
import NuCoherent
import NuNumerical
import NuPhysics

private let detectorInput = InputSpec("detector", .choice(["ar", "csi"]), "CENNS-10 argon (2020) or CsI[Na] (2021)")
/// The named set of analysis inputs (`Reference/coherent.json`): the release's numbers or 004's.
let analysisInputsInput = InputSpec(
    "inputs", .choice(InputSet.allCases.map(\.rawValue)), default: "release",
    "analysis inputs: release (the files' own exposure numbers) or paper (004's "
        + "printed ones)")

extension InputValues {
    /// The analysis input set. 004 prints numbers of its own only for argon (its exposure, mass and
    /// molar mass), so `inputs=paper` with detector=csi would change nothing: refused, not ignored.
    func inputSet() throws -> InputSet {
        let set = InputSet(rawValue: try choice("inputs"))!
        if set == .paper, has("detector"), try choice("detector") == "csi" {
            throw InputError.conflicting(
                "inputs=paper replaces only argon numbers (004 prints no CsI exposure of "
                    + "its own): it changes nothing for detector=csi")
        }
        return set
    }
}

extension InputValues {
    func signalModel() throws -> SignalModel {
        SignalModel(
            mediator: try cevnsMediator(), convention: try CoefficientConvention.parse(try text("convention")),
            formFactor: try FormFactorModel.parse(try text("formFactor")),
            loop: try LoopMixingMode.parse(try text("loop")))
    }
}

extension QuantityRegistry {
    static let fluxFold = Quantity(
        "flux.fold",
        "π-DAR flux-averaged CEvNS dσ/dT at a recoil (004 Eqs. (1)-(4)) per neutrino of the component (flavor=all: "
            + "their sum), per Ar nucleus or CsI formula unit: closed-form energy integrals vs GSL quadrature over E",
        units: "cm^2/keV",
        inputs: [
            detectorInput,
            InputSpec(
                "flavor", .choice(["nue", "numu", "numubar", "all"]), default: "all",
                "π-DAR component"),
            InputSpec("recoil", .energy, "nuclear recoil T"), formFactorInput,
        ] + cevnsMediatorInputs,
        decode: { v in try v.foldInputs() },
        closed: { i in try folded(i, .closedForm) },
        numerical: { i in try folded(i, .numerical) },
        ledger: Ledger(
            closed: ["NuClosedForm.FluxFolding.averagedCrossSection"],
            numerical: ["NuNumerical.FluxFoldingQuadrature.averagedCrossSection"],
            shared: [
                (
                    .physicsInputs,
                    "the π-DAR spectra of 004 Eqs. (2)-(3) (NuPhysics.PionDecayFlux), "
                        + "G_F, the model's charges"
                ),
                (.nuclearData, "Ar40, Cs133, I127 masses and radii (NuPhysics.NuclearData)"),
            ]),
        agreement: { FormFactorAgreement.at($0, nuclei: FormFactorAgreement.detectorNuclei($0)) })

    static let coherentEvents = Quantity(
        "coherent.events",
        "predicted CEvNS events in the analysis region (Ar: 0-120 keVee, -0.1-4.9 µs; CsI: 0-60 PE, 0-6 µs) from the "
            + "released response (004 Eq. (4)): closed-form flux folding vs quadrature folding; needs the COHERENT "
            + "data",
        units: "events",
        inputs: [detectorInput, analysisInputsInput, formFactorInput] + cevnsMediatorInputs,
        decode: { v in
            (
                model: try v.signalModel(), argon: try v.text("detector") == "ar", set: try v.inputSet(),
                context: v.context
            )
        },
        closed: { i in try predictedEvents(i, .closedForm) },
        numerical: { i in try predictedEvents(i, .numerical) },
        ledger: Ledger(
            closed: ["NuClosedForm.FluxFolding.averagedCrossSection", "NuCoherent.FoldedResponse.predict"],
            numerical: [
                "NuNumerical.FluxFoldingQuadrature.averagedCrossSection",
                "NuCoherent.FoldedResponse.predict",
            ],
            shared: [
                (.data, "the COHERENT release of the detector and Reference/coherent.json"),
                (
                    .response,
                    "the released detector response (efficiency, quenching, resolution, "
                        + "timing) folded once per analysis (NuCoherent.FoldedResponse)"
                ),
            ]))
}

/// The decoded inputs of flux.fold.
private struct FoldInputs {
    let recoil: Double, model: SignalModel, nuclei: [Nucleus], flavors: [Flavor]
}

extension InputValues {
    fileprivate func foldInputs() throws -> FoldInputs {
        let recoil = try energy("recoil")
        let model = try signalModel()
        let nuclei = try text("detector") == "ar" ? [NuclearData.ar40] : [NuclearData.cs133, NuclearData.i127]
        let which = try text("flavor")
        let flavors = which == "all" ? PionDecayFlux.components : [try Flavor.parse(which)]
        guard
            nuclei.contains(where: {
                recoil <= Kinematics.maximumRecoil(energy: PionDecayFlux.maximumEnergy, targetMass: $0.mass)
            })
        else {
            throw PhysicsError.unphysical(
                "recoil \(recoil) MeV is above the π-DAR endpoint of every nucleus of the "
                    + "detector")
        }
        return FoldInputs(recoil: recoil, model: model, nuclei: nuclei, flavors: flavors)
    }
}

/// Σ over the detector's nuclei (and flavours) of the flux-averaged dσ/dT, in cm²/keV.
private func folded(_ i: FoldInputs, _ path: Path) throws -> Double {
    var sum = 0.0
    for nucleus in i.nuclei {
        for flavor in i.flavors
        where i.recoil <= Kinematics.maximumRecoil(energy: PionDecayFlux.maximumEnergy, targetMass: nucleus.mass) {
            let p = try CEvNSPoint(
                nucleus: nucleus, flavor: flavor, energy: PionDecayFlux.maximumEnergy,
                recoil: i.recoil, mediator: i.model.mediator, convention: i.model.convention,
                formFactor: i.model.formFactor, loop: i.model.loop)
            sum +=
                try path == .closedForm
                ? FluxFolding.averagedCrossSection(flavor, p)
                : FluxFoldingQuadrature.averagedCrossSection(flavor, p)
        }
    }
    return sum * cm2PerKeV
}

private func predictedEvents(
    _ i: (model: SignalModel, argon: Bool, set: InputSet, context: CoherentContext),
    _ path: Path
) throws -> Double {
    if i.argon { return total(try i.context.argonPredictor(i.set).cevns(i.model, path: path)) }
    return total(try i.context.csiPredictor(i.set).cevns(i.model, path: path))
}

/// The CsI BRN and NIN counts: by default those the release files give (18.4 and 5.6 before the
/// time efficiency); these override them.
let csiBackgroundInputs = [
    InputSpec(
        "brnEvents", .number,
        "csi, combined: beam-related-neutron events in 0-60 PE, 0-6 µs before the time efficiency (default: the "
            + "release's 18.4)"),
    InputSpec(
        "ninEvents", .number,
        "csi, combined: neutrino-induced-neutron events in 0-60 PE, 0-6 µs before the time efficiency (default: the "
            + "release's 5.6)"),
]

extension InputValues {
    /// Both CsI counts when given (one alone is an error), else nil: the release's.
    func csiCounts() throws -> CsINeutronCounts? {
        switch (has("brnEvents"), has("ninEvents")) {
        case (false, false): return nil
        case (true, true): return try CsINeutronCounts(brn: try number("brnEvents"), nin: try number("ninEvents"))
        default:
            throw PhysicsError.notApplicable(
                "give both brnEvents and ninEvents (the CsI BRN and NIN counts), or "
                    + "neither for the release's")
        }
    }

    /// The limit analysis of input `detector` with the chosen inputs; CsI counts are refused for
    /// argon, whose release carries its own.
    func limitAnalysis() throws -> LimitAnalysis {
        try context.limitAnalysis(
            try text("detector"), inputs: try inputSet(),
            csiCounts: try csiCounts())
    }

    /// The convention of a bound: `dof`, `deltaFrom`, `edge`.
    func limitConvention() throws -> LimitConvention {
        try LimitConvention(
            dof: Int(try choice("dof"))!,
            reference: LimitConvention.Reference(rawValue: try choice("deltaFrom"))!,
            edge: AsymptoticLimit.Edge(rawValue: try choice("edge"))!)
    }
}

let limitConventionInputs = [
    InputSpec(
        "dof", .choice(["1", "2"]), default: "2",
        "parameters of the 2σ (95.45% CL) threshold: 1 (Δχ² = 4) or 2 (Δχ² = 6.18, the (M, g) plane: 004's Table 2 "
            + "convention)"),
    InputSpec(
        "deltaFrom", .choice(LimitConvention.Reference.allCases.map(\.rawValue)), default: "minimum",
        "Δχ² counted from the χ² minimum over the coupling or from the SM point"),
    InputSpec(
        "edge", .choice(["first", "outer"]), default: "first",
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
        inputs: [
            InputSpec("detector", .choice(["ar", "csi", "combined"]), "data set"),
            InputSpec(
                "model", .choice(ModelRegistry.nuElectronModels.map(\.name) + ["scalar"]),
                "model of 004 Table 2"),
            InputSpec("regime", .choice(["lowMass", "highMass"]), "Table 2 column"), analysisInputsInput,
        ]
            + limitConventionInputs + csiBackgroundInputs,
        decode: { v in try v.tableTwoInputs() },
        closed: { i in
            try i.analysis.bound(
                i.mediator, regime: i.regime, convention: i.convention,
                minimisation: .closedForm)
        },
        numerical: { i in
            try i.analysis.bound(
                i.mediator, regime: i.regime, convention: i.convention,
                minimisation: .numerical)
        },
        ledger: boundScanLedger(over: "x = g² or g²/M²"))
}

extension QuantityRegistry {
    static let coherentBound = Quantity(
        "coherent.bound",
        "the 2σ bound on g at mass M (the curve of `nucheck limits` at one point: the edge the convention names of "
            + "the allowed region, from the quadratic in the Z' strength at that mass); the same minimisers as "
            + "coherent.limit; needs the COHERENT data",
        units: "dimensionless",
        inputs: [
            InputSpec("detector", .choice(["ar", "csi", "combined"]), "data set"),
            InputSpec(
                "model", .choice(ModelRegistry.nuElectronModels.map(\.name) + ["scalar"]),
                "model of 004 Table 2"),
            InputSpec("mass", .energy, "mediator mass M"), analysisInputsInput,
        ]
            + limitConventionInputs + csiBackgroundInputs,
        decode: { v in try v.boundInputs() },
        closed: { i in try i.analysis.curve(i.mediator, masses: [i.mass], convention: i.convention)[0].g },
        numerical: { i in
            try i.analysis.curve(i.mediator, masses: [i.mass], convention: i.convention, minimisation: .numerical)[0]
                .g
        },
        ledger: boundScanLedger(over: "x = g² at the mass"))
}

/// The ledger of a bound from the COHERENT χ²: each path's minimiser over the nuisances, the scan
/// over `over` shared.
private func boundScanLedger(over: String) -> Ledger {
    Ledger(
        closed: ["NuCoherent.ArgonChi2.minimumAnalytic", "NuCoherent.CsIChi2.minimumNewton"],
        numerical: ["NuCoherent.ArgonChi2.minimumNumerical", "NuCoherent.CsIChi2.minimumNumerical"],
        shared: coherentAnalysisShared + [
            (
                .scan,
                "the χ² scan over \(over) (NuCoherent.AsymptoticLimit: 0.1-decade grid, golden-section "
                    + "minima, GSL Brent crossings) through which both minimisers' χ² go"
            )
        ])
}

/// What every COHERENT χ² quantity's two minimisers share.
private let coherentAnalysisShared: [(Ledger.Shared.Kind, String)] = [
    (.data, "the COHERENT releases (CENNS-10 Ar 2020, CsI 2021) and Reference/coherent.json"),
    (
        .response,
        "the folded detector response and the CEvNS prediction (closed-form flux folding), quadratic in the "
            + "Z' strength per bin"
    ),
    (.physicsInputs, "004 Eqs. (6)-(9): the χ² definitions, priors and the model's charges"),
]

extension InputValues {
    fileprivate func boundInputs() throws -> (
        analysis: LimitAnalysis, mediator: AsymptoticLimit.Mediator, mass: Double, convention: LimitConvention
    ) {
        (try limitAnalysis(), try tableTwoMediator(), try energy("mass"), try limitConvention())
    }

    fileprivate func tableTwoInputs() throws -> (
        analysis: LimitAnalysis, mediator: AsymptoticLimit.Mediator,
        regime: AsymptoticLimit.Regime, convention: LimitConvention
    ) {
        let regime = AsymptoticLimit.Regime(rawValue: try choice("regime"))!
        return (try limitAnalysis(), try tableTwoMediator(), regime, try limitConvention())
    }

    /// A model of 004 Table 2, or the scalar.
    fileprivate func tableTwoMediator() throws -> AsymptoticLimit.Mediator {
        let name = try text("model")
        return name == "scalar" ? .scalar : .vector(try ModelRegistry.lookup(name))
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
        inputs: [
            InputSpec("detector", .choice(["ar", "csi", "combined"]), default: "ar", "data set"),
            analysisInputsInput, formFactorInput,
        ]
            + csiBackgroundInputs + cevnsMediatorInputs,
        decode: { v in
            let analysis = try v.limitAnalysis()
            return (analysis: analysis, prediction: try analysis.predict(try v.signalModel()))
        },
        closed: { i in try i.analysis.chi2(i.prediction, .closedForm) },
        numerical: { i in try i.analysis.chi2(i.prediction, .numerical) },
        ledger: Ledger(
            closed: ["NuCoherent.ArgonChi2.minimumAnalytic", "NuCoherent.CsIChi2.minimumNewton"],
            numerical: ["NuCoherent.ArgonChi2.minimumNumerical", "NuCoherent.CsIChi2.minimumNumerical"],
            shared: coherentAnalysisShared))
}

extension QuantityRegistry {
    static let snsFlux = Quantity(
        "sns.flux",
        "π-DAR neutrino flux at a COHERENT detector, all three flavours, time-averaged at a beam power P: 3 r "
            + "(P/E_p)/(4πL²) with 004's r and L (Sec. II) and the energy per proton E_p = exposure/POT of the "
            + "release (13.99 GWh / 3.198e23 = 0.984 GeV for CsI); a closed formula",
        units: "cm^-2 s^-1",
        inputs: [
            detectorInput,
            InputSpec(
                "powerMW", .number,
                "SNS beam power in MW (not in the releases: e.g. 1.4, the design power)"), analysisInputsInput,
        ],
        decode: { v in
            let inputs = try v.context.inputs(try v.inputSet())
            let prefix = try v.choice("detector") == "ar" ? "ar" : "csi"
            return (
                powerMW: try v.number("powerMW"), exposureGWh: try inputs("\(prefix).exposure.gwh"),
                pot: try inputs("\(prefix).pot"), perFlavor: try inputs("\(prefix).nuPerFlavorPerPOT"),
                baseline: try inputs("\(prefix).baseline")
            )
        },
        closed: { i in
            try SNSFlux.allFlavours(
                powerMW: i.powerMW, exposureGWh: i.exposureGWh, pot: i.pot,
                neutrinosPerFlavorPerPOT: i.perFlavor, baselineMetres: i.baseline)
        },
        numerical: nil,
        ledger: Ledger(
            closed: ["NuClosedForm.SNSFlux.allFlavours"], numerical: [],
            shared: [
                (
                    .data,
                    "exposure, POT, neutrinos per flavour per POT and baseline of "
                        + "Reference/coherent.json"
                )
            ]))
}
