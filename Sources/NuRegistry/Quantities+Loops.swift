import Foundation
import GSLKit
import NuClosedForm
import NuNumerical
import NuPhysics

private let leptonChoice = InputKind.choice(Lepton.allCases.map(\.rawValue))
private let mediatorChoice = InputSpec("mediator", .choice(Mediator.allCases.map(\.rawValue)), "vector or scalar")

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
        closed: { v in try LoopMixing.epsilon(beta: try v.lepton("beta"), alpha: try v.lepton("alpha"),
            q: try v.energy("q")) },
        numerical: { v in try LoopMixingQuadrature.epsilon(beta: try v.lepton("beta"), alpha: try v.lepton("alpha"),
            q: try v.energy("q")) })

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
        closed: { v in
            try LoopMixing.kineticMixing(beta: try v.lepton("beta"), alpha: try v.lepton("alpha"),
                q: try v.energy("q"), g: try v.number("g"))
        },
        numerical: { v in
            let eps = try LoopMixingQuadrature.epsilon(beta: try v.lepton("beta"), alpha: try v.lepton("alpha"),
                q: try v.energy("q"))
            return Constants.elementaryCharge * (try v.number("g")) * eps / (2 * Double.pi * Double.pi)
        })

    static let g2Muon = Quantity(
        "g2.muon",
        "δa_μ from a light vector or scalar (004 Eqs. (58)-(59)): derived closed form vs GSL QAGS",
        units: "dimensionless",
        inputs: [mediatorChoice, InputSpec("g", .number, "coupling to the muon"), InputSpec("mass", .energy,
            "mediator mass M")],
        closed: { v in try MuonG2.deltaA(try Mediator.parse(try v.choice("mediator")), g: try v.number("g"),
            mass: try v.energy("mass")) },
        numerical: { v in try MuonG2Quadrature.deltaA(try Mediator.parse(try v.choice("mediator")),
            g: try v.number("g"), mass: try v.energy("mass")) })

    static let g2Coupling = Quantity(
        "g2.coupling",
        "coupling that gives δa_μ = Δa_μ at mass M: √(Δa/δa(g=1)) on the closed form vs GSL Brent root on the "
            + "quadrature",
        units: "dimensionless",
        inputs: [mediatorChoice, InputSpec("mass", .energy, "mediator mass M"),
                 InputSpec("deltaA", .number, default: "2.51e-9", "target Δa_μ (004 Eq. (57): 25.1e-10)")],
        closed: { v in try MuonG2.coupling(try Mediator.parse(try v.choice("mediator")), mass: try v.energy("mass"),
            deltaA: try v.number("deltaA")) },
        numerical: { v in try MuonG2Quadrature.coupling(try Mediator.parse(try v.choice("mediator")),
            mass: try v.energy("mass"), deltaA: try v.number("deltaA")) })

    static let g2Mass = Quantity(
        "g2.mass",
        "mediator mass at which coupling g gives δa_μ = Δa_μ: GSL Brent root on the closed form and on the quadrature",
        units: "MeV",
        inputs: [mediatorChoice, InputSpec("g", .number, "coupling to the muon"),
                 InputSpec("deltaA", .number, default: "2.51e-9", "target Δa_μ")],
        closed: { v in
            let kind = try Mediator.parse(try v.choice("mediator")), g = try v.number("g"), target = try v.number("deltaA")
            try requirePositive(target, "Δa_μ", unit: "")
            // Root of ln δa(M) − ln Δa in ln M on the closed form; δa falls monotonically with M.
            let (reach, floor) = (try MuonG2.deltaA(kind, g: g, mass: 1e-4), try MuonG2.deltaA(kind, g: g, mass: 1e6))
            guard reach >= target, floor <= target else {
                throw PhysicsError.unphysical("no mass in [0.0001, 1000000.0] MeV gives δa_μ = \(target) with g = "
                    + "\(g): δa_μ runs from \(reach) to \(floor)")
            }
            let logM = try RootFinding.brent({ lm in log(try MuonG2.deltaA(kind, g: g, mass: exp(lm))) - log(target) },
                                             lower: log(1e-4), upper: log(1e6), relativeTolerance: 1e-14)
            return exp(logM)
        },
        numerical: { v in
            try MuonG2Quadrature.mass(try Mediator.parse(try v.choice("mediator")), g: try v.number("g"),
                deltaA: try v.number("deltaA"))
        })
}
