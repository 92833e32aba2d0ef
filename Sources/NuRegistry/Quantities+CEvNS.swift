import Foundation
import NuClosedForm
import NuNumerical
import NuPhysics

/// cm²/MeV per MeV⁻³, then per keV: (ħc)² and 1 MeV = 1000 keV.
let cm2PerKeV = Constants.squaredHbarCInMeV2Cm2 / 1000

let cevnsModelChoices = ["SM", "scalar"] + ModelRegistry.all.map(\.name) + ["darkZ", "GB(cB,ce,cmu,ctau)"]

let cevnsMediatorInputs: [InputSpec] = [
    InputSpec(
        "model", .choice(cevnsModelChoices), default: "SM",
        "SM, scalar, a U(1)' model of 004 Table 1, darkZ, darkHypercharge, or GB(cB,ce,cmu,ctau) (004 Eq. (19))"),
    InputSpec(
        "g", .number,
        "coupling g_Z' (g̃_φ for the scalar; for darkZ g = eε_Z/(s_W c_W), darkHypercharge g = eε_B/c_W)"),
    InputSpec("mass", .energy, "mediator mass M"),
    InputSpec(
        "convention", .choice(CoefficientConvention.allCases.map(\.rawValue)), default: "full",
        "Z' coefficient: full g²/(√2G_F(q²+M²)) (004 Eq. (16)), half (the references of 004 Appendix A), or "
            + "eq55 (004 Eq. (55) as printed: the opposite sign, a misprint)"),
    InputSpec(
        "loop", .choice(LoopMixingMode.allCases.map(\.rawValue)), default: "exact",
        "L_α − L_β: ε(q) exact (Eq. (29)) or its q → 0 limit"),
    InputSpec("sigmaPiNRatio", .number, default: "17.3", "scalar: σ_πN/m̄_ud (004 Eq. (40))"),
    sin2ThetaWInput,
]

let nucleusInput = InputSpec(
    "nucleus", .choice(TargetRegistry.all.map(\.name) + ["A:w,B:w"]),
    "target: a nucleus, a mixture (CsI, NaI, Ge, Si) or nucleus:weight pairs")
let cevnsFlavorInput = InputSpec("flavor", .choice(["nue", "numu", "numubar"]), default: "numu", "π-DAR flavour")
let formFactorInput = InputSpec(
    "formFactor", .choice(FormFactorModel.allCases.map(\.rawValue)), default: "helm",
    "nuclear form factor")

extension InputValues {
    func target() throws -> Target { try TargetRegistry.lookup(try text("nucleus")) }

    func singleNucleus() throws -> Nucleus {
        let t = try target()
        guard t.isSingleNucleus else {
            throw InputError.conflicting(
                "nucleus=\(t.name) is a mixture; this quantity is per nucleus (use one of "
                    + "\(t.components.map(\.nucleus.name).joined(separator: ", ")))")
        }
        return t.components[0].nucleus
    }

    /// The rms radius (fm) a form-factor quantity uses: the nucleus' own, or `radiusFm`; with
    /// radiusIs=box the given radius is taken as the Helm box radius R₀ and turned into the rms
    /// radius √((3/5)R₀² + 3s²) (`FormFactors.helmRMSRadius`) that reproduces that (mis)reading.
    func formFactorRadius() throws -> Double {
        let r =
            has("radiusFm")
            ? try number("radiusFm")
            : try singleNucleus()
                .radius(try Nucleon.parse(try text("nucleon")))
        try requirePositive(r, "radius", unit: "fm")
        guard try choice("radiusIs") == "box" else { return r }
        return FormFactors.helmRMSRadius(boxRadius: r)
    }

    /// The nucleus mass (MeV) under `massConvention`.
    func nucleusMass() throws -> Double {
        let n = try singleNucleus()
        return try choice("massConvention") == "Au" ? Double(n.massNumber) * Constants.atomicMassUnit : n.mass
    }

