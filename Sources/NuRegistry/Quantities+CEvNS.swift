import Foundation
import GSLKit
import NuClosedForm
import NuNumerical
import NuPhysics

/// cm²/MeV per MeV⁻³, then per keV: (ħc)² and 1 MeV = 1000 keV.
let cm2PerKeV = Constants.squaredHbarCInMeV2Cm2 / 1000

let cevnsModelChoices = ["SM", "scalar"] + ModelRegistry.all.map(\.name) + ["darkZ", "GB(cB,ce,cmu,ctau)"]

let cevnsMediatorInputs: [InputSpec] = [
    InputSpec("model", .choice(cevnsModelChoices), default: "SM",
              "SM, scalar, a U(1)' model of 004 Table 1, darkZ, darkHypercharge, or GB(cB,ce,cmu,ctau) (004 Eq. (19))"),
    InputSpec("g", .number,
        "coupling g_Z' (g̃_φ for the scalar; for darkZ g = eε_Z/(s_W c_W), darkHypercharge g = eε_B/c_W)"),
    InputSpec("mass", .energy, "mediator mass M"),
    InputSpec("convention", .choice(CoefficientConvention.allCases.map(\.rawValue)), default: "full",
              "Z' coefficient: full g²/(√2G_F(q²+M²)) (004 Eq. (16)), half (the references of 004 Appendix A), or "
                  + "eq55 (004 Eq. (55) as printed: the opposite sign, a misprint)"),
    InputSpec("loop", .choice(LoopMixingMode.allCases.map(\.rawValue)), default: "exact",
              "L_α − L_β: ε(q) exact (Eq. (29)) or its q → 0 limit"),
    InputSpec("sigmaPiNRatio", .number, default: "17.3", "scalar: σ_πN/m̄_ud (004 Eq. (40))"),
    sin2ThetaWInput,
]

let nucleusInput = InputSpec("nucleus", .choice(TargetRegistry.all.map(\.name) + ["A:w,B:w"]),
    "target: a nucleus, a mixture (CsI, NaI, Ge, Si) or nucleus:weight pairs")
let cevnsFlavorInput = InputSpec("flavor", .choice(["nue", "numu", "numubar"]), default: "numu", "π-DAR flavour")
let formFactorInput = InputSpec("formFactor", .choice(FormFactorModel.allCases.map(\.rawValue)), default: "helm",
    "nuclear form factor")

extension InputValues {
    func target() throws -> Target { try TargetRegistry.lookup(try text("nucleus")) }

    func singleNucleus() throws -> Nucleus {
        let t = try target()
        guard t.isSingleNucleus else {
            throw InputError.conflicting("nucleus=\(t.name) is a mixture; this quantity is per nucleus (use one of "
                + "\(t.components.map(\.nucleus.name).joined(separator: ", ")))")
        }
        return t.components[0].nucleus
    }

