import Foundation
import GSLKit
import NuClosedForm
import NuCoherent
import NuNumerical
import NuPhysics

/// 002's Borexino ⁷Be bound (Sec. IV.B, Fig. 4): the ν-e interaction rate of the 0.861 MeV line,
/// R = Σ_α w_α σ_α(E, [T_min, T_max]) over the flavours at the detector (`BorexinoSetup`), with a Z', and
/// the coupling g at which it leaves the SM rate by `sigmas` × 2.7%. σ_α is the harness's ν-e cross section
/// (L_μ − L_τ through its loop-induced electron coupling): closed form (`NuElectronTotal`) or GSL QAGS
/// (`NuElectronIntegrated`). 002 draws its other bounds at 2σ (Sec. V) and Borexino beside them in Fig. 4,
/// so `sigmas` defaults to 2: |R/R_SM − 1| = 5.4%. Like 002, only the measurement's 2.7% enters (not the
/// ⁷Be flux's solar-model uncertainty, nor P_ee's).
///
/// At fixed M, R/R_SM − 1 = a g² + b g⁴ exactly (interference and Z'² terms). Closed path: a and b read
/// off the closed-form ratio at g² = x/2 and 2x around the root x (twice, the first x from the decade
/// where the condition is first met), then the smallest g² > 0 with |a g² + b g⁴| = n·2.7% solved exactly
/// and checked against the ratio itself (1e-9). Numerical path: the ratio by quadrature, scanned up from
/// g = 1e-7 in 1/20-decade steps to the first step that meets the condition, refined by GSL Brent in ln g
/// (1e-12). nil where the Z' does not touch ν-e scattering (no electron coupling: B_y + L_μ + L_τ, B − 3L_μ)
/// or no g ≤ 1 reaches the condition.
public enum BorexinoBound {
    /// Σ_α w_α σ_α (MeV⁻²), the rate per electron and per unit ⁷Be flux.
    public static func rate(
        _ z: ZPrime, setup s: BorexinoSetup, path: Path, sin2ThetaW: Double = Constants.defaultSin2ThetaW
    ) throws -> Double {
        try s.flavours.reduce(0) { sum, f in
            let sigma =
                path == .closedForm
                ? try NuElectronTotal.crossSection(
                    f.flavor, energy: s.energy, recoilMin: s.recoilMin, mediator: z, sin2ThetaW: sin2ThetaW)
                : try NuElectronIntegrated.crossSection(
                    f.flavor, energy: s.energy, recoilMin: s.recoilMin, mediator: z, sin2ThetaW: sin2ThetaW)
            return sum + f.weight * sigma
        }
    }

    /// R(g)/R_SM for a registry model (vector-like charged-lepton couplings).
    public static func rateRatio(
        model: VectorModel, g: Double, mass: Double, setup s: BorexinoSetup, path: Path,
        sin2ThetaW: Double = Constants.defaultSin2ThetaW
    ) throws -> Double {
        let z = try ZPrime(model: model, g: g, mass: mass)
        return try rate(z, setup: s, path: path, sin2ThetaW: sin2ThetaW)
            / rate(.none, setup: s, path: path, sin2ThetaW: sin2ThetaW)
    }

    /// The 2σ (or `sigmas`) bound on g at mass M (MeV), nil where there is none below g = 1. Throws for the
    /// dark bosons, whose chiral electron couplings the ν-e code does not take.
    public static func bound(
        model: VectorModel, mass: Double, path: Path, sigmas: Double = 2, setup: BorexinoSetup? = nil,
        sin2ThetaW: Double = Constants.defaultSin2ThetaW, context: CoherentContext = .shared
    ) throws -> Double? {
        try requirePositive(sigmas, "sigmas", unit: "")
        let s = try setup ?? BorexinoSetup.read(context)
        let target = sigmas * s.rateUncertainty
        let standard = try rate(.none, setup: s, path: path, sin2ThetaW: sin2ThetaW)
        let shift = { (g: Double) in
            try rate(try ZPrime(model: model, g: g, mass: mass), setup: s, path: path, sin2ThetaW: sin2ThetaW)
                / standard - 1
        }
        guard try shift(1) != 0 || shift(0.5) != 0 else { return nil }
        return path == .closedForm
            ? try closedRoot(shift, target: target) : try scannedRoot(shift, target: target)
    }

    /// The smallest x > 0 with |a x + b x²| = s, or nil.
    static func smallestRoot(a: Double, b: Double, target s: Double) -> Double? {
        var roots: [Double] = []
        for c in [-s, s] {
            if b == 0 {
                if a != 0 { roots.append(-c / a) }
                continue
            }
            let disc = a * a - 4 * b * c
            guard disc >= 0 else { continue }
            let q = -(a + (a >= 0 ? 1 : -1) * disc.squareRoot()) / 2
            if q != 0 { roots += [q / b, c / q] }
        }
        return roots.filter { $0 > 0 && $0.isFinite }.min()
    }

    static func closedRoot(_ shift: (Double) throws -> Double, target: Double) throws -> Double? {
        // The decade where |shift| first reaches the target sets the scale of a and b's extraction.
        var g = 1e-9
        while try abs(shift(g)) >= target {
            g /= 10
            guard g > 1e-30 else { throw PhysicsError.notConverged("the rate moves by \(target) at every g") }
        }
        while try abs(shift(g)) < target {
            g *= 10
            if g > 1 { return nil }
        }
        var x = g * g
        for _ in 0..<2 {
            let (x1, x2) = (x / 2, 2 * x)
            let y1 = try shift(x1.squareRoot()) / x1
            let y2 = try shift(x2.squareRoot()) / x2
            let b = (y2 - y1) / (x2 - x1)
            guard let root = smallestRoot(a: y1 - b * x1, b: b, target: target) else { return nil }
            x = root
        }
        let g0 = x.squareRoot()
        guard g0 <= 1 else { return nil }
        let miss = abs(abs(try shift(g0)) - target) / target
        guard miss < 1e-9 else {
            throw PhysicsError.notConverged("the quadratic in g² misses the rate condition by \(miss) relative")
        }
        return g0
    }

    static func scannedRoot(_ shift: @escaping (Double) throws -> Double, target: Double) throws -> Double? {
        let excess = { (lnG: Double) in abs(try shift(exp(lnG))) - target }
        var start = 1e-7
        while try excess(log(start)) >= 0 {
            start /= 10
            guard start > 1e-30 else { throw PhysicsError.notConverged("the rate moves by \(target) at every g") }
        }
        let step = log(10.0) / 20
        let steps = Int((-log(start) / step).rounded(.up))
        var previous = log(start)
        for k in 1...steps {
            let lnG = min(log(start) + Double(k) * step, 0)
            if try excess(lnG) >= 0 {
                return exp(
                    try RootFinding.brent(
                        excess, lower: previous, upper: lnG, absoluteTolerance: 1e-14, relativeTolerance: 1e-12))
            }
            previous = lnG
        }
        return nil
    }
}
