import Foundation
import NuPhysics

/// Short closed formulas of the CEvNS papers that a quantity evaluates on its own (they used to
/// sit in the registry's closures; here each names its equation and units).
public enum CEvNSFormulas {
    /// Tree-level nuclear weak charge of atomic parity violation, Q_W = −N + Z(1 − 4s_W²)
    /// (002 Sec. IV.C). Dimensionless; any nucleus, s_W² in (0, 1) (checked by the caller).
    public static func apvWeakCharge(nucleus n: Nucleus, sin2ThetaW s: Double) -> Double {
        -Double(n.neutrons) + Double(n.protons) * (1 - 4 * s)
    }

    /// Recoil scale of the coherence condition (004 Sec. III), T = 1/(2MR²) in MeV: the recoil at
    /// which q²R² = 1 with q² = 2MT, where the Gaussian F² ≈ exp(−q²R²/3) has fallen by e^{−1/3}.
    /// `nucleusMass` in MeV, `rmsRadius` R in fm (> 0).
    public static func coherenceRecoilScale(nucleusMass m: Double, rmsRadius: Double) -> Double {
        let r = rmsRadius / Constants.hbarC
        return 1 / (2 * m * r * r)
    }

    /// The factor r with (model `to`, g·r) = (model `from`, g) for ν_ℓ CEvNS at q → 0 (004 Eqs.
    /// (21)-(25), Appendix A): r = √(c_from X_from / (c_to X_to)), X = Q'_ℓ(Q'_p Z + Q'_n N) and c the
    /// convention's factor; for the same L_α − L_β pair on both sides the loop factors cancel and
    /// X = Q'_ℓ. Dimensionless. Throws `.notApplicable` when the ratio is not finite and > 0.
    public static func couplingRescaling(
        from: VectorModel, _ cf: CoefficientConvention, to: VectorModel,
        _ ct: CoefficientConvention, flavor: Flavor, nucleus n: Nucleus
    ) throws
        -> Double
    {
        let lepton = flavor.lepton
        func strength(_ m: VectorModel, _ c: CoefficientConvention) -> Double {
            c.factor * m.charge(lepton) * (m.protonCharge * Double(n.protons) + m.neutronCharge * Double(n.neutrons))
        }
        let ratio =
            from.isLeptonic
            ? (cf.factor * from.charge(lepton)) / (ct.factor * to.charge(lepton))
            : strength(from, cf) / strength(to, ct)
        guard ratio > 0, ratio.isFinite else {
            throw PhysicsError.notApplicable("\(from.name) and \(to.name) do not map onto each other for \(flavor)")
        }
        return ratio.squareRoot()
    }

    /// Dark Z / dark hypercharge contribution to a nucleon's weak coupling over the SM one, per
    /// (ε/(M/GeV))² at q² ≪ M² (002 Eqs. (7)-(8), Sec. VI): g² Q'_μ Q'_N/(√2 G_F M² g_V^N) with
    /// g² = e²/(s_W²c_W²) (dark Z) or e²/c_W² (dark hypercharge) and G_F in GeV⁻². Dimensionless.
    public static func darkRelativeCoupling(model: VectorModel, nucleon: Nucleon, sin2ThetaW s: Double) -> Double {
        let e2 = 4 * Double.pi * Constants.fineStructure
        let g2 = model.name == "darkZ" ? e2 / (s * (1 - s)) : e2 / (1 - s)
        let proton = nucleon == .proton
        let zPrime = g2 * model.charge(.mu) * (proton ? model.protonCharge : model.neutronCharge)
        let standard = proton ? Constants.protonCouplingNuMu : Constants.neutronCoupling
        return zPrime / (2.0.squareRoot() * Constants.fermiConstant * 1e6 * standard)
    }
}

extension FormFactors {
    /// rms radius R (fm) of the Helm distribution with box radius R₀ (fm): R² = (3/5)R₀² + 3s², s = 0.9 fm
    /// (the inverse of `helmBoxRadius`). Used to read a radius given as R₀ (the common mistake).
    public static func helmRMSRadius(
        boxRadius r0: Double, s: Double = FormFactorModel.helmSurfaceThickness
    )
        -> Double
    {
        ((3.0 / 5) * r0 * r0 + 3 * s * s).squareRoot()
    }
}

extension ZPrimeCoefficient {
    /// The Z' shift of the ν-e vector coupling per unit charges as each source writes it
    /// (dimensionless): the slides (001) δC = g²/(2√2G_F(M² + 2m_eT)) on C_L and C_R; Abdullah
    /// (002 Eq. (3)) δg_v = g²/(√2G_F(q² + M²)) with q² = 2m_eT. M and T in MeV, T ≥ 0.
    public static func nuElectronShiftAsWritten(
        slides: Bool, g: Double, mass m: Double, recoil t: Double
    )
        -> Double
    {
        let propagator = m * m + 2 * Constants.electronMass * t
        let base = g * g / (2.0.squareRoot() * Constants.fermiConstant * propagator)
        return slides ? base / 2 : base
    }
}

extension CEvNSConditions {
    /// The dip recoil (MeV) of 004 Eqs. (26), (27), (30) for a target: `dipRecoil` for one nucleus,
    /// `averagedDipRecoil` (the weight-averaged pseudo-nucleus) for a mixture.
    public static func dipRecoil(
        model: VectorModel, target: Target, flavor: Flavor, g: Double, mass: Double,
        convention: CoefficientConvention
    ) throws -> Double {
        guard target.isSingleNucleus else {
            return try averagedDipRecoil(
                model: model, target: target, flavor: flavor, g: g, mass: mass,
                convention: convention)
        }
        return try dipRecoil(
            model: model, nucleus: target.components[0].nucleus, flavor: flavor, g: g, mass: mass,
            convention: convention)
    }
}