    /// The rms radius (fm) a form-factor quantity uses: the nucleus' own, or `radiusFm`; with
    /// radiusIs=box the given radius is taken as the Helm box radius R₀ and turned into the rms
    /// radius √((3/5)R₀² + 3s²) that reproduces that (mis)reading.
    func formFactorRadius() throws -> Double {
        let r = has("radiusFm") ? try number("radiusFm") : try singleNucleus()
            .radius(try Nucleon.parse(try text("nucleon")))
        try requirePositive(r, "radius", unit: "fm")
        guard try choice("radiusIs") == "box" else { return r }
        let s = FormFactorModel.helmSurfaceThickness
        return ((3.0 / 5) * r * r + 3 * s * s).squareRoot()
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
        let from = try vectorModel("from"), to = try vectorModel("to")
        let samePair = from.isLeptonic && to.isLeptonic && from.loopLeptons.map { [$0.alpha,
            $0.beta] } == to.loopLeptons.map { [$0.alpha, $0.beta] }
        if !samePair, let leptonic = [from, to].first(where: \.isLeptonic) {
            throw PhysicsError.notApplicable("\(leptonic.name) reaches the nucleus through the loop ε(q) of 004 Eq. "
                + "(28), which depends on |q| and the lepton pair: no constant rescaling maps it onto another model")
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
        try CEvNSPoint(nucleus: nucleus, flavor: try flavor(), energy: try energy("energy"), recoil: recoil,
                       mediator: try cevnsMediator(), convention: try CoefficientConvention.parse(try text("convention")),
                       formFactor: try FormFactorModel.parse(try text("formFactor")), loop: try LoopMixingMode.parse(try text("loop")))
    }
}

extension QuantityRegistry {
    static let cevnsDSigma = Quantity(
        "cevns.dsigma",
        "CEvNS dσ/dT (004 Eqs. (10)-(12), (16), (28), (33)); mixtures summed per formula unit or per atom: "
            + "closed-form form factors vs form factors by quadrature of the nuclear densities",
        units: "cm^2/keV",
        inputs: [nucleusInput, cevnsFlavorInput, InputSpec("energy", .energy, "neutrino energy E"),
                 InputSpec("recoil", .energy,
                     "nuclear recoil T ≤ 2E²/(M + 2E)"), formFactorInput] + cevnsMediatorInputs,
        closed: { v in
            let t = try v.energy("recoil")
            return try v.target().sum(energy: try v.energy("energy"),
                recoil: t) { CEvNS.differentialCrossSection(try v.cevnsPoint($0, recoil: t)) } * cm2PerKeV
        },
        numerical: { v in
            let t = try v.energy("recoil")
            return try v.target().sum(energy: try v.energy("energy"),
                recoil: t) { try CEvNSNumerical.differentialCrossSection(try v.cevnsPoint($0, recoil: t)) } * cm2PerKeV
        },
        agreement: { FormFactorAgreement.at($0, nuclei: FormFactorAgreement.nuclei($0)) })

    static let cevnsSigma = Quantity(
        "cevns.sigma",
        "CEvNS σ over recoil [recoilMin, T_max]: closed form for F = 1 (SM, Z' with M > 0, L_α − L_β with ε(0)), else "
            + "GSL QAG-GK61 of the closed-form dσ/dT; numerical: QAGS of the numerical-path dσ/dT",
        units: "cm^2",
        inputs: [nucleusInput, cevnsFlavorInput, InputSpec("energy", .energy, "neutrino energy E"),
                 InputSpec("recoilMin", .energy, default: "0keV",
                     "lower end of the recoil window"), formFactorInput] + cevnsMediatorInputs,
        closed: { v in
            let energy = try v.energy("energy"), tMin = try v.energy("recoilMin")
            let ff = try FormFactorModel.parse(try v.text("formFactor")), loop = try LoopMixingMode.parse(try v.text("loop"))
            return try v.target().sum(energy: energy, recoil: tMin) { nucleus in
                let mediator = try v.cevnsMediator(), convention = try CoefficientConvention.parse(try v.text("convention"))
                if ff == .none, let analytic = try? CEvNSTotal.crossSection(nucleus: nucleus, flavor: try v.flavor(),
                    energy: energy, recoilMin: tMin,
                                                                            mediator: mediator, convention: convention, loop: loop) {
                    return analytic
                }
                let tMax = Kinematics.maximumRecoil(energy: energy, targetMass: nucleus.mass)
                return try Quadrature.integrateGaussKronrod({ t in
                    CEvNS.differentialCrossSection(try v.cevnsPoint(nucleus, recoil: min(max(t, tMin), tMax)))
                }, from: tMin, to: tMax, points: 61, relativeTolerance: 1e-10).value
            } * cm2
        },
        numerical: { v in
            let energy = try v.energy("energy"), tMin = try v.energy("recoilMin")
            return try v.target().sum(energy: energy, recoil: tMin) { nucleus in
                try CEvNSNumerical.crossSection(nucleus: nucleus, flavor: try v.flavor(), energy: energy,
                    recoilMin: tMin,
                                                mediator: try v.cevnsMediator(),
                                                convention: try CoefficientConvention.parse(try v.text("convention")),
                                                formFactor: try FormFactorModel.parse(try v.text("formFactor")),
                                                loop: try LoopMixingMode.parse(try v.text("loop")))
            } * cm2
        })

