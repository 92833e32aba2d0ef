import Foundation
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
public enum MuonG2Expansion {
    /// The limiting δa_μ/g² of 004 Eqs. (58)-(59) (dimensionless) at mass M (MeV), light or heavy.
    public static func asymptote(_ mediator: Mediator, heavy: Bool, mass: Double) -> Double {
        let u = pow(Constants.muonMass / mass, 2)
        switch (mediator, heavy) {
        case (.vector, false): return 1 / (8 * Double.pi * Double.pi)
        case (.scalar, false): return 3 / (16 * Double.pi * Double.pi)
        case (.vector, true): return u / (12 * Double.pi * Double.pi)
        case (.scalar, true): return u * (log(1 / u) - 7.0 / 6) / (8 * Double.pi * Double.pi)
        }
    }

    /// The leading relative correction to `asymptote` at mass M (MeV), derived from the integrals.
    public static func leadingCorrection(_ mediator: Mediator, heavy: Bool, mass: Double) -> Double {
        let u = pow(Constants.muonMass / mass, 2)
        let ratio = mass / Constants.muonMass
        switch (mediator, heavy) {
        case (.vector, false): return -Double.pi * ratio
        case (.scalar, false): return -2 * Double.pi / 3 * ratio
        case (.vector, true): return u * (3 * log(u) + 25.0 / 4)
        case (.scalar, true): return u * (3 * log(1 / u) - 13.0 / 4) / (log(1 / u) - 7.0 / 6)
        }
    }
}

extension MuonG2Expansion {
    /// (δa/asymptote − 1)/leading correction for a given δa(M) at g = 1: tends to 1 in the limit.
    /// M > 0 (the correction vanishes at M = 0, where the ratio is the limit itself); the light
    /// limit needs M < m_μ/10, the heavy one M > 10 m_μ.
    public static func deviation(
        _ mediator: Mediator, heavy: Bool, mass: Double,
        deltaA: (Mediator, Double) throws -> Double
    ) throws -> Double {
        try requirePositive(mass, "mediator mass")
        guard heavy ? mass > 10 * Constants.muonMass : mass < Constants.muonMass / 10 else {
            throw PhysicsError.notApplicable(
                "the \(heavy ? "heavy" : "light") limit needs M "
                    + "\(heavy ? "> 10" : "< 0.1") m_μ, got \(mass) MeV")
        }
        let exact = try deltaA(mediator, mass)
        return (exact / asymptote(mediator, heavy: heavy, mass: mass) - 1)
            / leadingCorrection(mediator, heavy: heavy, mass: mass)
    }
}
