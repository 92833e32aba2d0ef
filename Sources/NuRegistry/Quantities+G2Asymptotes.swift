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
        inputs: [
            InputSpec("mediator", .choice(Mediator.allCases.map(\.rawValue)), "vector or scalar"),
            InputSpec("regime", .choice(["light", "heavy"]), "M ≪ m_μ (light) or M ≫ m_μ (heavy)"),
            InputSpec(
                "mass", .energy,
                "mediator mass M: light 1e-4 MeV ≤ M < m_μ/10, heavy 10 m_μ < M ≤ 1e5 "
                    + "MeV (beyond, the correction is below what the quadrature of δa resolves)"),
        ],
        decode: { v in
            let i = (
                mediator: try Mediator.parse(try v.text("mediator")), heavy: try v.choice("regime") == "heavy",
                mass: try v.energy("mass")
            )
            // The ratio divides δa/asymptote − 1 by a correction that falls like M (light) or 1/M² (heavy):
            // the quadrature's ~1e-11 of δa becomes 6e-2 of the ratio at M = 1e-5 MeV and 4e-4 at 1e6 MeV
            // (scalar, measured), so the domain stops where the paths still agree to 1e-4.
            if i.heavy ? i.mass > 1e5 : (i.mass < 1e-4 && i.mass > 0) {
                throw PhysicsError.notApplicable(
                    "g2.asymptote: M = \(i.mass) MeV is beyond the accepted domain "
                        + "(light 1e-4 MeV ≤ M, heavy M ≤ 1e5 MeV): the leading correction there is below what the GSL "
                        + "quadrature of δa resolves")
            }
            return i
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
        ledger: Ledger(
            closed: ["NuClosedForm.MuonG2.deltaA"], numerical: ["NuNumerical.MuonG2Quadrature.deltaA"],
            shared: [
                (
                    .physicsInputs,
                    "m_μ; the asymptotes and leading corrections the ratio is taken to "
                        + "(NuClosedForm.MuonG2Expansion, derived from 004 Eqs. (58)-(59))"
                )
            ]),
        // The quadrature's 1e-11 is divided by the correction (~1e-6): 1e-4 relative.
        agreement: { _ in .tolerance(relative: 1e-4, absolute: 0) })
}
