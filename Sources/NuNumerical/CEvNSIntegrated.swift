import GSLKit
import NuPhysics

extension CEvNSNumerical {
    /// ∫ dσ/dT dT over [T_min, 2E²/(M + 2E)] by QAGS/QAGP of the numerical-path dσ/dT (MeV⁻²),
    /// relative tolerance 1e-9, with the propagator knee M²/(2M_N) and its decades as break points.
    public static func crossSection(
        nucleus: Nucleus, flavor: Flavor, energy: Double, recoilMin: Double,
        mediator: CEvNSMediator, convention: CoefficientConvention = .full,
        formFactor: FormFactorModel = .helm, loop: LoopMixingMode = .exact
    ) throws -> Double {
        let tMax = Kinematics.maximumRecoil(energy: energy, targetMass: nucleus.mass)
        _ = try CEvNSPoint(
            nucleus: nucleus, flavor: flavor, energy: energy, recoil: recoilMin, mediator: mediator,
            convention: convention, formFactor: formFactor, loop: loop)
        var breaks: [Double] = []
        switch mediator {
        case .vector(_, _, let mass), .scalar(_, let mass, _):
            var b = mass * mass / (2 * nucleus.mass)
            while b > 0 && b < tMax {
                breaks.append(b)
                b *= 10
            }
        case .none: break
        }
        return try Quadrature.integrate(
            { t in
                try differentialCrossSection(
                    try CEvNSPoint(
                        nucleus: nucleus, flavor: flavor, energy: energy,
                        recoil: min(max(t, recoilMin), tMax), mediator: mediator,
                        convention: convention, formFactor: formFactor, loop: loop))
            }, from: recoilMin, to: tMax, breakpoints: breaks, relativeTolerance: 1e-9
        ).value
    }
}
