import Foundation
import NuPhysics

/// Total neutrino-electron cross section σ = ∫ dσ/dT dT over the recoil window
/// [T_min, T_max(E)], T_max = 2E²/(m_e + 2E), in closed form (MeV⁻²; × (ħc)² for cm²).
///
/// The integrand is the `Spectrum` of Eq. (3) and Eqs. (10)-(14) of 000:
/// P_SM(T) + P_int(T)/(2mT + M²) + P_Z'(T)/(2mT + M²)², whose integral is polynomial plus
/// logarithms ln(1 + 2mT/M²) (`PropagatorIntegrals`). For M = 0 the propagator is 1/(2mT) and
/// T_min must be > 0 (the integral diverges logarithmically and as 1/T_min otherwise).
///
/// For L_α − L_β the electron couples through the loop, g_Ve ∝ ε_βα(√(2mT)), which varies with T:
/// that total has no closed form. The closed path then integrates its closed-form dσ/dT (the
/// general form with ε in closed form) by 20-point Gauss-Legendre panels of width ≤ 1 in
/// v = ln(1 + 2mT/M²), where the propagators are smooth exponentials (the numerical path integrates
/// its own amplitude-level integrand, with ε by quadrature, by GSL QAGS).
public enum NuElectronTotal {
    public static func crossSection(
        _ flavor: Flavor, energy: Double, recoilMin: Double,
        recoilMax: Double? = nil, mediator: ZPrime = .none,
        sin2ThetaW: Double = Constants.defaultSin2ThetaW
    ) throws -> Double {
        let m = Constants.electronMass
        let tMax = Kinematics.maximumRecoil(energy: energy, targetMass: m)
        let upper = recoilMax ?? tMax
        try Kinematics.validateRecoil(recoilMin, energy: energy, targetMass: m)
        try Kinematics.validateRecoil(upper, energy: energy, targetMass: m)
        guard recoilMin <= upper else {
            throw PhysicsError.unphysical("recoil window is empty: T_min = \(recoilMin) MeV > T_max = \(upper) MeV")
        }
        guard sin2ThetaW.isFinite, sin2ThetaW > 0, sin2ThetaW < 1 else {
            throw PhysicsError.unphysical("sin²θ_W must lie in (0, 1), got \(sin2ThetaW)")
        }
        if mediator.electronLoop != nil {
            return try loopCrossSection(
                flavor, energy: energy, from: recoilMin, to: upper, mediator: mediator,
                sin2ThetaW: sin2ThetaW)
        }
        let spectrum = Spectrum(
            flavor, energy: energy, mediator: mediator, electron: mediator.coupling(.e),
            sin2ThetaW: sin2ThetaW)
        func polynomial(_ c: [Double], _ t: Double) -> Double { t * (c[0] + t * (c[1] / 2 + t * c[2] / 3)) }
        var sigma = polynomial(spectrum.standardModel, upper) - polynomial(spectrum.standardModel, recoilMin)
        if spectrum.isStandardModel { return sigma }

        let mass2 = mediator.mass * mediator.mass
        if mass2 == 0 {
            guard recoilMin > 0 else {
                throw PhysicsError.unphysical("a massless mediator needs T_min > 0: the integral diverges at T = 0")
            }
            // P(T)/(2mT) and P(T)/(2mT)²: powers T^{n−k}, with T⁻¹ giving ln(T_max/T_min).
            func power(_ p: Int, _ a: Double, _ b: Double) -> Double {
                switch p {
                case -2: return 1 / a - 1 / b
                case -1: return log(b / a)
                default: return (pow(b, Double(p + 1)) - pow(a, Double(p + 1))) / Double(p + 1)
                }
            }
            for (k, coefficients) in [(1, spectrum.interference), (2, spectrum.mediatorSquared)] {
                for n in 0...2 {
                    sigma += coefficients[n] / pow(2 * m, Double(k)) * power(n - k, recoilMin, upper)
                }
            }
            return sigma
        }
        let r = 2 * m / mass2
        for (k, coefficients) in [(1, spectrum.interference), (2, spectrum.mediatorSquared)] {
            let scale = k == 1 ? 1 / mass2 : 1 / (mass2 * mass2)
            for n in 0...2 {
                let integral = PropagatorIntegrals.definite(n: n, k: k, r: r, from: recoilMin, to: upper)
                sigma += coefficients[n] * scale * integral
            }
        }
        return sigma
    }

    /// ∫ dσ/dT dT in v = ln(1 + 2mT/M²): T = M² expm1(v)/(2m), dT/dv = (2mT + M²)/(2m)
    /// (for M = 0, v = ln(T/T_min)), written with log1p/expm1 so that a heavy mediator's short
    /// range of v loses no digits.
    static func loopCrossSection(
        _ flavor: Flavor, energy: Double, from a: Double, to b: Double,
        mediator: ZPrime, sin2ThetaW: Double
    ) throws -> Double {
        let m = Constants.electronMass
        let mass2 = mediator.mass * mediator.mass
        guard mass2 > 0 || a > 0 else {
            throw PhysicsError.unphysical("a massless mediator needs T_min > 0: the integral diverges at T = 0")
        }
        func v(_ t: Double) -> Double { mass2 > 0 ? log1p(2 * m * t / mass2) : log(t / a) }
        func recoil(_ v: Double) -> Double { mass2 > 0 ? mass2 * expm1(v) / (2 * m) : a * exp(v) }
        let va = v(a)
        let vb = v(b)
        guard vb > va else { return 0 }
        return try GaussLegendre.integrate(from: va, to: vb, panels: max(1, Int((vb - va).rounded(.up)))) { x in
            let t = min(max(recoil(x), a), b)
            let point = try NuElectronPoint(
                flavor: flavor, energy: energy, recoil: t, mediator: mediator,
                sin2ThetaW: sin2ThetaW)
            let jacobian = mass2 > 0 ? (2 * m * t + mass2) / (2 * m) : t
            return try NuElectronGeneral.differentialCrossSection(point) * jacobian
        }
    }
}
