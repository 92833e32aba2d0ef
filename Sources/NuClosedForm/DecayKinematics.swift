import NuPhysics

/// Neutrino energies of pion decay at rest as printed in 004 (MeV).
public enum DecayKinematics {
    /// Prompt ν_μ line of π⁺ → μ⁺ν_μ at rest, 004 Eq. (1): E = (m_π² − m_μ²)/(2m_π) ≈ 29.8 MeV.
    public static var promptLine: Double {
        let mPi = Constants.chargedPionMass
        let mMu = Constants.muonMass
        return (mPi * mPi - mMu * mMu) / (2 * mPi)
    }

    /// Endpoint of the delayed ν_e and ν̄_μ spectra of μ⁺ decay at rest, 004 after Eq. (4):
    /// E_max = m_μ/2 ≈ 52.8 MeV (electron mass neglected, as in Eqs. (2)-(3)).
    public static var muonDecayEndpoint: Double { Constants.muonMass / 2 }
}

/// Coupling combinations quoted in the papers.
public enum CouplingRatios {
    /// Slides 001, "Neutrino trident production": (g_V² + g_A²)_{CC+NC}/(g_V² + g_A²)_CC for
    /// ν_μ → ν_μ μ⁺μ⁻, with (g_V, g_A) = (1/2 + 2s_W², 1/2) for CC+NC and (1, 1) for CC, as in the
    /// slide's table. Dimensionless; ≈ 0.60 needs the low-energy s_W² (see Reference/).
    public static func tridentRatio(sin2ThetaW s: Double) -> Double {
        let gv = 0.5 + 2 * s
        let ga = 0.5
        return (gv * gv + ga * ga) / (1 * 1 + 1 * 1)
    }

    /// 004 Eq. (40): σ_πN/m̄_ud with m̄_ud = (m_u + m_d)/2 (all in MeV; the ratio is dimensionless).
    public static func sigmaPiNOverMud(sigmaPiN: Double, upMass: Double, downMass: Double) throws -> Double {
        try requirePositive(sigmaPiN, "σ_πN")
        try requirePositive(upMass, "m_u")
        try requirePositive(downMass, "m_d")
        return sigmaPiN / ((upMass + downMass) / 2)
    }
}

/// The Z' coefficient of the weak charge, 004 Eq. (16) and Appendix A.
public enum ZPrimeCoefficient {
    /// The coefficient multiplying Q'_ℓ[(2Q'_u + Q'_d)ZF_Z + (Q'_u + 2Q'_d)NF_N] in Eq. (16), for
    /// coupling g, mediator mass M (MeV) and |q⃗| (MeV). Dimensionless.
    public static func value(_ convention: CoefficientConvention, g: Double, mass: Double, q: Double) throws -> Double {
        try requireFinite(g, "coupling g")
        try requireNonNegative(mass, "mediator mass")
        try requireNonNegative(q, "momentum transfer q")
        guard mass > 0 || q > 0 else { throw PhysicsError.unphysical("q = M = 0 makes the propagator infinite") }
        let full = g * g / (2.0.squareRoot() * Constants.fermiConstant * (q * q + mass * mass))
        return full * convention.factor
    }

    /// The factor by which a coupling quoted in the half convention must be multiplied to give
    /// the same weak charge as the full one: √(full/half) = √2 (004 Appendix A, last paragraph).
    public static func rescalingFactor(g: Double, mass: Double, q: Double) throws -> Double {
        (try value(.full, g: g, mass: mass, q: q) / value(.half, g: g, mass: mass, q: q)).squareRoot()
    }
}