    /// `from` and `to` of cevns.rescaling. An L_α − L_β model reaches the nucleus through the loop
    /// ε(q) (004 Eq. (28)), whose strength depends on |q⃗| and on the lepton pair: only the same
    /// pair (a change of convention) maps onto it by a constant factor; anything else is refused.
    func rescalingModels() throws -> (VectorModel, VectorModel) {
        let from = try vectorModel("from")
        let to = try vectorModel("to")
        let samePair =
            from.isLeptonic && to.isLeptonic
            && from.loopLeptons.map {
                [
                    $0.alpha,
                    $0.beta,
                ]
            } == to.loopLeptons.map { [$0.alpha, $0.beta] }
        if !samePair, let leptonic = [from, to].first(where: \.isLeptonic) {
            throw PhysicsError.notApplicable(
                "\(leptonic.name) reaches the nucleus through the loop ε(q) of 004 Eq. "
                    + "(28), which depends on |q| and the lepton pair: no constant rescaling maps it onto another model"
            )
        }
        return (from, to)
    }

    func cevnsMediator() throws -> CEvNSMediator {
        let name = value("model") ?? "SM"
        switch name.lowercased() {
        case "sm":
            if let key = ["g", "mass"].first(where: { raw[$0] != nil }) {
                throw InputError.conflicting("input '\(key)' needs a model (model=SM has no mediator)")
            }
            return .none
        case "scalar":
            return .scalar(g: try number("g"), mass: try energy("mass"), sigmaPiNRatio: try number("sigmaPiNRatio"))
        default:
            return .vector(model: try vectorModel(), g: try number("g"), mass: try energy("mass"))
        }
    }

    func cevnsPoint(_ nucleus: Nucleus, recoil: Double) throws -> CEvNSPoint {
        try CEvNSPoint(
            nucleus: nucleus, flavor: try flavor(), energy: try energy("energy"), recoil: recoil,
            mediator: try cevnsMediator(),
            convention: try CoefficientConvention.parse(try text("convention")),
            formFactor: try FormFactorModel.parse(try text("formFactor")),
            loop: try LoopMixingMode.parse(try text("loop")))
    }
}

/// A target at one neutrino energy and recoil (a point, or the lower end of a window), checked as
/// `Target.sum` checks it (E > 0, T ≥ 0, T at or below some component's endpoint) when decoded,
/// before the per-nucleus inputs are read: the order in which the paths used to meet the errors.
struct TargetAt: Sendable {
    let target: Target
    let energy: Double
    let recoil: Double

    init(_ target: Target, energy: Double, recoil: Double) throws {
        _ = try target.sum(energy: energy, recoil: recoil) { _ in 0 }
        (self.target, self.energy, self.recoil) = (target, energy, recoil)
    }

    /// Σ_i w_i f(nucleus_i) over the components open at the recoil (`Target.sum`).
    func sum(_ f: (Nucleus) throws -> Double) throws -> Double { try target.sum(energy: energy, recoil: recoil, f) }
}

/// The CEvNS points of a target at one (E, T), one per component open at T, each decoded and
/// validated once (`CEvNSPoint`) in `Target.sum`'s order.
struct TargetPoints: Sendable {
    let at: TargetAt
    private let points: [String: CEvNSPoint]

    init(_ at: TargetAt, _ point: (Nucleus) throws -> CEvNSPoint) throws {
        var points: [String: CEvNSPoint] = [:]
        _ = try at.sum { nucleus in
            points[nucleus.name] = try point(nucleus)
            return 0
        }
        (self.at, self.points) = (at, points)
    }

    /// Σ_i w_i f(point_i), weights and components as `Target.sum` takes them.
    func sum(_ f: (CEvNSPoint) throws -> Double) throws -> Double {
        try at.sum { nucleus in
            guard let p = points[nucleus.name] else { throw PhysicsError.unknown("no point for \(nucleus.name)") }
            return try f(p)
        }
    }
}

/// The inputs of a recoil window: cevns.sigma's integrand on each component of the target.
struct CEvNSWindow: Sendable {
    let at: TargetAt
    let flavor: Flavor
    let mediator: CEvNSMediator
    let convention: CoefficientConvention
    let formFactor: FormFactorModel
    let loop: LoopMixingMode
}

/// What each CEvNS path shares beyond its decoded inputs.
let cevnsShared: [(Ledger.Shared.Kind, String)] = [
    (.nuclearData, "Z, N, masses and proton/neutron rms radii of NuclearData; mixture weights of TargetRegistry"),
    (
        .physicsInputs,
        "G_F, α, lepton masses, g_V^p(ν), g_V^n (Constants); Z' charges of ModelRegistry; the "
            + "form-factor parameters s, a, a_k of FormFactorModel"
    ),
    (.inputs, "NuPhysics.Target.sum (components open at T, their weights) and CEvNSPoint's kinematic checks"),
]

