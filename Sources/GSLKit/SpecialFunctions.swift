import CGSL

/// GSL special functions used by the analyses, with GSL errors thrown.
public enum SpecialFunctions {
    /// Regularised lower incomplete gamma function P(a, x) = γ(a, x)/Γ(a), a > 0, x ≥ 0
    /// (gsl_sf_gamma_inc_P_e).
    public static func regularizedGammaP(_ a: Double, _ x: Double) throws -> Double {
        GSLRuntime.prepare()
        var result = gsl_sf_result(val: 0, err: 0)
        try check(gsl_sf_gamma_inc_P_e(a, x, &result), "gsl_sf_gamma_inc_P_e", detail: "a = \(a), x = \(x)")
        return result.val
    }
}
