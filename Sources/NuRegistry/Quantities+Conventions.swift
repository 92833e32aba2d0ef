import Foundation
import NuClosedForm
import NuNumerical
import NuPhysics

/// Quantities that exist to show how the papers' conventions differ (used by `nucheck audit`).
extension QuantityRegistry {
    static let loopEpsilonWrongSign = Quantity(
        "loop.epsWrongSign",
        "ε_βα with the timelike sign of q² in the logarithm (the wrong one for CEvNS); closed series vs QAGS, below "
            + "threshold only",
        units: "dimensionless",
        inputs: [
            InputSpec("beta", .choice(Lepton.allCases.map(\.rawValue)), "lepton β"),
            InputSpec("alpha", .choice(Lepton.allCases.map(\.rawValue)), "lepton α"),
            InputSpec("q", .energy, "|q| below 2 min(m_α, m_β)"),
        ],
        decode: { v in (beta: try v.lepton("beta"), alpha: try v.lepton("alpha"), q: try v.energy("q")) },
        closed: { i in try LoopMixing.epsilonWrongSign(beta: i.beta, alpha: i.alpha, q: i.q) },
        numerical: { i in try LoopMixingQuadrature.epsilonWrongSign(beta: i.beta, alpha: i.alpha, q: i.q) },
        ledger: Ledger(
            closed: ["NuClosedForm.LoopMixing.epsilonWrongSign"],
            numerical: ["NuNumerical.LoopMixingQuadrature.epsilonWrongSign", "GSLKit.Quadrature.integrate"],
            shared: [(.physicsInputs, "lepton masses (Lepton.mass, Constants)")]))

    static let loopPrefactor = Quantity(
        "loop.prefactor",
        "L_μ − L_τ kinetic mixing as each source writes it: 004 (e g ε/(2π²)), abdullah (8eg/(48π²) ln(m_τ/m_μ)), "
            + "slides (3eg/(4π²) ε); closed formulas",
        units: "dimensionless",
        inputs: [
            InputSpec("source", .choice(["004", "abdullah", "slides"]), "whose prefactor"),
            InputSpec("g", .number, default: "1", "Z' coupling"),
            InputSpec(
                "q", .energy, default: "0MeV",
                "momentum transfer (004 and slides; abdullah's prefactor has none)"),
        ],
        // Abdullah's prefactor is q-independent: with source=abdullah a given q is refused, not ignored.
        decode: { v in
            let source = try v.choice("source")
            return (source: source, g: try v.number("g"), q: source == "abdullah" ? 0 : try v.energy("q"))
        },
        closed: { i in try LoopMixing.kineticMixingAsWritten(source: i.source, g: i.g, q: i.q) },
        numerical: nil,
        ledger: Ledger(
            closed: [
                "NuClosedForm.LoopMixing.kineticMixingAsWritten",
                "NuClosedForm.LoopMixing.kineticMixing", "NuClosedForm.LoopMixing.epsilon",
            ],
            numerical: [],
            shared: [(.physicsInputs, "α (e = √(4πα)), m_μ, m_τ (Constants)")]))

    static let nueCouplingShift = Quantity(
        "nue.couplingShift",
        "the Z' shift of the ν-e couplings as each source writes it, unit charges: slides (001) δC = g²/(2√2G_F(M² + "
            + "2m_eT)) on C_L and C_R; abdullah (002 Eq. (3)) δg_v = g²/(√2G_F(q² + M²)); closed formulas",
        units: "dimensionless",
        inputs: [
            InputSpec("source", .choice(["slides", "abdullah"]), "whose shift"),
            InputSpec(
                "g", .number,
                default: "1e-4", "coupling"),
            InputSpec("mass", .energy, default: "10MeV", "mediator mass"),
            InputSpec(
                "recoil", .energy,
                default: "1MeV", "electron recoil T"),
        ],
        decode: { v in
            let g = try v.number("g")
            let m = try v.energy("mass")
            let t = try v.energy("recoil")
            try requireNonNegative(t, "recoil energy")
            return (g: g, mass: m, recoil: t, slides: try v.choice("source") == "slides")
        },
        closed: { i in
            ZPrimeCoefficient.nuElectronShiftAsWritten(slides: i.slides, g: i.g, mass: i.mass, recoil: i.recoil)
        },
        numerical: nil,
        ledger: Ledger(
            closed: ["NuClosedForm.ZPrimeCoefficient.nuElectronShiftAsWritten"], numerical: [],
            shared: [(.physicsInputs, "G_F, m_e (Constants)")]))
}