extension QuantityRegistry {
    static let cevnsDSigma = Quantity(
        "cevns.dsigma",
        "CEvNS dσ/dT (004 Eqs. (10)-(12), (16), (28), (33)); mixtures summed per formula unit or per atom: "
            + "closed-form form factors vs form factors by quadrature of the nuclear densities",
        units: "cm^2/keV",
        inputs: [
            nucleusInput, cevnsFlavorInput, InputSpec("energy", .energy, "neutrino energy E"),
            InputSpec(
                "recoil", .energy,
                "nuclear recoil T ≤ 2E²/(M + 2E)"), formFactorInput,
        ] + cevnsMediatorInputs,
        decode: { v in
            let t = try v.energy("recoil")
            let at = try TargetAt(try v.target(), energy: try v.energy("energy"), recoil: t)
            return try TargetPoints(at) { try v.cevnsPoint($0, recoil: t) }
        },
        closed: { i in try i.sum { CEvNS.differentialCrossSection($0) } * cm2PerKeV },
        numerical: { i in try i.sum { try CEvNSNumerical.differentialCrossSection($0) } * cm2PerKeV },
        ledger: Ledger(
            closed: [
                "NuClosedForm.CEvNS.differentialCrossSection", "NuClosedForm.CEvNS.weakCharge",
                "NuClosedForm.FormFactors.value", "NuClosedForm.LoopMixing.epsilon",
            ],
            numerical: [
                "NuNumerical.CEvNSNumerical.differentialCrossSection",
                "NuNumerical.CEvNSNumerical.weakCharge", "NuNumerical.FormFactorQuadrature.value",
                "NuNumerical.LoopMixingQuadrature.epsilon", "GSLKit.Quadrature.integrate",
            ],
            shared: cevnsShared),
        agreement: { FormFactorAgreement.at($0, nuclei: FormFactorAgreement.nuclei($0)) })

    static let cevnsSigma = Quantity(
        "cevns.sigma",
        "CEvNS σ over recoil [recoilMin, T_max]: closed form for F = 1 (SM, Z' with M > 0, L_α − L_β with ε(0)), else "
            + "adaptive Gauss-Legendre of the closed-form dσ/dT; numerical: QAGS of the numerical-path dσ/dT",
        units: "cm^2",
        inputs: [
            nucleusInput, cevnsFlavorInput, InputSpec("energy", .energy, "neutrino energy E"),
            InputSpec(
                "recoilMin", .energy, default: "0keV",
                "lower end of the recoil window"), formFactorInput,
        ] + cevnsMediatorInputs,
        decode: { v in
            let energy = try v.energy("energy")
            let tMin = try v.energy("recoilMin")
            let ff = try FormFactorModel.parse(try v.text("formFactor"))
            let loop = try LoopMixingMode.parse(try v.text("loop"))
            let at = try TargetAt(try v.target(), energy: energy, recoil: tMin)
            let mediator = try v.cevnsMediator()
            let convention = try CoefficientConvention.parse(try v.text("convention"))
            return CEvNSWindow(
                at: at, flavor: try v.flavor(), mediator: mediator, convention: convention,
                formFactor: ff, loop: loop)
        },
        closed: { i in
            try i.at.sum {
                try CEvNSTotal.integratedCrossSection(
                    nucleus: $0, flavor: i.flavor, energy: i.at.energy,
                    recoilMin: i.at.recoil, mediator: i.mediator, convention: i.convention, formFactor: i.formFactor,
                    loop: i.loop)
            } * cm2
        },
        numerical: { i in
            try i.at.sum {
                try CEvNSNumerical.crossSection(
                    nucleus: $0, flavor: i.flavor, energy: i.at.energy,
                    recoilMin: i.at.recoil, mediator: i.mediator, convention: i.convention, formFactor: i.formFactor,
                    loop: i.loop)
            } * cm2
        },
        ledger: Ledger(
            closed: [
                "NuClosedForm.CEvNSTotal.integratedCrossSection",
                "NuClosedForm.CEvNSTotal.crossSection", "NuClosedForm.PropagatorIntegrals.definite",
                "NuClosedForm.GaussLegendre.adaptive",
                "NuClosedForm.CEvNS.differentialCrossSection", "NuClosedForm.FormFactors.value",
                "NuClosedForm.LoopMixing.epsilon",
            ],
            numerical: [
                "NuNumerical.CEvNSNumerical.crossSection",
                "NuNumerical.CEvNSNumerical.differentialCrossSection",
                "NuNumerical.FormFactorQuadrature.value", "NuNumerical.LoopMixingQuadrature.epsilon",
                "GSLKit.Quadrature.integrate",
            ],
            shared: cevnsShared + [
                (
                    .inputs,
                    "the window's upper end 2E²/(M + 2E), "
                        + "NuPhysics.Kinematics.maximumRecoil"
                )
            ]))

