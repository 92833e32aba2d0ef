import Foundation
import NuClosedForm
import NuNumerical
import NuPhysics

extension QuantityRegistry {
    static let g2Asymptote = Quantity(
        "g2.asymptote",
        "004 Eqs. (58)-(59) in the limits M ≪ m_μ and M ≫ m_μ: (δa/asymptote − 1) over the derived leading "
            + "correction, which tends to 1 in the limit (closed-form δa vs GSL quadrature)",
        units: "dimensionless",
        inputs: [InputSpec("mediator", .choice(Mediator.allCases.map(\.rawValue)), "vector or scalar"),
                 InputSpec("regime", .choice(["light", "heavy"]), "M ≪ m_μ (light) or M ≫ m_μ (heavy)"),
                 InputSpec("mass", .energy, "mediator mass M (well below or above m_μ)")],
        decode: { v in
            (mediator: try Mediator.parse(try v.text("mediator")), heavy: try v.choice("regime") == "heavy",
             mass: try v.energy("mass"))
        },
        closed: { i in
            try MuonG2Expansion.deviation(i.mediator, heavy: i.heavy, mass: i.mass) {
                try MuonG2.deltaA($0, g: 1, mass: $1)
            }
        },
        numerical: { i in
            try MuonG2Expansion.deviation(i.mediator, heavy: i.heavy, mass: i.mass) {
                try MuonG2Quadrature.deltaA($0, g: 1, mass: $1)
            }
        },
        ledger: Ledger(closed: ["NuClosedForm.MuonG2.deltaA"], numerical: ["NuNumerical.MuonG2Quadrature.deltaA"],
                       shared: [(.physicsInputs, "m_μ; the asymptotes and leading corrections the ratio is taken to "
                                    + "(NuClosedForm.MuonG2Expansion, derived from 004 Eqs. (58)-(59))")]),
        // The quadrature's 1e-11 is divided by the correction (~1e-6): 1e-4 relative.
        agreement: { _ in .tolerance(relative: 1e-4, absolute: 0) })
}
