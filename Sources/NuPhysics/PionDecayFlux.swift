import Foundation

/// The three neutrino components of a π⁺ decay-at-rest source, 004 Eqs. (1)-(3), each normalised
/// to one neutrino (∫φ dE = 1; the experiment's η = r N_POT/(4πL²) multiplies all three):
///
///     ν_μ  (prompt):  δ(E − (m_π² − m_μ²)/(2m_π))
///     ν̄_μ (delayed): (64E²/m_μ³)(3/4 − E/m_μ)
///     ν_e  (delayed): (192E²/m_μ³)(1/2 − E/m_μ),   0 ≤ E ≤ m_μ/2.   E in MeV, φ in MeV⁻¹.
public enum PionDecayFlux {
    public static let components: [Flavor] = [.numu, .numubar, .nue]

    public static var promptEnergy: Double {
        (Constants.chargedPionMass * Constants.chargedPionMass - Constants.muonMass * Constants.muonMass)
            / (2
                * Constants.chargedPionMass)
    }
    public static var maximumEnergy: Double { Constants.muonMass / 2 }

    /// φ(E) of a delayed component (MeV⁻¹); the prompt line has no density.
    public static func delayedSpectrum(_ flavor: Flavor, energy e: Double) -> Double {
        let m = Constants.muonMass
        guard e >= 0, e <= m / 2 else { return 0 }
        switch (flavor.lepton, flavor.isAntineutrino) {
        case (.mu, true): return 64 * e * e / (m * m * m) * (0.75 - e / m)
        case (.e, false): return 192 * e * e / (m * m * m) * (0.5 - e / m)
        default: return 0
        }
    }

    /// η = r N_POT/(4πL²) in cm⁻² for r neutrinos per flavour per proton, N_POT protons, baseline L (m).
    public static func normalization(
        perFlavorPerPOT r: Double, protonsOnTarget n: Double,
        baseline l: Double
    ) -> Double {
        r * n / (4 * Double.pi * pow(l * 100, 2))
    }

    /// The smallest neutrino energy that can give a nuclear recoil T (MeV) on mass M:
    /// E_min = (T + √(T² + 2MT))/2 (004 writes the non-relativistic √(MT/2)).
    public static func minimumEnergy(recoil t: Double, nucleusMass m: Double) -> Double {
        (t + (t * t + 2 * m * t).squareRoot()) / 2
    }

    public static func validate(_ flavor: Flavor) throws {
        guard components.contains(flavor) else {
            throw PhysicsError.notApplicable("a π-DAR source emits ν_μ, ν̄_μ and ν_e only, not \(flavor)")
        }
    }
}

/// Arrival-time model of a π-DAR source: the proton pulse is a Gaussian (mean μ, width σ, ns);
/// ν_μ follow it with the pion lifetime, ν̄_μ and ν_e with the pion and then the muon lifetime.
public struct ArrivalTimeModel: Sendable {
    public let mean: Double
    public let width: Double
    /// τ_π = 26.033 ns, τ_μ = 2196.9811 ns (PDG 2020).
    public let pionLifetime: Double
    public let muonLifetime: Double

    public init(mean: Double, width: Double, pionLifetime: Double = 26.033, muonLifetime: Double = 2196.9811) throws {
        guard mean.isFinite, width.isFinite, width > 0, pionLifetime > 0, muonLifetime > pionLifetime else {
            throw PhysicsError.unphysical("arrival-time model needs a finite mean, a positive width and 0 < τ_π < τ_μ")
        }
        self.mean = mean
        self.width = width
        self.pionLifetime = pionLifetime
        self.muonLifetime = muonLifetime
    }
}