    static let cevnsDip = Quantity(
        "cevns.dip",
        "recoil of the dip Q_SM+V = 0: 004 Eqs. (26), (27), (30) explicit (F = 1, ε at q → 0; a mixture as its "
            + "averaged nucleus) vs GSL root of the weak charge with form factors and ε(q) (a mixture: GSL minimum of "
            + "its summed ν_μ spectrum at E = m_μ/2)",
        units: "keV",
        inputs: [
            InputSpec("model", .choice(cevnsModelChoices), "vector model"), nucleusInput,
            InputSpec("g", .number, "coupling g_Z'"),
            InputSpec(
                "mass", .energy,
                "mediator mass M"), cevnsFlavorInput,
            InputSpec("convention", .choice(["full", "half"]), default: "full", "Z' coefficient convention"),
            InputSpec(
                "formFactor", .choice(FormFactorModel.allCases.map(\.rawValue)), default: "helm",
                "numerical path: form factor"),
            InputSpec(
                "loop", .choice(LoopMixingMode.allCases.map(\.rawValue)), default: "exact",
                "numerical path: ε(q) or its q → 0 limit"),
            sin2ThetaWInput,
        ],
        decode: { v in
            let model = try v.vectorModel()
            let target = try v.target()
            let convention = try CoefficientConvention.parse(try v.text("convention"))
            let (flavor, g, mass) = (try v.flavor(), try v.number("g"), try v.energy("mass"))
            return (
                model: model, target: target, convention: convention, flavor: flavor, g: g, mass: mass,
                formFactor: try FormFactorModel.parse(try v.text("formFactor")),
                loop: try LoopMixingMode.parse(try v.text("loop"))
            )
        },
        closed: { i in
            try CEvNSConditions.dipRecoil(
                model: i.model, target: i.target, flavor: i.flavor, g: i.g, mass: i.mass,
                convention: i.convention) * 1000
        },
        numerical: { i in
            try CEvNSNumerical.dipRecoil(
                model: i.model, target: i.target, flavor: i.flavor, g: i.g, mass: i.mass,
                convention: i.convention, formFactor: i.formFactor, loop: i.loop) * 1000
        },
        ledger: Ledger(
            closed: [
                "NuClosedForm.CEvNSConditions.dipRecoil",
                "NuClosedForm.CEvNSConditions.averagedDipRecoil",
            ],
            numerical: [
                "NuNumerical.CEvNSNumerical.dipRecoil",
                "NuNumerical.CEvNSNumerical.mixtureDipRecoil",
                "NuNumerical.CEvNSNumerical.weakCharge",
                "NuNumerical.CEvNSNumerical.differentialCrossSection",
                "NuNumerical.FormFactorQuadrature.value", "NuNumerical.LoopMixingQuadrature.epsilon",
                "GSLKit.RootFinding.brent", "GSLKit.Minimizer.simplex",
            ],
            shared: [
                (.nuclearData, "Z, N and masses of NuclearData; mixture weights of TargetRegistry"),
                (
                    .physicsInputs,
                    "G_F, α, lepton masses, g_V^p(ν), g_V^n (Constants); Z' charges of "
                        + "ModelRegistry"
                ),
            ]),
        agreement: { _ in
            .byDesign(
                "004's explicit dip has F = 1 and ε(0); the root has form factors and ε(q), which "
                    + "move the dip by up to ~5%")
        })