    static let cevnsDip = Quantity(
        "cevns.dip",
        "recoil of the dip Q_SM+V = 0: 004 Eqs. (26), (27), (30) explicit (F = 1, ε at q → 0; a mixture as its "
            + "averaged nucleus) vs GSL root of the weak charge with form factors and ε(q) (a mixture: GSL minimum of "
            + "its summed ν_μ spectrum at E = m_μ/2)",
        units: "keV",
        inputs: [InputSpec("model", .choice(cevnsModelChoices), "vector model"), nucleusInput,
                 InputSpec("g", .number, "coupling g_Z'"), InputSpec("mass", .energy,
                     "mediator mass M"), cevnsFlavorInput,
                 InputSpec("convention", .choice(["full", "half"]), default: "full", "Z' coefficient convention"),
                 InputSpec("formFactor", .choice(FormFactorModel.allCases.map(\.rawValue)), default: "helm",
                     "numerical path: form factor"),
                 InputSpec("loop", .choice(LoopMixingMode.allCases.map(\.rawValue)), default: "exact",
                     "numerical path: ε(q) or its q → 0 limit"),
                 sin2ThetaWInput],
        closed: { v in
            let model = try v.vectorModel(), target = try v.target()
            let convention = try CoefficientConvention.parse(try v.text("convention"))
            if target.isSingleNucleus {
                return try CEvNSConditions.dipRecoil(model: model, nucleus: target.components[0].nucleus,
                    flavor: try v.flavor(),
                                                     g: try v.number("g"), mass: try v.energy("mass"), convention: convention) * 1000
            }
            return try CEvNSConditions.averagedDipRecoil(model: model, target: target, flavor: try v.flavor(),
                g: try v.number("g"),
                                                         mass: try v.energy("mass"), convention: convention) * 1000
        },
        numerical: { v in
            let model = try v.vectorModel(), target = try v.target()
            let convention = try CoefficientConvention.parse(try v.text("convention"))
            let ff = try FormFactorModel.parse(try v.text("formFactor")), loop = try LoopMixingMode.parse(try v.text("loop"))
            if target.isSingleNucleus {
                return try CEvNSNumerical.dipRecoil(model: model, nucleus: target.components[0].nucleus,
                    flavor: try v.flavor(), g: try v.number("g"),
                                                    mass: try v.energy("mass"), convention: convention, formFactor: ff, loop: loop) * 1000
            }
            guard try v.flavor() == .numu else {
                throw PhysicsError.notApplicable("the dip of a mixture is taken on its ν_μ spectrum; use flavor=numu "
                    + "or one nucleus")
            }
            return try CEvNSNumerical.mixtureDipRecoil(model: model, target: target, g: try v.number("g"),
                mass: try v.energy("mass"),
                                                       convention: convention, formFactor: ff, loop: loop) * 1000
        },
        agreement: { _ in .byDesign("004's explicit dip has F = 1 and ε(0); the root has form factors and ε(q), which "
            + "move the dip by up to ~5%") })

