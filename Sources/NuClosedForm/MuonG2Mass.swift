import Foundation
import NuPhysics

extension MuonG2 {
    /// The mediator mass M (MeV) at which coupling g gives δa_μ = Δa_μ: the root of
    /// ln δa(M) − ln Δa in ln M on [10⁻⁴, 10⁶] MeV (δa falls monotonically with M), by bisection
    /// to 1e-14 in ln M, i.e. 1e-14 relative in M. Δa_μ > 0, g ≠ 0.
    public static func mass(_ kind: Mediator, g: Double, deltaA target: Double) throws -> Double {
        try requirePositive(target, "Δa_μ", unit: "")
        let (lightest, heaviest) = (MuonG2MassWindow.lightest, MuonG2MassWindow.heaviest)
        let reach = try deltaA(kind, g: g, mass: lightest)
        let floor = try deltaA(kind, g: g, mass: heaviest)
        try MuonG2MassWindow.requireRoot(reach: reach, floor: floor, target: target, g: g)
        let logM = try BracketingRoot.bisect(
            { lm in log(try deltaA(kind, g: g, mass: exp(lm))) - log(target) },
            lower: log(lightest), upper: log(heaviest), absoluteTolerance: 1e-14)
        return exp(logM)
    }
}