    static func stripQuantity(_ condition: CEvNSConditions.Condition) -> Quantity {
        Quantity(
            "cevns.\(condition.rawValue)",
            condition == .strip
                ? "g/M on the strip Q_SM+V = −Q_SM: 004 Eqs. (44), (46), (48), (49) as printed vs a GSL root at M = "
                    + "100 GeV with the full SM charge and form factors at q"
                : "g/M at the cancellation Q_SM+V = 0: 004 Eqs. (45), (47) as printed (L_α − L_β: strip/√2) vs a GSL "
                    + "root at M = 100 GeV",
            units: "GeV^-1",
            inputs: [
                InputSpec(
                    "model", .choice(["universal", "By+Lmu+Ltau", "Le-Ltau", "Lmu-Ltau"]),
                    "model with a strip"), nucleusInput,
                InputSpec(
                    "q", .energy, default: "0MeV",
                    "physics=full: momentum transfer for the form factors and ε(q) of the numerical path"),
                formFactorInput,
                InputSpec(
                    "physics", .choice(CEvNSNumerical.StripPhysics.allCases.map(\.rawValue)),
                    default: "paper",
                    "numerical path: keep all of 004's approximations (paper), or drop them step by step: "
                        + "composition, standardModel, full"),
            ],
            // q and formFactor enter only with physics=full (form factors and ε(q)); with any other
            // physics they are not read, so giving them is refused rather than ignored.
            decode: { v in
                let model = try v.vectorModel()
                let nucleus = try v.singleNucleus()
                let physics = CEvNSNumerical.StripPhysics(rawValue: try v.choice("physics"))!
                let full = physics == .full
                return (
                    model: model, nucleus: nucleus, q: full ? try v.energy("q") : 0,
                    formFactor: full ? try FormFactorModel.parse(try v.text("formFactor")) : .none,
                    physics: physics
                )
            },
            closed: { i in try CEvNSConditions.printedCoefficient(condition, model: i.model) },
            numerical: { i in
                try CEvNSNumerical.heavyMediatorCoefficient(
                    strip: condition == .strip, model: i.model,
                    nucleus: i.nucleus, q: i.q, formFactor: i.formFactor,
                    physics: i.physics)
            },
            ledger: Ledger(
                closed: ["NuClosedForm.CEvNSConditions.printedCoefficient"],
                numerical: [
                    "NuNumerical.CEvNSNumerical.heavyMediatorCoefficient",
                    "NuNumerical.FormFactorQuadrature.value",
                    "NuNumerical.LoopMixingQuadrature.epsilon", "GSLKit.RootFinding.brent",
                ],
                shared: [
                    (
                        .physicsInputs,
                        "G_F, α, m_μ, m_τ (Constants); the model's name and charges "
                            + "(ModelRegistry)"
                    )
                ]),
            agreement: { inputs in
                (inputs["physics"] ?? "paper") == "paper"
                    ? Quantity.defaultAgreement
                    : .byDesign(
                        "physics=\(inputs["physics"]!) drops 004's approximations the printed coefficient keeps "
                            + "(the size of the move is the finding)")
            })
    }
    static let cevnsStrip = stripQuantity(.strip)
    static let cevnsCancel = stripQuantity(.cancel)

