import Foundation
import NuPhysics

/// Nuclear form factors in closed form, as functions of |q⃗| (MeV) and the rms radius R (fm) of
/// the nucleon distribution. Each parameterisation is fixed by R and one surface parameter
/// (`FormFactorModel`); F(0) = 1 and F(q) ≈ 1 − q²R²/6 at small q for all three.
public enum FormFactors {
    /// ħc in MeV fm, to turn q (MeV) × R (fm) into a number.
    static let hbarC = Constants.hbarC

    public static func value(_ model: FormFactorModel, q: Double, rmsRadius r: Double) -> Double {
        switch model {
        case .helm: return helm(q: q, rmsRadius: r)
        case .fermi: return symmetrizedFermi(q: q, rmsRadius: r)
        case .kleinNystrand: return kleinNystrand(q: q, rmsRadius: r)
        case .none: return 1
        }
    }

    /// 3 j₁(x)/x, the form factor of a uniform sphere, with its Taylor series below x = 0.3
    /// (where sin x/x² − cos x/x cancels).
    public static func sphere(_ x: Double) -> Double {
        if abs(x) < 0.3 {
            let x2 = x * x
            return 1 - x2 / 10 * (1 - x2 / 28 * (1 - x2 / 54 * (1 - x2 / 88 * (1 - x2 / 130))))
        }
        return 3 * (sin(x) - x * cos(x)) / (x * x * x)
    }

    /// Box radius R₀ of the Helm form factor with rms radius R and surface thickness s:
    /// R² = (3/5)R₀² + 3s² (the rms radius of a uniform sphere of radius R₀ folded with a Gaussian
    /// of width s), so R₀ = √((5/3)(R² − 3s²)). Needs R > √3 s.
    public static func helmBoxRadius(rmsRadius r: Double, s: Double = FormFactorModel.helmSurfaceThickness) -> Double {
        ((5.0 / 3) * (r * r - 3 * s * s)).squareRoot()
    }

    /// Helm (Phys. Rev. 104 (1956) 1466): F(q) = 3j₁(qR₀)/(qR₀) · exp(−q²s²/2), s = 0.9 fm.
    public static func helm(q: Double, rmsRadius r: Double) -> Double {
        let s = FormFactorModel.helmSurfaceThickness
        let x = q * helmBoxRadius(rmsRadius: r) / hbarC
        let y = q * s / hbarC
        return sphere(x) * exp(-y * y / 2)
    }

    /// Half-density radius c of the symmetrized Fermi distribution with diffuseness a:
    /// R² = (3/5)c² + (7/5)π²a².
    public static func fermiHalfDensityRadius(
        rmsRadius r: Double,
        a: Double = FormFactorModel.fermiDiffuseness
    ) -> Double {
        ((5.0 / 3) * (r * r - 7.0 / 5 * Double.pi * Double.pi * a * a)).squareRoot()
    }

    /// Symmetrized Fermi (J. Piekarewicz et al., Phys. Rev. C 94 (2016) 034316, Eq. (7)):
    /// F(q) = 3/(qc[(qc)² + (πqa)²]) · πqa/sinh(πqa) · [πqa/tanh(πqa) sin(qc) − qc cos(qc)].
    public static func symmetrizedFermi(q: Double, rmsRadius r: Double) -> Double {
        let a = FormFactorModel.fermiDiffuseness
        let c = fermiHalfDensityRadius(rmsRadius: r)
        let qc = q * c / hbarC
        let pqa = Double.pi * q * a / hbarC
        if qc < 1e-3 {  // F = 1 − q²R²/6 + O(q⁴): the exact form cancels as 0/0 here
            let x = q * r / hbarC
            return 1 - x * x / 6
        }
        let damping = pqa < 1e-8 ? 1 : pqa / sinh(pqa)
        let coth = pqa < 1e-8 ? 1 : pqa / tanh(pqa)
        return 3 / (qc * (qc * qc + pqa * pqa)) * damping * (coth * sin(qc) - qc * cos(qc))
    }

    /// Hard-sphere radius R_A of the Klein-Nystrand form factor with Yukawa range a_k:
    /// R² = (3/5)R_A² + 6a_k².
    public static func kleinNystrandRadius(
        rmsRadius r: Double,
        ak: Double = FormFactorModel.kleinNystrandRange
    ) -> Double {
        ((5.0 / 3) * (r * r - 6 * ak * ak)).squareRoot()
    }

    /// Klein-Nystrand (Phys. Rev. C 60 (1999) 014903): a hard sphere folded with a Yukawa of range
    /// a_k = 0.7 fm, F(q) = 3j₁(qR_A)/(qR_A) · 1/(1 + q²a_k²).
    public static func kleinNystrand(q: Double, rmsRadius r: Double) -> Double {
        let ak = FormFactorModel.kleinNystrandRange
        let x = q * kleinNystrandRadius(rmsRadius: r) / hbarC
        let y = q * ak / hbarC
        return sphere(x) / (1 + y * y)
    }
}
