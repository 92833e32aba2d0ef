import GSLKit
import NuPhysics

/// χ² minimised over its normalisation nuisance with GSL's simplex minimiser (the numerical path
/// of Dev (000) Eq. (8) and Abdullah (002) Eq. (14)). Counts dimensionless.
///
/// The simplex starts with a step of σ and stops when it is 1e-7 of that: near the minimum χ²
/// changes by ~ curvature × (Δα)², so much below Δα ~ √(ε_machine χ²/curvature) the function is
/// flat to rounding and no simplex can shrink further. χ²_min is then exact to ~1e-13 relative.
public enum Chi2Minimization {
    /// min_α { [N_X − (1+α)N_SM]²/N_X + (α/σ)² }.
    public static func devMinimum(
        expected nX: Double, standardModel nSM: Double, sigma: Double
    )
        throws -> (alpha: Double, chi2: Double)
    {
        guard nX > 0, nSM >= 0, nX.isFinite, nSM.isFinite, sigma.isFinite, sigma >= 0 else {
            throw PhysicsError.unphysical("need N_X > 0, N_SM ≥ 0 and σ ≥ 0, got \(nX), \(nSM), \(sigma)")
        }
        let f: ([Double]) -> Double = { v in
            let a = v[0]
            let d = nX - (1 + a) * nSM
            return d * d / nX + (a / sigma) * (a / sigma)
        }
        // σ = 0 pins the nuisance at 0: nothing to minimise.
        if sigma == 0 { return (0, nX == 0 ? 0 : (nX - nSM) * (nX - nSM) / nX) }
        let step = max(sigma, 1e-3)
        let result = try Minimizer.simplex(f, start: [0], steps: [step], sizeTolerance: 1e-7 * step)
        return (result.point[0], result.value)
    }

    /// min_β { Σ (N_exp − (1+β)N_pred)²/(N_bg + N_exp) + (β/σ)² }.
    public static func abdullahMinimum(
        observed: [Double], predicted: [Double], background: [Double], sigma: Double
    )
        throws -> (beta: Double, chi2: Double)
    {
        guard !observed.isEmpty, observed.count == predicted.count, observed.count == background.count,
            sigma.isFinite, sigma >= 0
        else {
            throw PhysicsError.unphysical("need equal, non-empty bin lists and σ ≥ 0")
        }
        let f: ([Double]) -> Double = { v in
            let b = v[0]
            var sum = 0.0
            for i in observed.indices {
                let d = observed[i] - (1 + b) * predicted[i]
                sum += d * d / (background[i] + observed[i])
            }
            return sigma == 0 ? sum : sum + (b / sigma) * (b / sigma)
        }
        if sigma == 0 { return (0, f([0])) }  // the nuisance pinned at 0
        let step = max(sigma, 1e-3)
        let result = try Minimizer.simplex(f, start: [0], steps: [step], sizeTolerance: 1e-7 * step)
        return (result.point[0], result.value)
    }
}