    static func formFactorQuantity(_ name: String, fixed: FormFactorModel?) -> Quantity {
        Quantity(
            name,
            fixed == .helm
                ? "Helm form factor (R₀² = (5/3)(R² − 3s²), s = 0.9 fm) vs quadrature of the Helm density"
                : "nuclear form factor: closed form vs quadrature of its density (helm, fermi, kleinNystrand)",
            units: "dimensionless",
            inputs: [
                nucleusInput,
                InputSpec(
                    "nucleon", .choice(["proton", "neutron"]), default: "neutron",
                    "which distribution"),
                InputSpec("q", .energy, "momentum transfer |q⃗|"),
                InputSpec(
                    "radiusFm", .number,
                    "radius in fm instead of the nucleus' own (default: its rms radius)"),
                InputSpec(
                    "radiusIs", .choice(["rms", "box"]), default: "rms",
                    "read the radius as the rms radius (right) or as the Helm box radius R₀ (a common "
                        + "mistake)"),
            ]
                + (fixed == nil
                    ? [
                        InputSpec(
                            "model", .choice(["helm", "fermi", "kleinNystrand"]), default: "helm",
                            "parameterisation")
                    ] : []),
            decode: { v in
                let q = try v.energy("q")
                try requireNonNegative(q, "momentum transfer q")
                let model = try fixed ?? FormFactorModel.parse(try v.text("model"))
                return (model: model, q: q, radius: try v.formFactorRadius())
            },
            closed: { i in FormFactors.value(i.model, q: i.q, rmsRadius: i.radius) },
            numerical: { i in try FormFactorQuadrature.value(i.model, q: i.q, rmsRadius: i.radius) },
            ledger: Ledger(
                closed: ["NuClosedForm.FormFactors.value", "NuClosedForm.FormFactors.helm"]
                    + (fixed == nil
                        ? [
                            "NuClosedForm.FormFactors.symmetrizedFermi",
                            "NuClosedForm.FormFactors.kleinNystrand",
                        ] : []),
                numerical: [
                    "NuNumerical.FormFactorQuadrature.value",
                    "NuNumerical.FormFactorQuadrature.helm",
                ]
                    + (fixed == nil
                        ? [
                            "NuNumerical.FormFactorQuadrature.symmetrizedFermi",
                            "NuNumerical.FormFactorQuadrature.kleinNystrand",
                        ] : [])
                    + ["GSLKit.Quadrature.integrate"],
                shared: [
                    (.nuclearData, "proton/neutron rms radii of NuclearData (unless radiusFm)"),
                    (.physicsInputs, "ħc; s = 0.9 fm, a = 0.52 fm, a_k = 0.7 fm of FormFactorModel"),
                    (
                        .inputs,
                        "radiusIs=box: R = √((3/5)R₀² + 3s²), "
                            + "NuClosedForm.FormFactors.helmRMSRadius, applied in decoding"
                    ),
                ]),
            // The quadrature's absolute tolerance is 1e-14 of the density's norm (F(0) = 1).
            agreement: { _ in .tolerance(relative: 1e-8, absolute: 1e-13) })
    }
    static let helm = formFactorQuantity("helm", fixed: .helm)
    static let formFactor = formFactorQuantity("formfactor", fixed: nil)

    static let cevnsTMax = Quantity(
        "cevns.tmax",
        "nuclear recoil endpoint: 2E²/M as 004 prints it (form=printed) or 2E²/(M + 2E) (form=exact) vs GSL root of "
            + "the forward-recoil condition",
        units: "keV",
        inputs: [
            nucleusInput, InputSpec("energy", .energy, default: "29.8MeV", "neutrino energy E (004: 29.8 MeV)"),
            InputSpec("form", .choice(["printed", "exact"]), default: "printed", "which closed form"),
            InputSpec(
                "massConvention", .choice(["nuclear", "Au"]), default: "nuclear",
                "nuclear mass: atomic mass − Z m_e (AME2020), or the common shortcut A·u"),
        ],
        decode: { v in
            let m = try v.nucleusMass()
            let e = try v.energy("energy")
            try requirePositive(e, "neutrino energy")
            return (mass: m, energy: e, exact: try v.text("form") == "exact")
        },
        closed: { i in
            (i.exact
                ? Kinematics.maximumRecoil(energy: i.energy, targetMass: i.mass)
                : Kinematics.printedNuclearEndpoint(energy: i.energy, nucleusMass: i.mass)) * 1000
        },
        numerical: { i in try KinematicRoots.maximumRecoil(energy: i.energy, targetMass: i.mass) * 1000 },
        ledger: Ledger(
            closed: ["NuPhysics.Kinematics.maximumRecoil", "NuPhysics.Kinematics.printedNuclearEndpoint"],
            numerical: ["NuNumerical.KinematicRoots.maximumRecoil", "GSLKit.RootFinding.brent"],
            shared: [
                (
                    .nuclearData,
                    "nuclear mass of NuclearData (AME2020 atomic mass − Z m_e), or A·u "
                        + "(Constants.atomicMassUnit) with massConvention=Au"
                )
            ]),
        agreement: { inputs in
            inputs["form"] == "exact"
                ? Quantity.defaultAgreement
                : .byDesign(
                    "004's printed 2E²/M drops the 2E of the exact "
                        + "2E²/(M + 2E)")
        })

