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
        var pe = 0.0
        var pp = 0.0
        var ee = 0.0
        var diff = 0.0
        for i in observed.indices {
            let w = background[i] + observed[i]
            let p = predicted[i]
            let e = observed[i]
            pe += p * e / w
            pp += p * p / w
            ee += e * e / w
            diff += (p - e) * (p - e) / w
        }
        if sigma == 0 { return (0, diff) }  // no nuisance: β fixed at 0
        let inverseVariance = 1 / (sigma * sigma)
        let chi2 = (-pe * pe + pp * ee + inverseVariance * diff) / (inverseVariance + pp)
        return ((pe - pp) / (pp + inverseVariance), chi2)
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
