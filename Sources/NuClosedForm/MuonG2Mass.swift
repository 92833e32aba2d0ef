import Foundation
import NuPhysics

extension MuonG2 {
    /// The mediator mass M (MeV) at which coupling g gives δa_μ = Δa_μ: the root of
    /// ln δa(M) − ln Δa in ln M on [10⁻⁴, 10⁶] MeV (δa falls monotonically with M), by bisection
    /// to 1e-14 in ln M, i.e. 1e-14 relative in M. Δa_μ > 0, g ≠ 0.
    public static func mass(_ kind: Mediator, g: Double, deltaA target: Double) throws -> Double {
        try requirePositive(target, "Δa_μ", unit: "")
        let (lightest, heaviest) = (1e-4, 1e6)
        let reach = try deltaA(kind, g: g, mass: lightest)
        let floor = try deltaA(kind, g: g, mass: heaviest)
        guard reach >= target, floor <= target else {
            throw PhysicsError.unphysical(
                "no mass in [\(lightest), \(heaviest)] MeV gives δa_μ = \(target) with g = "
                    + "\(g): δa_μ runs from \(reach) to \(floor)")
        }
        let logM = try BracketingRoot.bisect(
            { lm in log(try deltaA(kind, g: g, mass: exp(lm))) - log(target) },
            lower: log(lightest), upper: log(heaviest), absoluteTolerance: 1e-14)
        return exp(logM)
    }
}