    static let coherenceScale = Quantity(
        "cevns.coherenceScale",
        "recoil scale 1/(2MR²) of the coherence condition (004 Sec. III) vs GSL root of F_Helm(q)² = e^{−1/3} (where "
            + "F² ≈ exp(−q²R²/3) has fallen by q²R² = 1)",
        units: "keV",
        inputs: [
            nucleusInput,
            InputSpec(
                "nucleon", .choice(["proton", "neutron"]), default: "neutron",
                "which radius"),
        ],
        decode: { v in
            let n = try v.singleNucleus()
            return (mass: n.mass, radius: n.radius(try Nucleon.parse(try v.text("nucleon"))))
        },
        closed: { i in CEvNSFormulas.coherenceRecoilScale(nucleusMass: i.mass, rmsRadius: i.radius) * 1000 },
        numerical: { i in try FormFactorQuadrature.coherenceRecoil(nucleusMass: i.mass, rmsRadius: i.radius) * 1000 },
        ledger: Ledger(
            closed: ["NuClosedForm.CEvNSFormulas.coherenceRecoilScale"],
            numerical: [
                "NuNumerical.FormFactorQuadrature.coherenceRecoil",
                "NuNumerical.FormFactorQuadrature.helm", "GSLKit.RootFinding.brent",
                "GSLKit.Quadrature.integrate",
            ],
            shared: [
                (.nuclearData, "nuclear mass and proton/neutron rms radius of NuclearData"),
                (.physicsInputs, "ħc (Constants)"),
            ]),
        agreement: { _ in
            .byDesign(
                "1/(2MR²) is the Gaussian estimate q²R² = 1; the Helm root differs by the surface "
                    + "term (~2%)")
        })

    static let apvWeakCharge = Quantity(
        "apv.weakCharge",
        "nuclear weak charge at tree level Q_W = −N + Z(1 − 4s_W²) (002 Sec. IV.C); a closed formula, no numerical "
            + "path",
        units: "dimensionless",
        inputs: [nucleusInput, sin2ThetaWInput],
        decode: { v in (nucleus: try v.singleNucleus(), sw2: try v.sin2ThetaW()) },
        closed: { i in CEvNSFormulas.apvWeakCharge(nucleus: i.nucleus, sin2ThetaW: i.sw2) },
        numerical: nil,
        ledger: Ledger(
            closed: ["NuClosedForm.CEvNSFormulas.apvWeakCharge"], numerical: [],
            shared: [(.nuclearData, "Z and N of NuclearData")]))

    static let couplingRescaling = Quantity(
        "cevns.rescaling",
        "factor r with (model `to`, g·r) = (model `from`, g) for one flavour's CEvNS (004 Eqs. (21)-(25), Appendix "
            + "A): √ of the ratio of Z' strengths vs GSL root of equal numerical weak charges",
        units: "dimensionless",
        inputs: [
            InputSpec("from", .choice(cevnsModelChoices), "model whose bound is known"),
            InputSpec(
                "to",
                .choice(cevnsModelChoices), "model to recast to"),
            InputSpec(
                "fromConvention", .choice(["full", "half"]), default: "full",
                "coefficient convention of `from`"),
            InputSpec(
                "toConvention", .choice(["full", "half"]), default: "full",
                "coefficient convention of `to`"),
            InputSpec(
                "nucleus", .choice(TargetRegistry.all.map(\.name)), default: "Cs133",
                "nucleus"), cevnsFlavorInput,
            InputSpec("g", .number, default: "1e-4", "coupling in `from`"),
            InputSpec(
                "mass", .energy,
                default: "10MeV", "mediator mass"),
            InputSpec("recoil", .energy, default: "10keV", "recoil for the numerical match"),
            InputSpec(
                "sw2", .number, default: String(Constants.defaultSin2ThetaW),
                "sin²θ_W, for the dark Z's charges only"),
        ],
        decode: { v in
            let (from, to) = try v.rescalingModels()
            let cf = try CoefficientConvention.parse(try v.text("fromConvention"))
            let ct = try CoefficientConvention.parse(try v.text("toConvention"))
            let flavor = try v.flavor()
            let nucleus = try v.singleNucleus()
            return (
                from: from, cf: cf, to: to, ct: ct, flavor: flavor, nucleus: nucleus, g: try v.number("g"),
                mass: try v.energy("mass"), recoil: try v.energy("recoil")
            )
        },
        closed: { i in
            try CEvNSFormulas.couplingRescaling(
                from: i.from, i.cf, to: i.to, i.ct, flavor: i.flavor,
                nucleus: i.nucleus)
        },
        numerical: { i in
            try CEvNSNumerical.couplingRescaling(
                from: i.from, i.cf, to: i.to, i.ct, nucleus: i.nucleus,
                flavor: i.flavor, g: i.g, mass: i.mass, recoil: i.recoil)
        },
        ledger: Ledger(
            closed: ["NuClosedForm.CEvNSFormulas.couplingRescaling"],
            numerical: [
                "NuNumerical.CEvNSNumerical.couplingRescaling",
                "NuNumerical.CEvNSNumerical.weakCharge", "NuNumerical.FormFactorQuadrature.value",
                "NuNumerical.LoopMixingQuadrature.epsilon", "GSLKit.RootFinding.brent",
            ],
            shared: [
                (.physicsInputs, "Z' charges of ModelRegistry (the dark Z's at sw2)"),
                (.nuclearData, "Z and N of NuclearData"),
                (.inputs, "the same-lepton-pair check of L_α − L_β models (rescalingModels)"),
            ]),
        agreement: { inputs in
            // Proportional charges rescale exactly; otherwise F_Z ≠ F_N makes the factor depend on q.
            let s = Double(inputs["sw2"] ?? "") ?? Constants.defaultSin2ThetaW
            guard
                let from = try? ModelRegistry.lookup(
                    inputs["from"] ?? "",
                    sin2ThetaW: s), let to = try? ModelRegistry.lookup(inputs["to"] ?? "", sin2ThetaW: s),
                abs(
                    from.protonCharge * to.neutronCharge - from.neutronCharge
                        * to.protonCharge) > 1e-12
            else { return Quantity.defaultAgreement }
            return .byDesign(
                "\(from.name) and \(to.name) weigh protons and neutrons differently: one factor maps "
                    + "them only where F_Z = F_N (q → 0); the root at the given recoil keeps the form factors")
        })
}

