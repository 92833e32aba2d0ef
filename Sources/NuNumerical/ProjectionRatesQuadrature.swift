import Foundation
import GSLKit
import NuPhysics

/// The events of a projected CEvNS detector in each recoil bin on the numerical path, as
/// N_SM + a g² + b g⁴: the recoil integrals of (G_F²M/π) I(T) × (Q_SM², 2Q_SM X₁, X₁²) by GSL QAGP
/// (break points where I(T) is not smooth), with I(T) by `SourceFoldingQuadrature`, Q_SM and the
/// Z' part X₁ (at g = 1, computed directly, not as a difference) by `CEvNSNumerical.weakCharge`
/// with form factors by quadrature of the nuclear densities, once per recoil. Counts dimensionless.
public enum ProjectionRatesQuadrature {
    /// Relative tolerance of each recoil integral.
    public static let relativeTolerance = 1e-10

    /// (N_SM, a, b) per bin of the detector; a = b = 0 without a model.
    public static func binCoefficients(
        _ detector: ProjectionDetector, model: VectorModel?, mass: Double,
        convention: CoefficientConvention = .full, loop: LoopMixingMode = .exact
    ) throws -> [(standardModel: Double, a: Double, b: Double)] {
        if model != nil { try requirePositive(mass, "mediator mass") }
        var normalisation = 1.0
        if case .reactor(let s) = detector.source {
            normalisation = try SourceFoldingQuadrature.reactorNormalisation(s)
        }
        return try detector.binSums { flavor, nucleus, lo, hi in
            try binTerm(
                detector.source, flavor, nucleus, from: lo, to: hi, model: model, mass: mass,
                convention: convention, loop: loop, normalisation: normalisation)
        }
    }

    static func binTerm(
        _ source: NeutrinoSource, _ flavor: Flavor, _ nucleus: Nucleus, from lo: Double, to hi: Double,
        model: VectorModel?, mass: Double, convention: CoefficientConvention, loop: LoopMixingMode,
        normalisation: Double
    ) throws -> (Double, Double, Double) {
        let m = nucleus.mass
        let eMax = source.maximumEnergy
        let top = min(hi, 2 * eMax * eMax / (m + 2 * eMax))
        guard lo < top, source.flux(flavor) > 0 else { return (0, 0, 0) }
        var cache: [Double: (Double, Double, Double)] = [:]
        func values(_ t: Double) throws -> (Double, Double, Double) {
            if let hit = cache[t] { return hit }
            let i = try SourceFoldingQuadrature.kinematicIntegral(
                source, flavor, recoil: t, nucleusMass: m, normalisation: normalisation)
            var v = (0.0, 0.0, 0.0)
            if i != 0 {
                let k = Constants.fermiConstant * Constants.fermiConstant * m / Double.pi * i
                let sm = try CEvNSPoint(
                    nucleus: nucleus, flavor: flavor, energy: eMax, recoil: t, convention: convention,
                    formFactor: .helm, loop: loop)
                let f = try CEvNSNumerical.nucleonFormFactors(sm)
                let qSM = try CEvNSNumerical.weakCharge(sm, formFactors: f)
                var x = 0.0
                if let model {
                    let zPrime = try CEvNSPoint(
                        nucleus: nucleus, flavor: flavor, energy: eMax, recoil: t,
                        mediator: .vector(model: model, g: 1, mass: mass), convention: convention,
                        formFactor: .helm, loop: loop)
                    x = try CEvNSNumerical.weakCharge(zPrime, formFactors: f, standardModel: false)
                }
                v = (k * qSM * qSM, k * 2 * qSM * x, k * x * x)
            }
            cache[t] = v
            return v
        }
        let breaks = kinks(source, nucleusMass: m).filter { $0 > lo && $0 < top }
        func integrate(_ part: @escaping ((Double, Double, Double)) -> Double) throws -> Double {
            try Quadrature.integrate(
                { t in part(try values(t)) }, from: lo, to: top, breakpoints: breaks,
                relativeTolerance: relativeTolerance
            ).value
        }
        let sm = try integrate { $0.0 }
        guard model != nil else { return (sm, 0, 0) }
        return (sm, try integrate { $0.1 }, try integrate { $0.2 })
    }

    /// Recoils (MeV) where I(T) is not smooth, from the kinematics directly: 2E²/(M + 2E) at the
    /// prompt line (π-DAR) or at the reactor spectrum's fit edge (when not extrapolated below it).
    static func kinks(_ source: NeutrinoSource, nucleusMass m: Double) -> [Double] {
        let energies: [Double]
        switch source {
        case .pionDecayAtRest: energies = [PionDecayFlux.promptEnergy]
        case .reactor(let s): energies = s.breakpoints
        }
        return energies.map { 2 * $0 * $0 / (m + 2 * $0) }
    }
}
