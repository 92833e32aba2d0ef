import Foundation
import NuPhysics

/// The events of a projected CEvNS detector in each recoil bin, on the closed path, as the exact
/// quadratic in g² a vector Z' makes of them: Q = Q_SM + g²X₁ (X₁: the Z' part at g = 1), so
///
///     N_bin = c Σ_i w_i Σ_f ∫_bin (G_F²M_i/π) I_f(T) [Q_SM² + 2g² Q_SM X₁ + g⁴ X₁²] dT
///           = N_SM + a g² + b g⁴,
///
/// with I_f the source's kinematic integral (`SourceFolding`), Q from 004 Eqs. (11), (12), (16),
/// (28) with Helm form factors (`CEvNS.weakCharge`), w_i the target's weights and c the detector's
/// `eventsPerRate`. Each of the three recoil integrals is adaptive Gauss-Legendre (pure Swift),
/// split where I_f is not smooth: the prompt line's endpoint (a step) and the recoil at which
/// E_min(T) reaches the reactor spectrum's fit edge. Counts dimensionless; M in MeV.
public enum ProjectionRates {
    /// (N_SM, a, b) per bin of the detector; a = b = 0 without a model.
    public static func binCoefficients(
        _ detector: ProjectionDetector, model: VectorModel?, mass: Double,
        convention: CoefficientConvention = .full, loop: LoopMixingMode = .exact
    ) throws -> [(standardModel: Double, a: Double, b: Double)] {
        if model != nil { try requirePositive(mass, "mediator mass") }
        var normalisation = 1.0
        if case .reactor(let s) = detector.source { normalisation = try SourceFolding.reactorNormalisation(s) }
        return try detector.binSums { flavor, nucleus, lo, hi in
            try binTerm(
                detector.source, flavor, nucleus, from: lo, to: hi, model: model, mass: mass,
                convention: convention, loop: loop, normalisation: normalisation)
        }
    }

    /// ∫ over [lo, hi] ∩ [0, T_max] of (G_F²M/π) I(T) × (Q_SM², 2Q_SM X₁, X₁²) for one nucleus and
    /// flavour (MeV⁻² cm⁻² s⁻¹ per nucleus).
    static func binTerm(
        _ source: NeutrinoSource, _ flavor: Flavor, _ nucleus: Nucleus, from lo: Double, to hi: Double,
        model: VectorModel?, mass: Double, convention: CoefficientConvention, loop: LoopMixingMode,
        normalisation: Double
    ) throws -> (Double, Double, Double) {
        let m = nucleus.mass
        let top = min(hi, Kinematics.maximumRecoil(energy: source.maximumEnergy, targetMass: m))
        guard lo < top, source.flux(flavor) > 0 else { return (0, 0, 0) }
        let cache = NodeCache()
        func values(_ t: Double) throws -> (Double, Double, Double) {
            if let hit = cache.values[t] { return hit }
            let i = try SourceFolding.kinematicIntegral(
                source, flavor, recoil: t, nucleusMass: m, normalisation: normalisation)
            var v = (0.0, 0.0, 0.0)
            if i != 0 {
                let k = Constants.fermiConstant * Constants.fermiConstant * m / Double.pi * i
                func point(_ mediator: CEvNSMediator) throws -> CEvNSPoint {
                    try CEvNSPoint(
                        nucleus: nucleus, flavor: flavor, energy: source.maximumEnergy, recoil: t, mediator: mediator,
                        convention: convention, formFactor: .helm, loop: loop)
                }
                let qSM = CEvNS.weakCharge(try point(.none))
                let x = try model.map { CEvNS.weakCharge(try point(.vector(model: $0, g: 1, mass: mass))) - qSM } ?? 0
                v = (k * qSM * qSM, k * 2 * qSM * x, k * x * x)
            }
            cache.values[t] = v
            return v
        }
        let breaks = recoilBreaks(source, nucleusMass: m).filter { $0 > lo && $0 < top }.sorted()
        let cuts = [lo] + breaks + [top]
        var sums = (0.0, 0.0, 0.0)
        for j in 0..<(cuts.count - 1) {
            sums.0 += try GaussLegendre.adaptive(from: cuts[j], to: cuts[j + 1]) { try values($0).0 }
            guard model != nil else { continue }
            sums.1 += try GaussLegendre.adaptive(from: cuts[j], to: cuts[j + 1]) { try values($0).1 }
            sums.2 += try GaussLegendre.adaptive(from: cuts[j], to: cuts[j + 1]) { try values($0).2 }
        }
        return sums
    }

    /// Recoils (MeV) where the source's I(T) is not smooth for a nucleus of mass M: the prompt ν_μ
    /// line's endpoint (π-DAR) or the endpoint of the reactor spectrum's fit edge (when below it the
    /// fit is not extrapolated).
    public static func recoilBreaks(_ source: NeutrinoSource, nucleusMass m: Double) -> [Double] {
        switch source {
        case .pionDecayAtRest:
            return [Kinematics.maximumRecoil(energy: PionDecayFlux.promptEnergy, targetMass: m)]
        case .reactor(let s):
            return s.breakpoints.map { Kinematics.maximumRecoil(energy: $0, targetMass: m) }
        }
    }

    /// The integrand's values at the nodes already evaluated: the three integrals share most nodes.
    private final class NodeCache {
        var values: [Double: (Double, Double, Double)] = [:]
    }
}
