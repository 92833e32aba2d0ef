import Foundation
import GSLKit
import NuPhysics

extension CEvNSNumerical {
    /// The dip recoil (MeV) of a target with form factors and ε(q): the root of the weak charge
    /// (`dipRecoil`) for one nucleus; for a mixture the minimum of its summed ν_μ spectrum
    /// (`mixtureDipRecoil`), so only flavor = ν_μ is accepted there.
    public static func dipRecoil(
        model: VectorModel, target: Target, flavor: Flavor, g: Double, mass: Double,
        convention: CoefficientConvention, formFactor: FormFactorModel,
        loop: LoopMixingMode
    ) throws -> Double {
        if target.isSingleNucleus {
            return try dipRecoil(
                model: model, nucleus: target.components[0].nucleus, flavor: flavor, g: g,
                mass: mass, convention: convention, formFactor: formFactor, loop: loop)
        }
        guard flavor == .numu else {
            throw PhysicsError.notApplicable(
                "the dip of a mixture is taken on its ν_μ spectrum; use flavor=numu "
                    + "or one nucleus")
        }
        return try mixtureDipRecoil(
            model: model, target: target, g: g, mass: mass, convention: convention,
            formFactor: formFactor, loop: loop)
    }

    /// The factor r with (model `to`, g·r) = (model `from`, g) for one flavour's CEvNS (004 Eqs.
    /// (21)-(25), Appendix A), found by Brent root finding in ln r ∈ [ln 0.05, ln 20] (1e-13
    /// relative) of equal Z' parts of the numerical weak charge (form factors by quadrature, ε(q))
    /// at E = m_μ/2 and the given recoil T (MeV): the Z' part is monotonic in g² (the cross section
    /// is not, near a dip) and not swamped by the SM part for a heavy mediator. Dimensionless.
    public static func couplingRescaling(
        from: VectorModel, _ cf: CoefficientConvention, to: VectorModel,
        _ ct: CoefficientConvention, nucleus: Nucleus, flavor: Flavor, g: Double,
        mass: Double, recoil t: Double
    ) throws -> Double {
        func charge(_ m: VectorModel, _ c: CoefficientConvention, _ coupling: Double) throws -> Double {
            try weakCharge(
                try CEvNSPoint(
                    nucleus: nucleus, flavor: flavor, energy: Constants.muonMass / 2, recoil: t,
                    mediator: .vector(model: m, g: coupling, mass: mass), convention: c),
                standardModel: false)
        }
        let target = try charge(from, cf, g)
        let lnR = try RootFinding.brent(
            { lr in try charge(to, ct, g * Foundation.exp(lr)) / target - 1 },
            lower: Foundation.log(0.05), upper: Foundation.log(20),
            relativeTolerance: 1e-13)
        return Foundation.exp(lnR)
    }
}

extension FormFactorQuadrature {
    /// The recoil T = q²/(2M) (MeV) at which the Helm form factor by quadrature has fallen to
    /// F(q)² = e^{−1/3}, where the Gaussian F² ≈ exp(−q²R²/3) has q²R² = 1 (the coherence
    /// condition of 004 Sec. III), by Brent root finding in q ∈ [1 keV, 2ħc/R] (1e-12 relative).
    /// `nucleusMass` in MeV, `rmsRadius` R in fm (> 0).
    public static func coherenceRecoil(nucleusMass m: Double, rmsRadius r: Double) throws -> Double {
        let q = try RootFinding.brent(
            { q in pow(try helm(q: q, rmsRadius: r), 2) - Foundation.exp(-1.0 / 3) },
            lower: 1e-3, upper: 2 * Constants.hbarC / r, relativeTolerance: 1e-12)
        return q * q / (2 * m)
    }
}
