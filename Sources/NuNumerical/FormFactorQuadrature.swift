import Foundation
import GSLKit
import NuPhysics

/// Nuclear form factors as GSL quadratures of their defining radial densities,
/// F(q) = ∫ 4πr² ρ(r) sin(qr)/(qr) dr / ∫ 4πr² ρ(r) dr, independent of the closed forms.
/// q in MeV, radii in fm. The densities are fixed by the rms radius R exactly as the closed forms
/// are (same relation R ↔ parameters, stated again here from the moments of each density).
public enum FormFactorQuadrature {
    static let hbarC = Constants.hbarC

    public static func value(_ model: FormFactorModel, q: Double, rmsRadius r: Double) throws -> Double {
        try requireNonNegative(q, "momentum transfer q")
        try requirePositive(r, "rms radius", unit: "fm")
        switch model {
        case .none: return 1
        case .helm: return try helm(q: q, rmsRadius: r)
        case .fermi: return try symmetrizedFermi(q: q, rmsRadius: r)
        case .kleinNystrand: return try kleinNystrand(q: q, rmsRadius: r)
        }
    }

    /// sin(κr)/(κr), κ in fm⁻¹, with its limit 1 at κr → 0.
    static func sinc(_ x: Double) -> Double { abs(x) < 1e-6 ? 1 - x * x / 6 : sin(x) / x }

    /// Normalised Fourier-Bessel transform of a radial density on [0, rMax] (GSL QAGP at the
    /// density's breakpoints: norm to 1e-12, transform to 1e-11 relative or 1e-14 of the norm;
    /// beyond rMax the densities used here are below 1e-30).
    static func transform(
        _ density: @escaping (Double) -> Double, q: Double, rMax: Double,
        breaks: [Double]
    ) throws -> Double {
        let kappa = q / hbarC
        let norm = try Quadrature.integrate(
            { r in r * r * density(r) }, from: 0, to: rMax, breakpoints: breaks,
            relativeTolerance: 1e-12
        ).value
        if kappa == 0 { return 1 }
        let value = try Quadrature.integrate(
            { r in r * r * density(r) * sinc(kappa * r) }, from: 0, to: rMax,
            breakpoints: breaks, absoluteTolerance: 1e-14 * norm,
            relativeTolerance: 1e-11
        ).value
        return value / norm
    }

    /// Helm density: a uniform sphere of radius R₀ folded with a Gaussian of width s = 0.9 fm,
    /// ρ(r) ∝ ½[erf((R₀+r)/√2s) + erf((R₀−r)/√2s)] + s/(√(2π) r)[e^{−(R₀+r)²/2s²} − e^{−(R₀−r)²/2s²}].
    /// Its second moment is (3/5)R₀² + 3s², which fixes R₀ from R.
    public static func helm(q: Double, rmsRadius r: Double) throws -> Double {
        let s = FormFactorModel.helmSurfaceThickness
        let r0 = try radius(fromSecondMoment: r * r - 3 * s * s, "Helm", r)
        return try transform(helmDensity(boxRadius: r0), q: q, rMax: r0 + 15 * s, breaks: [r0])
    }

    /// Symmetrized Fermi density ρ(r) ∝ sinh(c/a)/(cosh(r/a) + cosh(c/a)), a = 0.52 fm; second
    /// moment (3/5)c² + (7/5)π²a².
    public static func symmetrizedFermi(q: Double, rmsRadius r: Double) throws -> Double {
        let a = FormFactorModel.fermiDiffuseness
        let c = try radius(fromSecondMoment: r * r - 7.0 / 5 * Double.pi * Double.pi * a * a, "symmetrized Fermi", r)
        // Divide through by cosh(c/a) to avoid overflow: ρ ∝ tanh(c/a)/(cosh(r/a)/cosh(c/a) + 1).
        let density: (Double) -> Double = { x in
            1
                / (exp((x - c) / a) * (1 + exp(-2 * x / a)) / (1 + exp(-2 * c / a))
                    + 1)
        }
        return try transform(density, q: q, rMax: c + 70 * a, breaks: [c])
    }

    /// Klein-Nystrand: a hard sphere of radius R_A folded with a Yukawa e^{−r/a_k}/(4πa_k²r),
    /// a_k = 0.7 fm. By the convolution theorem F = F_sphere · F_Yukawa, each the quadrature of its
    /// own density; second moment (3/5)R_A² + 6a_k².
    public static func kleinNystrand(q: Double, rmsRadius r: Double) throws -> Double {
        let ak = FormFactorModel.kleinNystrandRange
        let ra = try radius(fromSecondMoment: r * r - 6 * ak * ak, "Klein-Nystrand", r)
        let sphere = try transform({ x in x <= ra ? 1 : 0 }, q: q, rMax: ra, breaks: [])
        let yukawa = try transform({ x in x > 0 ? exp(-x / ak) / x : 0 }, q: q, rMax: 80 * ak, breaks: [ak, 10 * ak])
        return sphere * yukawa
    }

    /// R₀ = √((5/3) m), where m is the second moment the sphere must carry.
    static func radius(fromSecondMoment m: Double, _ name: String, _ r: Double) throws -> Double {
        guard m > 0 else {
            throw PhysicsError.unphysical(
                "rms radius \(r) fm is too small for the \(name) surface "
                    + "parameter")
        }
        return ((5.0 / 3) * m).squareRoot()
    }

    /// The (unnormalised) Helm density of box radius R₀ (fm), as a function of r (fm).
    static func helmDensity(boxRadius r0: Double) -> (Double) -> Double {
        let s = FormFactorModel.helmSurfaceThickness
        let w = 2.0.squareRoot() * s
        return { x in
            let a = 0.5 * (erf((r0 + x) / w) + erf((r0 - x) / w))
            guard x > 1e-9 else { return a }
            return a + s / ((2 * Double.pi).squareRoot() * x)
                * (exp(
                    -(r0 + x) * (r0 + x)
                        / (2 * s
                            * s)) - exp(-(r0 - x) * (r0 - x) / (2 * s * s)))
        }
    }

    /// rms radius (fm) of the Helm density, √(∫r⁴ρ/∫r²ρ), by quadrature: the check of R² = (3/5)R₀² + 3s².
    public static func helmRMSRadius(boxRadius r0: Double) throws -> Double {
        let s = FormFactorModel.helmSurfaceThickness
        let density = helmDensity(boxRadius: r0)
        let m2 = try Quadrature.integrate(
            { x in x * x * density(x) }, from: 0, to: r0 + 15 * s,
            breakpoints: [r0]
        ).value
        let m4 = try Quadrature.integrate(
            { x in x * x * x * x * density(x) }, from: 0, to: r0 + 15 * s,
            breakpoints: [r0]
        ).value
        return (m4 / m2).squareRoot()
    }
}
