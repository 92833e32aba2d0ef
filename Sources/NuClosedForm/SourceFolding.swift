import Foundation
import NuPhysics

/// The energy side of a projected CEvNS rate on the closed path. For a vector mediator dσ/dT =
/// (G_F²M/π)(1 − MT/(2E²)) Q(T)² (004 Eq. (10)), so a source enters only through
///
///     I(T) = Φ_f ∫ φ_f(E) (1 − MT/(2E²)) dE   over E ≥ E_min(T) = (T + √(T² + 2MT))/2,
///
/// in cm⁻² s⁻¹ (φ_f normalised to one neutrino). π-DAR: `FluxFolding.energyIntegrals`'s polynomials.
/// Reactor: φ = Φ S/∫₀^{E_hi} S_fit (`ReactorSpectrum`), both integrals by adaptive Gauss-Legendre
/// (pure Swift), split where S is not smooth. T and M in MeV.
public enum SourceFolding {
    /// ∫₀^{E_hi} S_fit(E) dE, antineutrinos per fission of the fuel mix, by adaptive Gauss-Legendre.
    public static func reactorNormalisation(_ s: ReactorSpectrum) throws -> Double {
        try GaussLegendre.adaptive(from: 0, to: s.maximumEnergy) { s.perFissionExtrapolated($0) }
    }

    /// I(T) for one flavour of the source (cm⁻² s⁻¹). `normalisation` is `reactorNormalisation` of
    /// a reactor's spectrum (unused for π-DAR). 0 where no energy of the source reaches T.
    public static func kinematicIntegral(
        _ source: NeutrinoSource, _ flavor: Flavor, recoil t: Double, nucleusMass m: Double,
        normalisation: Double
    ) throws -> Double {
        let flux = source.flux(flavor)
        guard flux > 0 else { return 0 }
        switch source {
        case .pionDecayAtRest:
            return flux * FluxFolding.energyIntegrals(flavor, recoil: t, nucleusMass: m).kinematic
        case .reactor(let s):
            let eMin = PionDecayFlux.minimumEnergy(recoil: t, nucleusMass: m)
            guard eMin < s.maximumEnergy else { return 0 }
            let k = m * t / 2
            let integral = try piecewise(from: eMin, to: s.maximumEnergy, breaks: s.breakpoints) { e in
                s.perFission(e) * (1 - k / (e * e))
            }
            return flux * integral / normalisation
        }
    }

    /// ∫_a^b f, adaptive Gauss-Legendre on the pieces between the break points inside (a, b).
    static func piecewise(
        from a: Double, to b: Double, breaks: [Double], _ f: (Double) throws -> Double
    ) throws -> Double {
        let cuts = [a] + breaks.filter { $0 > a && $0 < b }.sorted() + [b]
        var sum = 0.0
        for i in 0..<(cuts.count - 1) { sum += try GaussLegendre.adaptive(from: cuts[i], to: cuts[i + 1], f) }
        return sum
    }
}
