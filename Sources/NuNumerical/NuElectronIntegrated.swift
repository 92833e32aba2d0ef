import GSLKit
import NuPhysics

/// Total neutrino-electron cross section by GSL adaptive quadrature of the amplitude-level
/// dσ/dT (`NuElectronAmplitude`) over [T_min, T_max], MeV⁻².
///
/// QAGS with relative tolerance 1e-10; with a mediator the propagator knee T* = M²/(2m_e) and the
/// points 10ⁿT* and 10ⁿT_min (n ≥ 1) inside the window are break points (QAGP): below the knee
/// a light mediator makes the integrand fall like 1/T² over many decades.
public enum NuElectronIntegrated {
    public static func crossSection(
        _ flavor: Flavor, energy: Double, recoilMin: Double,
        recoilMax: Double? = nil, mediator: ZPrime = .none,
        sin2ThetaW: Double = Constants.defaultSin2ThetaW,
        relativeTolerance: Double = 1e-10
    ) throws -> Double {
        let m = Constants.electronMass
        let upper = recoilMax ?? Kinematics.maximumRecoil(energy: energy, targetMass: m)
        // Validates both ends (and the rest of the inputs) once.
        _ = try NuElectronPoint(
            flavor: flavor, energy: energy, recoil: recoilMin, mediator: mediator,
            sin2ThetaW: sin2ThetaW)
        _ = try NuElectronPoint(
            flavor: flavor, energy: energy, recoil: upper, mediator: mediator,
            sin2ThetaW: sin2ThetaW)
        guard recoilMin <= upper else {
            throw PhysicsError.unphysical("recoil window is empty: T_min = \(recoilMin) MeV > T_max = \(upper) MeV")
        }
        var breaks: [Double] = []
        if !mediator.isStandardModel {
            for start in [mediator.mass * mediator.mass / (2 * m), recoilMin] where start > 0 {
                var b = start
                while b < upper {
                    breaks.append(b)
                    b *= 10
                }
            }
        }
        let integrand: (Double) throws -> Double = { t in
            let point = try NuElectronPoint(
                flavor: flavor, energy: energy, recoil: min(max(t, recoilMin), upper),
                mediator: mediator, sin2ThetaW: sin2ThetaW)
            return try NuElectronAmplitude.differentialCrossSection(point)
        }
        return try Quadrature.integrate(
            integrand, from: recoilMin, to: upper, breakpoints: breaks,
            relativeTolerance: relativeTolerance
        ).value
    }
}
