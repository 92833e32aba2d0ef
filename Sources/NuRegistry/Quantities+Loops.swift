import Foundation
import NuClosedForm
import NuNumerical
import NuPhysics

private let leptonChoice = InputKind.choice(Lepton.allCases.map(\.rawValue))
private let mediatorChoice = InputSpec("mediator", .choice(Mediator.allCases.map(\.rawValue)), "vector or scalar")

extension InputValues {
    /// The lepton pair (β, α) and |q⃗| of a loop quantity.
    fileprivate func loop() throws -> (beta: Lepton, alpha: Lepton, q: Double) {
        (try lepton("beta"), try lepton("alpha"), try energy("q"))
    }
}

extension QuantityRegistry {
    static let loopEpsilon = Quantity(
        "loop.eps",
        "one-loop kinetic-mixing integral ε_βα(|q|) of 004 Eq. (29): derived closed form vs GSL QAGS",
        units: "dimensionless",
        inputs: [
            InputSpec("beta", leptonChoice, "lepton β (numerator mass)"),
            InputSpec("alpha", leptonChoice, "lepton α (denominator mass)"),
            InputSpec("q", .energy, "momentum transfer |q⃗| ≥ 0"),
        ],
        decode: { v in try v.loop() },
        closed: { i in try LoopMixing.epsilon(beta: i.beta, alpha: i.alpha, q: i.q) },
        numerical: { i in try LoopMixingQuadrature.epsilon(beta: i.beta, alpha: i.alpha, q: i.q) },
        ledger: Ledger(
            closed: ["NuClosedForm.LoopMixing.epsilon"],
            numerical: ["NuNumerical.LoopMixingQuadrature.epsilon"],
            shared: [(.physicsInputs, "the lepton masses (NuPhysics.Constants)")]))

    static let loopKineticMixing = Quantity(
        "loop.kineticMixing",
        "photon-Z' kinetic mixing e g ε_βα(q)/(2π²) in 004's normalisation (compare 002's 8eg/(48π²) ln(m_τ/m_μ))",
        units: "dimensionless",
        inputs: [
            InputSpec("beta", leptonChoice, "lepton β"),
            InputSpec("alpha", leptonChoice, "lepton α"),
            InputSpec("q", .energy, default: "0MeV", "momentum transfer |q⃗|"),
            InputSpec("g", .number, "Z' coupling g"),
        ],
        decode: { v in (loop: try v.loop(), g: try v.number("g")) },
        closed: { i in try LoopMixing.kineticMixing(beta: i.loop.beta, alpha: i.loop.alpha, q: i.loop.q, g: i.g) },
        numerical: { i in
            try LoopMixingQuadrature.kineticMixing(beta: i.loop.beta, alpha: i.loop.alpha, q: i.loop.q, g: i.g)
        },
        ledger: Ledger(
            closed: ["NuClosedForm.LoopMixing.kineticMixing"],
            numerical: ["NuNumerical.LoopMixingQuadrature.kineticMixing"],
            shared: [(.physicsInputs, "the lepton masses and e = √(4πα) (NuPhysics.Constants)")]))

    static let g2Muon = Quantity(
        "g2.muon",
        "δa_μ from a light vector or scalar (004 Eqs. (58)-(59)): derived closed form vs GSL QAGS",
        units: "dimensionless",
        inputs: [
            mediatorChoice, InputSpec("g", .number, "coupling to the muon"),
            InputSpec(
                "mass", .energy,
                "mediator mass M"),
        ],
        decode: { v in
            (kind: try Mediator.parse(try v.choice("mediator")), g: try v.number("g"), mass: try v.energy("mass"))
        },
        closed: { i in try MuonG2.deltaA(i.kind, g: i.g, mass: i.mass) },
        numerical: { i in try MuonG2Quadrature.deltaA(i.kind, g: i.g, mass: i.mass) },
        ledger: Ledger(
            closed: ["NuClosedForm.MuonG2.deltaA"], numerical: ["NuNumerical.MuonG2Quadrature.deltaA"],
            shared: [(.physicsInputs, "m_μ (NuPhysics.Constants)")]))

    static let g2Coupling = Quantity(
        "g2.coupling",
        "coupling that gives δa_μ = Δa_μ at mass M: √(Δa/δa(g=1)) on the closed form vs GSL Brent root on the "
            + "quadrature",
        units: "dimensionless",
        inputs: [
            mediatorChoice, InputSpec("mass", .energy, "mediator mass M"),
            InputSpec("deltaA", .number, default: "2.51e-9", "target Δa_μ (004 Eq. (57): 25.1e-10)"),
        ],
        decode: { v in
            (
                kind: try Mediator.parse(try v.choice("mediator")), mass: try v.energy("mass"),
                deltaA: try v.number("deltaA")
            )
        },
        closed: { i in try MuonG2.coupling(i.kind, mass: i.mass, deltaA: i.deltaA) },
        numerical: { i in try MuonG2Quadrature.coupling(i.kind, mass: i.mass, deltaA: i.deltaA) },
        ledger: Ledger(
            closed: ["NuClosedForm.MuonG2.coupling"], numerical: ["NuNumerical.MuonG2Quadrature.coupling"],
            shared: [(.physicsInputs, "m_μ (NuPhysics.Constants)")]))

    static let g2Mass = Quantity(
        "g2.mass",
        "mediator mass at which coupling g gives δa_μ = Δa_μ: pure-Swift bisection in ln M on the closed form vs "
            + "GSL Brent root on the quadrature",
        units: "MeV",
        inputs: [
            mediatorChoice, InputSpec("g", .number, "coupling to the muon"),
            InputSpec("deltaA", .number, default: "2.51e-9", "target Δa_μ"),
        ],
        decode: { v in
            (kind: try Mediator.parse(try v.choice("mediator")), g: try v.number("g"), deltaA: try v.number("deltaA"))
        },
        closed: { i in try MuonG2.mass(i.kind, g: i.g, deltaA: i.deltaA) },
        numerical: { i in try MuonG2Quadrature.mass(i.kind, g: i.g, deltaA: i.deltaA) },
        ledger: Ledger(
            closed: ["NuClosedForm.MuonG2.mass", "NuClosedForm.BracketingRoot.bisect"],
            numerical: ["NuNumerical.MuonG2Quadrature.mass"],
            shared: [
                (.physicsInputs, "m_μ (NuPhysics.Constants)"),
                (.scan, "NuPhysics.MuonG2MassWindow: the masses [1e-4, 1e6] MeV both roots are bracketed in"),
            ]))
}
