/// χ² functions with a normalisation nuisance and their analytic minima over it.
public enum Chi2 {
    /// Dev et al. (000) Eq. (8) at a given pull α:
    /// χ²(α) = [N_X − (1+α)N_SM]²/N_X + (α/σ)², N_X = N_{SM+V+int}, counts dimensionless, σ > 0.
    public static func dev(alpha: Double, expected nX: Double, standardModel nSM: Double, sigma: Double) -> Double {
        let d = nX - (1 + alpha) * nSM
        return d * d / nX + (alpha / sigma) * (alpha / sigma)
    }

    /// The minimum of Eq. (8) over α, setting dχ²/dα = 0:
    /// α* = N_SM(N_X − N_SM)/(N_SM² + N_X/σ²), χ²_min = (N_X − N_SM)²/(N_X + σ²N_SM²).
    /// σ = 0 (no systematic, JSNS² in 000) gives α* = 0 and (N_X − N_SM)²/N_X.
    public static func devMinimum(
        expected nX: Double, standardModel nSM: Double, sigma: Double
    )
        throws -> (alpha: Double, chi2: Double)
    {
        try validate(counts: [nX, nSM], sigma: sigma, positive: [nX])
        let alpha = nSM * (nX - nSM) * sigma * sigma / (nSM * nSM * sigma * sigma + nX)
        let d = nX - nSM
        return (alpha, d * d / (nX + sigma * sigma * nSM * nSM))
    }

    /// Abdullah et al. (002) Eq. (14) at a given β:
    /// χ² = Σ_i (N_exp − (1+β)N_pred)²/(N_bg + N_exp) + (β/σ_β)².
    public static func abdullah(
        beta: Double, observed: [Double], predicted: [Double],
        background: [Double], sigma: Double
    ) -> Double {
        var sum = 0.0
        for i in observed.indices {
            let d = observed[i] - (1 + beta) * predicted[i]
            sum += d * d / (background[i] + observed[i])
        }
        return sum + (beta / sigma) * (beta / sigma)
    }

    /// Abdullah et al. Eq. (15), the minimum of Eq. (14) over β, written as printed:
    ///
    ///     χ²_min = [−(Σ N_pN_e/w)² + Σ N_p²/w Σ N_e²/w + σ⁻² Σ (N_p − N_e)²/w] / [σ⁻² + Σ N_p²/w]
    ///
    /// with w = N_bg + N_exp; β* = Σ N_p(N_e − N_p)/w / (Σ N_p²/w + σ⁻²).
    ///
    /// Evaluated without its cancellation: with r_i = (N_e − N_p)/√w and q_i = N_p/√w (so N_e/√w =
    /// q_i + r_i), Lagrange's identity turns the numerator into Σq² Σr² − (Σqr)² + σ⁻² Σr², and
    /// Eq. (15) equals Σ r² − β* Σ q r = Σ_i (r_i − β* q_i)² + (β*/σ)², β* = Σ q r/(Σ q² + σ⁻²):
    /// a sum of non-negative terms, exact to rounding where the printed arrangement subtracts two
    /// sums of ~N² (10,000 equal bins: 3.6e9 − 3.6e9 for a χ² of 0.028, 7 digits lost).
    /// 002 Eq. (16), the approximation of Eq. (15) that drops the 1/σ² terms ("1/σ² is small
    /// compared to N_exp"): χ² ≃ Σ N_exp²/D − (Σ k N_exp)²/(Σ k N_pred), D = N_bg + N_exp,
    /// k = N_pred/D. It drops (1/σ²) Σ (N_pred − N_exp)²/D, the cost of pulling the prediction to
    /// the data: right when the totals agree, 0 instead of ((c−1)/c)²/σ² when N_pred = c N_exp.
    public static func abdullahEq16(observed: [Double], predicted: [Double], background: [Double]) throws -> Double {
        guard !observed.isEmpty, observed.count == predicted.count, observed.count == background.count else {
            throw Chi2Error.shape(
                "observed, predicted and background need the same, non-zero number of bins (got "
                    + "\(observed.count), \(predicted.count), \(background.count))")
        }
        try validate(
            counts: observed + predicted + background, sigma: 0,
            positive: observed.indices.map { observed[$0] + background[$0] })
        var ee = 0.0
        var ke = 0.0
        var kp = 0.0
        for i in observed.indices {
            let d = background[i] + observed[i]
            let k = predicted[i] / d
            ee += observed[i] * observed[i] / d
            ke += k * observed[i]
            kp += k * predicted[i]
        }
        guard kp > 0 else { throw Chi2Error.shape("Eq. (16) needs a non-zero prediction") }
        return ee - ke * ke / kp
    }

    public static func abdullahMinimum(
        observed: [Double], predicted: [Double], background: [Double], sigma: Double
    )
        throws -> (beta: Double, chi2: Double)
    {
        guard !observed.isEmpty, observed.count == predicted.count, observed.count == background.count else {
            throw Chi2Error.shape(
                "observed, predicted and background need the same, non-zero number of bins (got "
                    + "\(observed.count), \(predicted.count), \(background.count))")
        }
        try validate(
            counts: observed + predicted + background, sigma: sigma,
            positive: observed.indices.map { observed[$0] + background[$0] })
        let roots = observed.indices.map { (background[$0] + observed[$0]).squareRoot() }
        let r = observed.indices.map { (observed[$0] - predicted[$0]) / roots[$0] }
        let q = observed.indices.map { predicted[$0] / roots[$0] }
        if sigma == 0 { return (0, r.reduce(0) { $0 + $1 * $1 }) }  // no nuisance: β fixed at 0
        let inverseVariance = 1 / (sigma * sigma)
        let s = observed.indices.map { observed[$0] / roots[$0] }
        var qq = 0.0
        var qr = 0.0
        var qs = 0.0
        for i in r.indices {
            qq += q[i] * q[i]
            qr += q[i] * r[i]
            qs += q[i] * s[i]
        }
        let beta = qr / (qq + inverseVariance)
        // Below β* = −1/2 the data sit far below the prediction: 1 + β* = (Σ q s + σ⁻²)/(Σ q² + σ⁻²)
        // (a ratio of positive sums) and the residuals s_i − (1 + β*) q_i keep the digits that
        // r_i − β* q_i, a difference of two ~q_i, loses.
        let normalisation = (qs + inverseVariance) / (qq + inverseVariance)
        var chi2 = beta * beta * inverseVariance
        for i in r.indices {
            let d = beta < -0.5 ? s[i] - normalisation * q[i] : r[i] - beta * q[i]
            chi2 += d * d
        }
        return (beta, chi2)
    }

    private static func validate(counts: [Double], sigma: Double, positive: [Double]) throws {
        guard counts.allSatisfy({ $0.isFinite && $0 >= 0 }) else {
            throw Chi2Error.shape("event counts must be finite and ≥ 0")
        }
        guard positive.allSatisfy({ $0 > 0 }) else {
            throw Chi2Error.shape("the χ² denominators must be > 0")
        }
        guard sigma.isFinite, sigma >= 0 else { throw Chi2Error.shape("σ must be finite and ≥ 0, got \(sigma)") }
    }
}

public enum Chi2Error: Error, Equatable, CustomStringConvertible {
    case shape(String)
    public var description: String {
        switch self {
        case .shape(let m): return "bad χ² input: \(m)"
        }
    }
}
