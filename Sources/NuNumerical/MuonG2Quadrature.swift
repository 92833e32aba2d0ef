import Foundation
import GSLKit
import NuPhysics

/// Muon g−2 from a light boson, 004 Eqs. (58)-(59), by GSL quadrature; coupling and mass
/// that explain a given Δa_μ by GSL root finding.
public enum MuonG2Quadrature {
    /// δa_μ = g²/(8π²) ∫₀¹ Q(x)/(x² + (1−x)M²/m_μ²) dx by QAGS/QAGP (relative tolerance 1e-11).
    /// The denominator changes regime where x² ~ r(1−x), r = M²/m_μ²: near x = √r for r ≪ 1 and
    /// near 1 − x = 1/r for r ≫ 1; those points (and a decade either side) are break points.
    /// M ≥ 0 in MeV.
    public static func deltaA(_ kind: Mediator, g: Double, mass: Double) throws -> Double {
        try requireFinite(g, "coupling g")
        try requireNonNegative(mass, "mediator mass")
        let r = mass * mass / (Constants.muonMass * Constants.muonMass)
        let integrand: (Double) -> Double = { x in
            let numerator = kind == .vector ? 2 * x * x * (1 - x) : x * x * (2 - x)
            return numerator / (x * x + (1 - x) * r)
        }
        let knee = r < 1 ? r.squareRoot() : 1 - 1 / r
        let breaks = r < 1 ? [knee / 10, knee, knee * 10] : [1 - 10 / r, knee, 1 - 0.1 / r]
        let integral = try Quadrature.integrate(
            integrand, from: 0, to: 1,
            breakpoints: breaks.filter { $0 > 0 && $0 < 1 },
            absoluteTolerance: 0, relativeTolerance: 1e-11
        ).value
        return g * g / (8 * Double.pi * Double.pi) * integral
    }

    /// The coupling g > 0 that gives δa_μ = Δa_μ at mass M, by Brent root finding of
    /// ln δa(g) − ln Δa in ln g (δa grows monotonically with g).
    public static func coupling(_ kind: Mediator, mass: Double, deltaA target: Double) throws -> Double {
        try requirePositive(target, "Δa_μ", unit: "")
        let logTarget = Foundation.log(target)
        let logG = try RootFinding.brent(
            { lg in
                Foundation.log(try deltaA(kind, g: Foundation.exp(lg), mass: mass)) - logTarget
            }, lower: -40, upper: 10, relativeTolerance: 1e-14)
        return Foundation.exp(logG)
    }

    /// The mediator mass M (MeV) at which coupling g gives δa_μ = Δa_μ, by Brent root finding in
    /// ln M over `MuonG2MassWindow` ([1e-4, 1e6] MeV; δa falls monotonically with M). Throws when g is too small to
    /// reach Δa even for a massless mediator, or the root lies outside the bracket.
    public static func mass(_ kind: Mediator, g: Double, deltaA target: Double) throws -> Double {
        try requirePositive(target, "Δa_μ", unit: "")
        try requirePositive(abs(g), "|g|", unit: "")
        let logTarget = Foundation.log(target)
        let (lightest, heaviest) = (MuonG2MassWindow.lightest, MuonG2MassWindow.heaviest)
        let reach = try deltaA(kind, g: g, mass: lightest)
        let floor = try deltaA(kind, g: g, mass: heaviest)
        try MuonG2MassWindow.requireRoot(reach: reach, floor: floor, target: target, g: g)
        let logM = try RootFinding.brent(
            { lm in
                Foundation.log(try deltaA(kind, g: g, mass: Foundation.exp(lm))) - logTarget
            }, lower: Foundation.log(lightest), upper: Foundation.log(heaviest), relativeTolerance: 1e-14)
        return Foundation.exp(logM)
    }
}
