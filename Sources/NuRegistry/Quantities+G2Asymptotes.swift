import Foundation
import NuClosedForm
import NuNumerical
import NuPhysics

/// The limits of 004 Eqs. (58)-(59), u = m_μ²/M², r = 1/u, and their leading corrections (derived
/// here from the integrals, checked with mpmath to 40 digits):
///
///     light, vector: δa → g²/(8π²),              relative correction −π M/m_μ
///     light, scalar: δa → 3g²/(16π²),            relative correction −(2π/3) M/m_μ
///     heavy, vector: δa → g² u/(12π²),            relative correction u(3 ln u + 25/4)
///     heavy, scalar: δa → g² u (ln r − 7/6)/(8π²), relative correction u(3 ln r − 13/4)/(ln r − 7/6)
///
/// The asymptote is right when (δa/asymptote − 1)/correction → 1 as M → 0 or ∞: a statement about
/// the limit, not about a value at one mass.
enum MuonG2Expansion {
    static func asymptote(_ mediator: Mediator, heavy: Bool, mass: Double) -> Double {
        let u = pow(Constants.muonMass / mass, 2)
        switch (mediator, heavy) {
        case (.vector, false): return 1 / (8 * Double.pi * Double.pi)
        case (.scalar, false): return 3 / (16 * Double.pi * Double.pi)
        case (.vector, true): return u / (12 * Double.pi * Double.pi)
        case (.scalar, true): return u * (log(1 / u) - 7.0 / 6) / (8 * Double.pi * Double.pi)
        }
    }

    static func leadingCorrection(_ mediator: Mediator, heavy: Bool, mass: Double) -> Double {
        let u = pow(Constants.muonMass / mass, 2), ratio = mass / Constants.muonMass
        switch (mediator, heavy) {
        case (.vector, false): return -Double.pi * ratio
        case (.scalar, false): return -2 * Double.pi / 3 * ratio
        case (.vector, true): return u * (3 * log(u) + 25.0 / 4)
        case (.scalar, true): return u * (3 * log(1 / u) - 13.0 / 4) / (log(1 / u) - 7.0 / 6)
        }
    }
}

extension QuantityRegistry {
    static let g2Asymptote = Quantity(
        "g2.asymptote",
        "004 Eqs. (58)-(59) in the limits M ≪ m_μ and M ≫ m_μ: (δa/asymptote − 1) over the derived leading correction, which tends to 1 in the limit (closed-form δa vs GSL quadrature)",
        units: "dimensionless",
        inputs: [InputSpec("mediator", .choice(Mediator.allCases.map(\.rawValue)), "vector or scalar"),
                 InputSpec("regime", .choice(["light", "heavy"]), "M ≪ m_μ (light) or M ≫ m_μ (heavy)"),
                 InputSpec("mass", .energy, "mediator mass M (well below or above m_μ)")],
        closed: { v in try v.asymptoteDeviation { try MuonG2.deltaA($0, g: 1, mass: $1) } },
        numerical: { v in try v.asymptoteDeviation { try MuonG2Quadrature.deltaA($0, g: 1, mass: $1) } },
        // The quadrature's 1e-11 is divided by the correction (~1e-6): 1e-4 relative.
        agreement: { _ in .tolerance(relative: 1e-4, absolute: 0) })
}

extension InputValues {
    func asymptoteDeviation(_ deltaA: (Mediator, Double) throws -> Double) throws -> Double {
        let mediator = try Mediator.parse(try text("mediator")), heavy = try choice("regime") == "heavy", mass = try energy("mass")
        try requirePositive(mass,
            "mediator mass")  // the leading correction vanishes at M = 0: the ratio is the limit itself
        guard heavy ? mass > 10 * Constants.muonMass : mass < Constants.muonMass / 10 else {
            throw PhysicsError.notApplicable("the \(heavy ? "heavy" : "light") limit needs M \(heavy ? "> 10" : "< 0.1") m_μ, got \(mass) MeV")
        }
        let exact = try deltaA(mediator, mass), asymptote = MuonG2Expansion.asymptote(mediator, heavy: heavy,
            mass: mass)
        return (exact / asymptote - 1) / MuonG2Expansion.leadingCorrection(mediator, heavy: heavy, mass: mass)
    }
}
