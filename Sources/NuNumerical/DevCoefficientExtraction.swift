import NuPhysics

/// Dev et al.'s Table 1 coefficients read off the amplitude-level cross section: the numerical
/// path's check of the table, independent of the closed-form derivation.
///
/// A vector shift δ of both chiral couplings changes dσ/dT by a term linear in δ,
/// L(T) = (2G_F²m/πE²)[2c₁E² + 2c₂(E−T)² − (c₁+c₂)mT]·δ, obtained exactly as the symmetric
/// difference [dσ(+δ) − dσ(−δ)]/2 (dσ is quadratic in δ). Two recoil points give a 2×2 linear
/// system for (c₁, c₂). Writing the same L(T) in Dev's Eq. (5) form,
/// c₃(2 − x x₀) + 2c₄(2 − x)x + 4s_W²(2 − 2x + x² − x x₀), two more points give (c₃, c₄).
public enum DevCoefficientExtraction {
    public static func coefficients(_ flavor: Flavor, sin2ThetaW s: Double) throws -> [Double] {
        let m = Constants.electronMass
        let gF = Constants.fermiConstant
        let e = 10.0  // MeV; any energy gives the same coefficients
        let tMax = Kinematics.maximumRecoil(energy: e, targetMass: m)
        let delta = 1e-3
        func linear(_ t: Double) throws -> Double {
            let point = try NuElectronPoint(
                flavor: .init(flavor.lepton, antineutrino: flavor.isAntineutrino),
                energy: e, recoil: t, sin2ThetaW: s)
            let (l, r) = try NuElectronAmplitude.chiralCouplings(point)
            let plus = NuElectronAmplitude.crossSection(point, left: l + delta, right: r + delta)
            let minus = NuElectronAmplitude.crossSection(point, left: l - delta, right: r - delta)
            return (plus - minus) / 2 / delta / (2 * gF * gF * m / (Double.pi * e * e))
        }
        let t1 = 0.2 * tMax
        let t2 = 0.8 * tMax
        let y1 = try linear(t1)
        let y2 = try linear(t2)
        // y = c₁[2E² − mT] + c₂[2(E−T)² − mT]
        let (c1, c2) = try solve(
            [
                [2 * e * e - m * t1, 2 * (e - t1) * (e - t1) - m * t1],
                [2 * e * e - m * t2, 2 * (e - t2) * (e - t2) - m * t2],
            ], [y1, y2])
        // 2y/E² = c₃(2 − x x₀) + 2c₄(2 − x)x + 4s(2 − 2x + x² − x x₀)
        func row(_ t: Double) -> ([Double], Double) {
            let x = t / e
            let x0 = m / e
            return ([2 - x * x0, 2 * (2 - x) * x], 4 * s * (2 - 2 * x + x * x - x * x0))
        }
        let (r1, k1) = row(t1)
        let (r2, k2) = row(t2)
        let (c3, c4) = try solve([r1, r2], [2 * y1 / (e * e) - k1, 2 * y2 / (e * e) - k2])
        return [c1, c2, c3, c4]
    }

    private static func solve(_ a: [[Double]], _ b: [Double]) throws -> (Double, Double) {
        let det = a[0][0] * a[1][1] - a[0][1] * a[1][0]
        guard det != 0, det.isFinite else { throw PhysicsError.notApplicable("singular coefficient extraction") }
        return ((b[0] * a[1][1] - a[0][1] * b[1]) / det, (a[0][0] * b[1] - b[0] * a[1][0]) / det)
    }

    /// The trident ratio of 001 from the extracted couplings: ν_e e scattering has exactly the
    /// CC+NC structure of ν_μ → ν_μ μ⁺μ⁻, and its CC part is the difference between the ν_e and
    /// ν_μ couplings. With g_V = c₁ + c₂ and g_A = c₁ − c₂ the ratio is
    /// (g_V² + g_A²)_{ν_e} / (g_V² + g_A²)_{ν_e − ν_μ}.
    public static func tridentRatio(sin2ThetaW s: Double) throws -> Double {
        let e = try coefficients(.nue, sin2ThetaW: s)
        let mu = try coefficients(.numu, sin2ThetaW: s)
        func norm(_ c1: Double, _ c2: Double) -> Double { (c1 + c2) * (c1 + c2) + (c1 - c2) * (c1 - c2) }
        return norm(e[0], e[1]) / norm(e[0] - mu[0], e[1] - mu[1])
    }
}
