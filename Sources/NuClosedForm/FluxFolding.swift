import Foundation
import NuPhysics

/// The π-DAR flux folded with the CEvNS cross section in closed form: the recoil dependence of
/// dσ/dT sits in Q(T)² and the form factors, so
///
///     ∫ φ_ν(E) dσ/dT dE = (G_F²M/π) Q_ν(T)² ∫ φ_ν (1 − MT/(2E²)) dE + [scalar]·∫ φ_ν/E² dE
///
/// over E ≥ E_min(T) = (T + √(T² + 2MT))/2, and the energy integrals of the polynomial spectra of
/// 004 Eqs. (1)-(3) are polynomials in E. MeV⁻³ per neutrino of the component.
public enum FluxFolding {
    /// ∫ φ_ν (1 − k/E²) dE and ∫ φ_ν/E² dE over [E_min, m_μ/2], k = MT/2.
    public static func energyIntegrals(
        _ flavor: Flavor, recoil t: Double,
        nucleusMass m: Double
    ) -> (kinematic: Double, inverseSquare: Double) {
        let eMin = PionDecayFlux.minimumEnergy(recoil: t, nucleusMass: m)
        let eMax = PionDecayFlux.maximumEnergy
        let k = m * t / 2
        let mu = Constants.muonMass
        let norm = 1 / (mu * mu * mu)
        if flavor == .numu {
            let e = PionDecayFlux.promptEnergy
            return e >= eMin ? (1 - k / (e * e), 1 / (e * e)) : (0, 0)
        }
        guard eMin < eMax else { return (0, 0) }
        func bracket(_ f: (Double) -> Double) -> Double { f(eMax) - f(eMin) }
        if flavor == .numubar {
            return (
                64 * norm
                    * bracket { e in
                        e * e * e / 4 - e * e * e * e / (4 * mu) - 0.75 * k * e + k / (2 * mu)
                            * e * e
                    },
                64 * norm * bracket { e in 0.75 * e - e * e / (2 * mu) }
            )
        }
        return (
            192 * norm
                * bracket { e in
                    e * e * e / 6 - e * e * e * e / (4 * mu) - 0.5 * k * e + k / (2 * mu) * e
                        * e
                },
            192 * norm * bracket { e in 0.5 * e - e * e / (2 * mu) }
        )
    }

    /// Flux-averaged dσ/dT (MeV⁻³ per neutrino) of one component at recoil T for the point's
    /// nucleus, mediator and options (the point's own energy is not used).
    public static func averagedCrossSection(_ flavor: Flavor, _ p: CEvNSPoint) throws -> Double {
        try PionDecayFlux.validate(flavor)
        let (kinematic, inverseSquare) = energyIntegrals(flavor, recoil: p.recoil, nucleusMass: p.nucleus.mass)
        if kinematic == 0 && inverseSquare == 0 { return 0 }
        let at = try CEvNSPoint(
            nucleus: p.nucleus, flavor: flavor, energy: PionDecayFlux.maximumEnergy,
            recoil: p.recoil,
            mediator: p.mediator, convention: p.convention, formFactor: p.formFactor, loop: p.loop)
        let q = CEvNS.weakCharge(at)
        let m = p.nucleus.mass
        return Constants.fermiConstant * Constants.fermiConstant * m / Double.pi * q * q * kinematic
            + CEvNS.scalarTermTimesE2(at) * inverseSquare
    }
}

/// Arrival-time distributions in closed form: the Gaussian pulse convolved with one exponential
/// (prompt) is the exponentially modified Gaussian, with CDF
/// F(t; τ) = Φ(z) − exp(σ²/(2τ²) − (t−μ)/τ) Φ(z − σ/τ), z = (t − μ)/σ; with two (delayed), the
/// CDF is [τ_μ F(t; τ_μ) − τ_π F(t; τ_π)]/(τ_μ − τ_π). Times in ns.
public enum ArrivalTime {
    static func normalCDF(_ x: Double) -> Double { 0.5 * erfc(-x / 2.0.squareRoot()) }

    static func exGaussianCDF(_ t: Double, _ model: ArrivalTimeModel, tau: Double) -> Double {
        let z = (t - model.mean) / model.width
        let s = model.width / tau
        let tail = normalCDF(z - s)
        let correction = tail > 0 ? exp(s * s / 2 - (t - model.mean) / tau + log(tail)) : 0
        return normalCDF(z) - correction
    }

    /// P(t ≤ time) for the flavour's arrival time.
    public static func cumulative(_ flavor: Flavor, _ model: ArrivalTimeModel, time t: Double) -> Double {
        let tp = model.pionLifetime
        let tm = model.muonLifetime
        if flavor == .numu { return exGaussianCDF(t, model, tau: tp) }
        return (tm * exGaussianCDF(t, model, tau: tm) - tp * exGaussianCDF(t, model, tau: tp)) / (tm - tp)
    }

    /// Fraction of arrivals in [start, end) (ns).
    public static func fraction(
        _ flavor: Flavor, _ model: ArrivalTimeModel, from start: Double,
        to end: Double
    ) -> Double {
        cumulative(flavor, model, time: end) - cumulative(flavor, model, time: start)
    }
}
