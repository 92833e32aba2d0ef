import Foundation
import GSLKit
import NuPhysics

/// The π-DAR flux folded with the numerical-path CEvNS cross section by GSL quadrature over the
/// neutrino energy, and the arrival-time distributions by quadrature of the convolution integrals.
/// Independent of the closed-form polynomials.
public enum FluxFoldingQuadrature {
    /// Relative tolerance of the energy quadrature. The paths are compared at 1e-8 (grid
    /// `grid.flux.fold`); 1e-9 leaves a factor 10 for the form factors' own quadrature (1e-11) and
    /// rounding. The integrand is a polynomial spectrum times 1 − MT/(2E²): QAGS meets it in one or
    /// two 21-point rules.
    public static let relativeTolerance = 1e-9

    /// ∫ φ_ν(E) dσ/dT(E, T) dE over [E_min(T), m_μ/2] (MeV⁻³ per neutrino); the prompt line is the
    /// cross section at the line's energy when it can reach T.
    public static func averagedCrossSection(_ flavor: Flavor, _ p: CEvNSPoint) throws -> Double {
        try averagedCrossSections([flavor], p)[0]
    }

    /// The same for several components at the point's recoil; the form factors, which depend on the
    /// recoil only, are computed once (by quadrature of the densities) and shared by the flavours.
    public static func averagedCrossSections(_ flavors: [Flavor], _ p: CEvNSPoint) throws -> [Double] {
        for flavor in flavors { try PionDecayFlux.validate(flavor) }
        let m = p.nucleus.mass
        let eMin = PionDecayFlux.minimumEnergy(recoil: p.recoil, nucleusMass: m)
        let eMax = PionDecayFlux.maximumEnergy
        guard eMin < eMax else { return flavors.map { _ in 0 } }
        let formFactors = try CEvNSNumerical.nucleonFormFactors(p)
        return try flavors.map { flavor in
            let at = try CEvNSPoint(
                nucleus: p.nucleus, flavor: flavor, energy: eMax, recoil: p.recoil,
                mediator: p.mediator,
                convention: p.convention, formFactor: p.formFactor, loop: p.loop)
            let charges = try CEvNSNumerical.charges(at, formFactors: formFactors)
            if flavor == .numu {
                let e = PionDecayFlux.promptEnergy
                return p.recoil <= Kinematics.maximumRecoil(energy: e, targetMass: m)
                    ? CEvNSNumerical.differentialCrossSection(energy: e, at, charges: charges) : 0
            }
            return try Quadrature.integrate(
                { e in
                    PionDecayFlux.delayedSpectrum(flavor, energy: e)
                        * CEvNSNumerical.differentialCrossSection(
                            energy: e,
                            at, charges: charges)
                }, from: eMin, to: eMax, relativeTolerance: relativeTolerance
            ).value
        }
    }

    /// Arrival-time density (ns⁻¹) by quadrature of the convolution of the Gaussian pulse with the
    /// decay-time density: one exponential for ν_μ, the two-exponential chain for ν̄_μ and ν_e.
    public static func density(_ flavor: Flavor, _ model: ArrivalTimeModel, time t: Double) throws -> Double {
        let tp = model.pionLifetime
        let tm = model.muonLifetime
        let decay: (Double) -> Double =
            flavor == .numu
            ? { s in exp(-s / tp) / tp }
            : { s in (exp(-s / tm) - exp(-s / tp)) / (tm - tp) }
        let gauss: (Double) -> Double = { x in
            exp(-(x - model.mean) * (x - model.mean) / (2 * model.width * model.width))
                / (model.width
                    * (2 * Double.pi)
                    .squareRoot())
        }
        // The Gaussian confines t − s to μ ± 12σ.
        let lo = max(0, t - model.mean - 12 * model.width)
        let hi = t - model.mean + 12 * model.width
        guard hi > lo else { return 0 }
        return try Quadrature.integrate(
            { s in gauss(t - s) * decay(s) }, from: lo, to: hi,
            absoluteTolerance: 1e-16, relativeTolerance: 1e-11
        ).value
    }

    /// Fraction of arrivals in [start, end) (ns), by QAGS of `density`.
    public static func fraction(
        _ flavor: Flavor, _ model: ArrivalTimeModel, from start: Double,
        to end: Double
    ) throws -> Double {
        try Quadrature.integrate(
            { t in try density(flavor, model, time: t) }, from: start, to: end,
            breakpoints: [model.mean], absoluteTolerance: 1e-13, relativeTolerance: 1e-10
        ).value
    }
}