    static func stripQuantity(_ condition: CEvNSConditions.Condition) -> Quantity {
        Quantity(
            "cevns.\(condition.rawValue)",
            condition == .strip
                ? "g/M on the strip Q_SM+V = −Q_SM: 004 Eqs. (44), (46), (48), (49) as printed vs a GSL root at M = "
                    + "100 GeV with the full SM charge and form factors at q"
                : "g/M at the cancellation Q_SM+V = 0: 004 Eqs. (45), (47) as printed (L_α − L_β: strip/√2) vs a GSL "
                    + "root at M = 100 GeV",
            units: "GeV^-1",
            inputs: [InputSpec("model", .choice(["universal", "By+Lmu+Ltau", "Le-Ltau", "Lmu-Ltau"]),
                "model with a strip"), nucleusInput,
                     InputSpec("q", .energy, default: "0MeV",
                         "momentum transfer for the form factors and ε(q) of the numerical path"),
                     formFactorInput,
                     InputSpec("physics", .choice(CEvNSNumerical.StripPhysics.allCases.map(\.rawValue)),
                         default: "paper",
                               "numerical path: keep all of 004's approximations (paper), or drop them step by step: "
                                   + "composition, standardModel, full")],
            closed: { v in try CEvNSConditions.printedCoefficient(condition, model: try v.vectorModel()) },
            numerical: { v in
                try CEvNSNumerical.heavyMediatorCoefficient(strip: condition == .strip, model: try v.vectorModel(),
                                                            nucleus: try v.singleNucleus(), q: try v.energy("q"),
                                                            formFactor: try FormFactorModel.parse(try v.text("formFactor")),
                                                            physics: CEvNSNumerical.StripPhysics(rawValue: try v.choice("physics"))!)
            },
            agreement: { inputs in (inputs["physics"] ?? "paper") == "paper" ? Quantity.defaultAgreement
                : .byDesign("physics=\(inputs["physics"]!) drops 004's approximations the printed coefficient keeps "
                    + "(the size of the move is the finding)") })
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
            inputs: [nucleusInput, InputSpec("nucleon", .choice(["proton", "neutron"]), default: "neutron",
                "which distribution"),
                     InputSpec("q", .energy, "momentum transfer |q⃗|"),
                     InputSpec("radiusFm", .number,
                         "radius in fm instead of the nucleus' own (default: its rms radius)"),
                     InputSpec("radiusIs", .choice(["rms", "box"]), default: "rms",
                               "read the radius as the rms radius (right) or as the Helm box radius R₀ (a common "
                                   + "mistake)")]
                + (fixed == nil ? [InputSpec("model", .choice(["helm", "fermi", "kleinNystrand"]), default: "helm",
                    "parameterisation")] : []),
            closed: { v in
                let q = try v.energy("q")
                try requireNonNegative(q, "momentum transfer q")
                return FormFactors.value(try fixed ?? FormFactorModel.parse(try v.text("model")), q: q,
                    rmsRadius: try v.formFactorRadius())
            },
            numerical: { v in
                try FormFactorQuadrature.value(try fixed ?? FormFactorModel.parse(try v.text("model")),
                    q: try v.energy("q"),
                                               rmsRadius: try v.formFactorRadius())
            },
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
        inputs: [nucleusInput, InputSpec("energy", .energy, default: "29.8MeV", "neutrino energy E (004: 29.8 MeV)"),
                 InputSpec("form", .choice(["printed", "exact"]), default: "printed", "which closed form"),
                 InputSpec("massConvention", .choice(["nuclear", "Au"]), default: "nuclear",
                           "nuclear mass: atomic mass − Z m_e (AME2020), or the common shortcut A·u")],
        closed: { v in
            let m = try v.nucleusMass(), e = try v.energy("energy")
            try requirePositive(e, "neutrino energy")
            return (try v.text("form") == "exact" ? Kinematics.maximumRecoil(energy: e, targetMass: m)
                                                  : Kinematics.printedNuclearEndpoint(energy: e, nucleusMass: m)) * 1000
        },
        numerical: { v in try KinematicRoots.maximumRecoil(energy: try v.energy("energy"),
            targetMass: try v.nucleusMass()) * 1000 },
        agreement: { inputs in inputs["form"] == "exact" ? Quantity.defaultAgreement
                                                         : .byDesign("004's printed 2E²/M drops the 2E of the exact "
                                                             + "2E²/(M + 2E)") })