extension QuantityRegistry {
    static let darkRelativeCoupling = Quantity(
        "dark.relativeCoupling",
        "dark Z / dark hypercharge contribution to a nucleon's weak coupling over the SM one, per (ε/(M/GeV))², q² ≪ "
            + "M²: g_ν g_N/(√2G_F M² g_V^N) with g = eε/(s_W c_W) or eε/c_W (002 Eqs. (7)-(8), Sec. VI); a closed "
            + "formula",
        units: "dimensionless per (eps/(M/GeV))^2",
        inputs: [
            InputSpec("model", .choice(["darkZ", "darkHypercharge"]), "dark boson"),
            InputSpec("nucleon", .choice(["proton", "neutron"]), "nucleon"), sin2ThetaWInput,
        ],
        decode: { v in
            let s = try v.sin2ThetaW()
            let model = try v.vectorModel()
            return (sw2: s, model: model, nucleon: try Nucleon.parse(try v.text("nucleon")))
        },
        closed: { i in CEvNSFormulas.darkRelativeCoupling(model: i.model, nucleon: i.nucleon, sin2ThetaW: i.sw2) },
        numerical: nil,
        ledger: Ledger(
            closed: ["NuClosedForm.CEvNSFormulas.darkRelativeCoupling"], numerical: [],
            shared: [
                (
                    .physicsInputs,
                    "α, G_F, g_V^p(ν_μ), g_V^n (Constants); dark Z / dark hypercharge "
                        + "charges of ModelRegistry at sw2"
                )
            ]))
}

extension QuantityRegistry {
    static let darkRecast = Quantity(
        "dark.recast",
        "dark-photon recast factor ε_X/ε of 002 Eqs. (9)-(10) as printed vs a GSL root matching the electron coupling "
            + "√(g_V² + g_A²) of Eqs. (7)-(8) to the dark photon's e",
        units: "dimensionless",
        inputs: [InputSpec("model", .choice(["darkZ", "darkHypercharge"]), "dark boson"), sin2ThetaWInput],
        decode: { v in (darkZ: try v.choice("model") == "darkZ", sw2: try v.sin2ThetaW()) },
        closed: { i in try DarkBosonRecast.printedFactor(darkZ: i.darkZ, sin2ThetaW: i.sw2) },
        numerical: { i in try DarkBosonMatching.recastFactor(darkZ: i.darkZ, sin2ThetaW: i.sw2) },
        ledger: Ledger(
            closed: ["NuClosedForm.DarkBosonRecast.printedFactor"],
            numerical: ["NuNumerical.DarkBosonMatching.recastFactor", "GSLKit.RootFinding.brent"],
            shared: [(.inputs, "nothing beyond the decoded dark boson and s²_W")]),
        agreement: { _ in
            .byDesign(
                "the printed factors of 002 Eqs. (9)-(10) against the matched couplings: the "
                    + "audit's finding")
        })
}
