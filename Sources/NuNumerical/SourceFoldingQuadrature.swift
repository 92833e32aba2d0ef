import Foundation
import GSLKit
import NuPhysics

/// The energy side of a projected CEvNS rate on the numerical path: I(T) = Φ_f ∫ φ_f(E)(1 − MT/(2E²)) dE
/// over E ≥ E_min(T) (cm⁻² s⁻¹), by GSL QAGS/QAGP of the spectra themselves: π-DAR's delayed
/// spectra of 004 Eqs. (2)-(3) (the prompt line as its value at the line), the reactor's
/// Φ S(E)/∫₀^{E_hi} S_fit with its normalisation by QAGS too. Independent of the closed path's polynomials
/// and Gauss-Legendre. T and M in MeV.
public enum SourceFoldingQuadrature {
    /// Relative tolerance of each energy integral: the paths' rates are compared at 1e-8.
    public static let relativeTolerance = 1e-11

    /// ∫₀^{E_hi} S_fit(E) dE, antineutrinos per fission of the fuel mix, by QAGS.
    public static func reactorNormalisation(_ s: ReactorSpectrum) throws -> Double {
        try Quadrature.integrate(
            { s.perFissionExtrapolated($0) }, from: 0, to: s.maximumEnergy, relativeTolerance: relativeTolerance
        ).value
    }

    /// I(T) for one flavour (cm⁻² s⁻¹); `normalisation` as `reactorNormalisation` (unused for π-DAR).
    public static func kinematicIntegral(
        _ source: NeutrinoSource, _ flavor: Flavor, recoil t: Double, nucleusMass m: Double,
        normalisation: Double
    ) throws -> Double {
        let flux = source.flux(flavor)
        guard flux > 0 else { return 0 }
        let k = m * t / 2
        let eMin = (t + (t * t + 2 * m * t).squareRoot()) / 2
        switch source {
        case .pionDecayAtRest:
            if flavor == .numu {
                let e = PionDecayFlux.promptEnergy
                return e >= eMin ? flux * (1 - k / (e * e)) : 0
            }
            let eMax = PionDecayFlux.maximumEnergy
            guard eMin < eMax else { return 0 }
            return flux
                * (try Quadrature.integrate(
                    { e in PionDecayFlux.delayedSpectrum(flavor, energy: e) * (1 - k / (e * e)) }, from: eMin,
                    to: eMax, relativeTolerance: relativeTolerance
                ).value)
        case .reactor(let s):
            guard eMin < s.maximumEnergy else { return 0 }
            let breaks = s.breakpoints.filter { $0 > eMin && $0 < s.maximumEnergy }
            let integral = try Quadrature.integrate(
                { e in s.perFission(e) * (1 - k / (e * e)) }, from: eMin, to: s.maximumEnergy, breakpoints: breaks,
                relativeTolerance: relativeTolerance
            ).value
            return flux * integral / normalisation
        }
    }
}
