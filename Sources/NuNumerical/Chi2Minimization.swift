import GSLKit
import NuPhysics

/// χ² minimised over its normalisation nuisance with GSL's simplex minimiser (the numerical path
/// of Dev (000) Eq. (8) and Abdullah (002) Eq. (14)). Counts dimensionless.
///
/// Both χ² are quadratic in the nuisance x: χ²(x) = Σ_i (r_i − x q_i)² + (x/σ)², with residuals
/// r_i = (N_obs − N_pred)/√D_i and slopes q_i = N_pred/√D_i (D_i the bin's denominator). They are
/// evaluated in that arrangement (no 1 + x, which loses x below 1e-16, and no square of a count,
/// which overflows above 1e154), and minimised in two stages:
/// 1. from x = 0 with a step of max(σ, 1e-3), to a size 1e-7 of that step (as a user would);
/// 2. from its end x₁ in the rescaled variable u = x/w, w = (Σ q_i² + σ⁻²)^(−1/2) the width of the
///    parabola (χ² rises by 1 over Δu = 1), step max(1, 1e-7 × stage 1's step/w), to a size of 1e-9:
///    χ²_min is then within ~1e-18 of its minimum (χ² − χ²_min = Δu²), over the accepted
///    magnitudes (`Chi2Range` in NuRegistry, which also states the paths' agreement) and any number
///    of bins. Where x₁ < −1/2 this stage runs in y = 1 + x instead (see `minimum`). w is a scale
///    of the problem, not its answer (the minimum is found by the simplex).
/// Near the minimum χ² is flat to rounding below Δu ~ √(ε χ²_min): the simplex then stops on
/// stagnation.
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
        // σ = 0 pins the nuisance at 0: nothing to minimise.
        if sigma == 0 { return (0, nX == 0 ? 0 : (nX - nSM) * (nX - nSM) / nX) }
        let root = nX.squareRoot()
        return try minimum(residuals: [(nX - nSM) / root], scaled: [root], slopes: [nSM / root], sigma: sigma)
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
        let roots = observed.indices.map { (background[$0] + observed[$0]).squareRoot() }
        let residuals = observed.indices.map { (observed[$0] - predicted[$0]) / roots[$0] }
        let slopes = observed.indices.map { predicted[$0] / roots[$0] }
        let scaled = observed.indices.map { observed[$0] / roots[$0] }
        if sigma == 0 { return (0, residuals.reduce(0) { $0 + $1 * $1 }) }  // the nuisance pinned at 0
        return try minimum(residuals: residuals, scaled: scaled, slopes: slopes, sigma: sigma)
    }

    /// min_x { Σ_i (r_i − x q_i)² + (x/σ)² } by the two simplex stages above; σ > 0. `scaled` holds
    /// s_i = r_i + q_i (N_obs/√D_i, computed from the counts): where stage 1 ends below x = −1/2 the
    /// data sit far below the prediction, x* = −1 + y* with y* possibly below 1e-16, which x cannot
    /// hold and r_i − x q_i only reaches through a cancellation of ~ε q_i; stage 2 then runs in the
    /// normalisation y = 1 + x, residuals s_i − y q_i and penalty ((y − 1)/σ)², which have neither.
    static func minimum(
        residuals r: [Double], scaled s: [Double], slopes q: [Double], sigma: Double
    ) throws -> (Double, Double) {
        func chi2(_ x: Double) -> Double {
            var sum = 0.0
            for i in r.indices {
                let d = r[i] - x * q[i]
                sum += d * d
            }
            return sum + (x / sigma) * (x / sigma)
        }
        func chi2Normalisation(_ y: Double) -> Double {
            var sum = 0.0
            for i in s.indices {
                let d = s[i] - y * q[i]
                sum += d * d
            }
            return sum + ((y - 1) / sigma) * ((y - 1) / sigma)
        }
        let step = max(sigma, 1e-3)
        let first = try Minimizer.simplex({ chi2($0[0]) }, start: [0], steps: [step], sizeTolerance: 1e-7 * step)
        let x1 = first.point[0]
        let curvature = q.reduce(0) { $0 + $1 * $1 } + 1 / (sigma * sigma)
        let width = 1 / curvature.squareRoot()
        guard width.isFinite, width > 0 else {
            throw PhysicsError.unphysical("the χ² parabola's width \(width) is not a finite positive number")
        }
        // Stage 1 left x₁ within about its final simplex size (1e-7 of its step) of the minimum: the
        // second stage starts with a step of that many widths (at least 1), so it need not expand far.
        let uncertainty = max(1, 1e-7 * step / width)
        // The variable is u = x/w (or y/w): x = u w keeps its relative precision down to any x,
        // where x₁ + u w would round away everything below ε x₁.
        if x1 < -0.5 {
            let second = try Minimizer.simplex(
                { chi2Normalisation($0[0] * width) }, start: [(1 + x1) / width], steps: [uncertainty],
                sizeTolerance: 1e-9)
            return (second.point[0] * width - 1, second.value)
        }
        let second = try Minimizer.simplex(
            { chi2($0[0] * width) }, start: [x1 / width], steps: [uncertainty], sizeTolerance: 1e-9)
        return (second.point[0] * width, second.value)
    }
}