    static let coherenceScale = Quantity(
        "cevns.coherenceScale",
        "recoil scale 1/(2MR²) of the coherence condition (004 Sec. III) vs GSL root of F_Helm(q)² = e^{−1/3} (where "
            + "F² ≈ exp(−q²R²/3) has fallen by q²R² = 1)",
        units: "keV",
        inputs: [nucleusInput, InputSpec("nucleon", .choice(["proton", "neutron"]), default: "neutron",
            "which radius")],
        closed: { v in
            let n = try v.singleNucleus(), r = n.radius(try Nucleon.parse(try v.text("nucleon"))) / Constants.hbarC
            return 1 / (2 * n.mass * r * r) * 1000
        },
        numerical: { v in
            let n = try v.singleNucleus(), r = n.radius(try Nucleon.parse(try v.text("nucleon")))
            let q = try RootFinding.brent({ q in pow(try FormFactorQuadrature.helm(q: q, rmsRadius: r),
                2) - exp(-1.0 / 3) },
                                          lower: 1e-3, upper: 2 * Constants.hbarC / r, relativeTolerance: 1e-12)
            return q * q / (2 * n.mass) * 1000
        },
        agreement: { _ in .byDesign("1/(2MR²) is the Gaussian estimate q²R² = 1; the Helm root differs by the surface "
            + "term (~2%)") })

    static let apvWeakCharge = Quantity(
        "apv.weakCharge",
        "nuclear weak charge at tree level Q_W = −N + Z(1 − 4s_W²) (002 Sec. IV.C); a closed formula, no numerical "
            + "path",
        units: "dimensionless",
        inputs: [nucleusInput, sin2ThetaWInput],
        closed: { v in
            let n = try v.singleNucleus(), s = try v.sin2ThetaW()
            return -Double(n.neutrons) + Double(n.protons) * (1 - 4 * s)
        },
        numerical: nil)

