import Foundation
import NuPhysics

/// CEvNS cross section integrated over recoil, [T_min, T_max(E)] with T_max = 2E²/(M + 2E), in
/// closed form where one exists: no form factors (F = 1), the SM or a quark-coupled vector Z' of
/// mass M > 0, or L_α − L_β with ε at its q → 0 limit. Then
/// dσ/dT = K(1 − kT)(A + B/u)², u = 2M_NT + M², k = M_N/(2E²), and the integral is polynomial
/// plus the logarithms of `PropagatorIntegrals`. MeV⁻². Anything else throws `.notApplicable`.
public enum CEvNSTotal {
    public static func crossSection(
        nucleus: Nucleus, flavor: Flavor, energy: Double, recoilMin: Double,
        mediator: CEvNSMediator, convention: CoefficientConvention = .full,
        loop: LoopMixingMode = .approx
    ) throws -> Double {
        let mN = nucleus.mass
        let tMax = Kinematics.maximumRecoil(energy: energy, targetMass: mN)
        let start = try CEvNSPoint(
            nucleus: nucleus, flavor: flavor, energy: energy, recoil: recoilMin,
            mediator: mediator,
            convention: convention, formFactor: .none, loop: loop)
        let z = Double(nucleus.protons)
        let n = Double(nucleus.neutrons)
        let a = start.protonCoupling * z + Constants.neutronCoupling * n
        let gF = Constants.fermiConstant
        let kPrefactor = gF * gF * mN / Double.pi
        let k = mN / (2 * energy * energy)
        // ∫(1 − kT)dT
        func linear(_ t0: Double, _ t1: Double) -> Double { (t1 - t0) - k * (t1 * t1 - t0 * t0) / 2 }
        switch mediator {
        case .none:
            return kPrefactor * a * a * linear(recoilMin, tMax)
        case .scalar:
            throw PhysicsError.notApplicable("no closed-form recoil integral is implemented for the scalar mediator")
        case .vector(let model, let g, let mass):
            guard mass > 0 else { throw PhysicsError.notApplicable("closed-form recoil integral needs M > 0") }
            if model.isLeptonic && loop == .exact {
                throw PhysicsError.notApplicable(
                    "with ε(q) exact the recoil integral has no closed form; use "
                        + "loop=approx")
            }
            // B/u with u = 2M_N T + M²: B = c g² X/(√2 G_F), X as in CEvNSConditions.dipRecoil.
            let x: Double =
                model.isLeptonic
                ? 2 * Constants.fineStructure / Double.pi
                    * CEvNS.loopFactor(
                        model, flavor.lepton, q: 0,
                        mode: .approx) * z
                : model.charge(flavor.lepton) * (model.protonCharge * z + model.neutronCharge * n)
            let b = convention.factor * g * g * x / (2.0.squareRoot() * gF)
            let m2 = mass * mass
            let r = 2 * mN / m2
            func propagator(_ kPower: Int) -> Double {  // ∫(1 − kT)/u^kPower dT
                let scale = 1 / pow(m2, Double(kPower))
                let i0 = PropagatorIntegrals.definite(n: 0, k: kPower, r: r, from: recoilMin, to: tMax)
                let i1 = PropagatorIntegrals.definite(n: 1, k: kPower, r: r, from: recoilMin, to: tMax)
                return scale * (i0 - k * i1)
            }
            return kPrefactor * (a * a * linear(recoilMin, tMax) + 2 * a * b * propagator(1) + b * b * propagator(2))
        }
    }
}

extension CEvNSTotal {
    /// σ = ∫ dσ/dT dT over [T_min, 2E²/(M + 2E)] (MeV⁻²) for any CEvNS point: `crossSection` where it
    /// has a closed form (F = 1 and its conditions), otherwise adaptive Gauss-Legendre to 1e-12
    /// relative, 1e-10 at worst (`GaussLegendre.adaptive`; the GSL QAG it replaces had 1e-10) of the
    /// closed-form dσ/dT of 004 Eqs. (10)-(12), (16), (28), (33) (`CEvNS.differentialCrossSection`):
    /// pure Swift, no GSL, so the closed path stays independent of the numerical path's QAGS.
    /// Needs E > 0 and 0 ≤ T_min ≤ T_max.
    public static func integratedCrossSection(
        nucleus: Nucleus, flavor: Flavor, energy: Double, recoilMin: Double,
        mediator: CEvNSMediator, convention: CoefficientConvention,
        formFactor: FormFactorModel, loop: LoopMixingMode
    ) throws -> Double {
        if formFactor == .none,
            let analytic = try? crossSection(
                nucleus: nucleus, flavor: flavor, energy: energy,
                recoilMin: recoilMin, mediator: mediator, convention: convention, loop: loop)
        {
            return analytic
        }
        let tMax = Kinematics.maximumRecoil(energy: energy, targetMass: nucleus.mass)
        return try GaussLegendre.adaptive(from: recoilMin, to: tMax) { t in
            CEvNS.differentialCrossSection(
                try CEvNSPoint(
                    nucleus: nucleus, flavor: flavor, energy: energy,
                    recoil: min(max(t, recoilMin), tMax), mediator: mediator, convention: convention,
                    formFactor: formFactor, loop: loop))
        }
    }
}
