import NuPhysics

/// The flavour coefficients c₁…c₄ of Dev et al. (000) Table 1.
public struct DevCoefficients: Equatable, Sendable {
    public let c1: Double, c2: Double, c3: Double, c4: Double

    public subscript(index: Int) -> Double? {
        switch index {
        case 1: return c1
        case 2: return c2
        case 3: return c3
        case 4: return c4
        default: return nil
        }
    }
}

/// Dev et al. Table 1, derived from the electron's chiral couplings rather than copied:
///
/// - g_L = T₃ − Q s_W² = s_W² − ½ and g_R = −Q s_W² = s_W²; for ν_e and ν̄_e the W exchange adds
///   +1 to g_L (Fierz rearrangement of the charged current).
/// - A neutrino scatters on e_L with the s-channel-like term, an antineutrino on e_R:
///   ν: (c₁, c₂) = (g_L, g_R); ν̄: (c₁, c₂) = (g_R, g_L).
/// - Shifting both chiral couplings by a vector Z' amplitude δ in Eq. (3) and matching the O(δ)
///   term to the bracket of Eq. (5) gives c₃ = 2(c₁ + c₂ − 2s_W²) and c₄ = −2(c₂ − s_W²).
///
/// Valid for any s_W² (dimensionless).
public enum DevTable1 {
    public static func coefficients(_ flavor: Flavor, sin2ThetaW s: Double) -> DevCoefficients {
        let chargedCurrent = flavor.lepton == .e ? 1.0 : 0.0
        let left = ElectronCharges.isospin - ElectronCharges.electricCharge * s + chargedCurrent
        let right = -ElectronCharges.electricCharge * s
        let (c1, c2) = flavor.isAntineutrino ? (right, left) : (left, right)
        return DevCoefficients(c1: c1, c2: c2, c3: 2 * (c1 + c2 - 2 * s), c4: -2 * (c2 - s))
    }
}