    static let couplingRescaling = Quantity(
        "cevns.rescaling",
        "factor r with (model `to`, g·r) = (model `from`, g) for one flavour's CEvNS (004 Eqs. (21)-(25), Appendix "
            + "A): √ of the ratio of Z' strengths vs GSL root of equal numerical weak charges",
        units: "dimensionless",
        inputs: [InputSpec("from", .choice(cevnsModelChoices), "model whose bound is known"), InputSpec("to",
            .choice(cevnsModelChoices), "model to recast to"),
                 InputSpec("fromConvention", .choice(["full", "half"]), default: "full",
                     "coefficient convention of `from`"),
                 InputSpec("toConvention", .choice(["full", "half"]), default: "full",
                     "coefficient convention of `to`"),
                 InputSpec("nucleus", .choice(TargetRegistry.all.map(\.name)), default: "Cs133",
                     "nucleus"), cevnsFlavorInput,
                 InputSpec("g", .number, default: "1e-4", "coupling in `from`"), InputSpec("mass", .energy,
                     default: "10MeV", "mediator mass"),
                 InputSpec("recoil", .energy, default: "10keV", "recoil for the numerical match"),
                 InputSpec("sw2", .number, default: String(Constants.defaultSin2ThetaW),
                     "sin²θ_W, for the dark Z's charges only")],
        closed: { v in
            let (from, to) = try v.rescalingModels()
            let cf = try CoefficientConvention.parse(try v.text("fromConvention")), ct = try CoefficientConvention.parse(try v.text("toConvention"))
            let lepton = try v.flavor().lepton, n = try v.singleNucleus()
            func strength(_ m: VectorModel, _ c: CoefficientConvention) -> Double {
                c.factor * m.charge(lepton) * (m.protonCharge * Double(n.protons) + m.neutronCharge
                    * Double(n.neutrons))
            }
            // The same L_α − L_β loop on both sides: the loop factors cancel, the charges remain.
            let ratio = from.isLeptonic ? (cf.factor * from.charge(lepton)) / (ct.factor
                * to.charge(lepton)) : strength(from, cf) / strength(to, ct)
            guard ratio > 0, ratio.isFinite else { throw PhysicsError.notApplicable("\(from.name) and \(to.name) do "
                + "not map onto each other for \(try v.flavor())") }
            return ratio.squareRoot()
        },
        numerical: { v in
            let (from, to) = try v.rescalingModels()
            let cf = try CoefficientConvention.parse(try v.text("fromConvention")), ct = try CoefficientConvention.parse(try v.text("toConvention"))
            let n = try v.singleNucleus(), g = try v.number("g"), mass = try v.energy("mass"), t = try v.energy("recoil")
            // Match the Z' part of the weak charge: monotonic in g² (the cross section is not, near a
            // dip) and not swamped by the SM part for a heavy mediator.
            func charge(_ m: VectorModel, _ c: CoefficientConvention, _ coupling: Double) throws -> Double {
                try CEvNSNumerical.weakCharge(try CEvNSPoint(nucleus: n, flavor: try v.flavor(),
                    energy: Constants.muonMass / 2, recoil: t,
                                                             mediator: .vector(model: m, g: coupling,
                                                                 mass: mass), convention: c),
                                              standardModel: false)
            }
            let target = try charge(from, cf, g)
            let lnR = try RootFinding.brent({ lr in try charge(to, ct, g * Foundation.exp(lr)) / target - 1 },
                                            lower: Foundation.log(0.05), upper: Foundation.log(20), relativeTolerance: 1e-13)
            return Foundation.exp(lnR)
        },
        agreement: { inputs in
            // Proportional charges rescale exactly; otherwise F_Z ≠ F_N makes the factor depend on q.
            let s = Double(inputs["sw2"] ?? "") ?? Constants.defaultSin2ThetaW
            guard let from = try? ModelRegistry.lookup(inputs["from"] ?? "",
                sin2ThetaW: s), let to = try? ModelRegistry.lookup(inputs["to"] ?? "", sin2ThetaW: s),
                  abs(from.protonCharge * to.neutronCharge - from.neutronCharge
                      * to.protonCharge) > 1e-12 else { return Quantity.defaultAgreement }
            return .byDesign("\(from.name) and \(to.name) weigh protons and neutrons differently: one factor maps "
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
        inputs: [InputSpec("model", .choice(["darkZ", "darkHypercharge"]), "dark boson"),
                 InputSpec("nucleon", .choice(["proton", "neutron"]), "nucleon"), sin2ThetaWInput],
        closed: { v in
            let s = try v.sin2ThetaW(), model = try v.vectorModel()
            let e2 = 4 * Double.pi * Constants.fineStructure
            let g2 = model.name == "darkZ" ? e2 / (s * (1 - s)) : e2 / (1 - s)
            let proton = try Nucleon.parse(try v.text("nucleon")) == .proton
            let zPrime = g2 * model.charge(.mu) * (proton ? model.protonCharge : model.neutronCharge)
            let standard = proton ? Constants.protonCouplingNuMu : Constants.neutronCoupling
            return zPrime / (2.0.squareRoot() * Constants.fermiConstant * 1e6 * standard)
        },
        numerical: nil)
}

extension QuantityRegistry {
    static let darkRecast = Quantity(
        "dark.recast",
        "dark-photon recast factor ε_X/ε of 002 Eqs. (9)-(10) as printed vs a GSL root matching the electron coupling "
            + "√(g_V² + g_A²) of Eqs. (7)-(8) to the dark photon's e",
        units: "dimensionless",
        inputs: [InputSpec("model", .choice(["darkZ", "darkHypercharge"]), "dark boson"), sin2ThetaWInput],
        closed: { v in try DarkBosonRecast.printedFactor(darkZ: try v.choice("model") == "darkZ",
            sin2ThetaW: try v.sin2ThetaW()) },
        numerical: { v in try DarkBosonMatching.recastFactor(darkZ: try v.choice("model") == "darkZ",
            sin2ThetaW: try v.sin2ThetaW()) },
        agreement: { _ in .byDesign("the printed factors of 002 Eqs. (9)-(10) against the matched couplings: the "
            + "audit's finding") })
}
