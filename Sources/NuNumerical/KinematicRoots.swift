import Foundation
import GSLKit
import NuPhysics

/// Kinematic end points found by GSL root finding of energy-momentum conservation, independent
/// of the printed closed forms. Energies in MeV.
public enum KinematicRoots {
    /// Neutrino energy E of π⁺ → μ⁺ν_μ at rest: root of E + √(E² + m_μ²) − m_π = 0.
    public static func promptLine() throws -> Double {
        let mPi = Constants.chargedPionMass
        let mMu = Constants.muonMass
        return try RootFinding.brent(
            { e in e + (e * e + mMu * mMu).squareRoot() - mPi },
            lower: 0, upper: mPi, relativeTolerance: 1e-15)
    }

    /// Largest ν energy in μ⁺ → e⁺ν_eν̄_μ at rest: the other two leptons recoil together with
    /// their smallest invariant mass, m_e, so E + √(E² + m_e²) = m_μ. Includes the electron
    /// mass, which the printed m_μ/2 neglects (they differ by m_e²/(2m_μ) ≈ 1.2 keV).
    public static func muonDecayEndpoint() throws -> Double {
        let mMu = Constants.muonMass
        let mE = Constants.electronMass
        return try RootFinding.brent(
            { e in e + (e * e + mE * mE).squareRoot() - mMu },
            lower: 0, upper: mMu, relativeTolerance: 1e-15)
    }

    /// Largest electron recoil T for a massless neutrino of energy E: the T at which the electron
    /// goes forward, cos θ_e = (E + m)/E · √(T/(T + 2m)) = 1, solved in the squared form
    /// (E + m)²T = E²(T + 2m), i.e. (2E + m)T − 2E² = 0 after cancelling m·T·… (cos θ_e itself is
    /// flat near 1 at high E, and the unsimplified square cancels to m/E, both of which cost
    /// digits of the root).
    public static func maximumRecoil(energy: Double, targetMass m: Double = Constants.electronMass) throws -> Double {
        try requirePositive(energy, "neutrino energy")
        try requirePositive(m, "target mass")
        return try RootFinding.brent(
            { t in (2 * energy + m) * t - 2 * energy * energy },
            lower: 0, upper: 2 * energy, relativeTolerance: 1e-15)
    }

    /// The coupling rescaling between the half and full Z' coefficient conventions of 004
    /// Appendix A, found as the root g' of half(g') − full(g = 1) = 0, with
    /// full(g) = g²/(√2G_F(q² + M²)) and half(g) = g²/(2√2G_F(q² + M²)).
    public static func halfConventionRescaling(mass: Double, q: Double) throws -> Double {
        try requireNonNegative(mass, "mediator mass")
        try requireNonNegative(q, "momentum transfer q")
        let propagator = 2.0.squareRoot() * Constants.fermiConstant * (q * q + mass * mass)
        guard propagator > 0 else { throw PhysicsError.unphysical("q = M = 0 makes the propagator infinite") }
        let full = 1 / propagator
        return try RootFinding.brent(
            { g in g * g / (2 * propagator) / full - 1 },
            lower: 1e-3, upper: 1e3, relativeTolerance: 1e-15)
    }
}
