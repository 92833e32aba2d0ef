import Foundation
import NuPhysics

/// Shift ΔQ_W of a nucleus' weak charge by a Z' (002 Sec. IV.C), closed form. Dimensionless.
///
/// Derivation. Write the Z' current as 𝓛 ⊃ g Z'_μ Σ_f f̄γ^μ(v_f − a_fγ₅)f, with charges per unit g
/// v = (c_L + c_R)/2 and a = (c_L − c_R)/2 from the chiral charges c_L, c_R. Integrating out the Z'
/// at momentum transfer |q⃗| (its propagator 1/(M² + q²)) gives for e ≠ f
///
///     𝓛_eff = −g²/(M² + q²) [ēγ^μ(v_e − a_eγ₅)e][f̄γ_μ(v_f − a_fγ₅)f],
///
/// whose parity-violating part that adds up coherently over the nucleus (axial electron, vector
/// quark) is +g² a_e v_q/(M² + q²) (ēγ^μγ₅e)(q̄γ_μq). The SM writes the same operator as
/// (G_F/√2) C_1q (ēγ^μγ₅e)(q̄γ_μq) with Q_W = −2[Z(2C_1u + C_1d) + N(C_1u + 2C_1d)]: the Z itself
/// (a_e = −g₂/(4c_W), v_q = (g₂/c_W)(T₃/2 − Qs_W²), g₂²/c_W² = 4√2 G_F M_Z²) gives C_1u = −1/2 + 4s_W²/3,
/// C_1d = 1/2 − 2s_W²/3 and Q_W = −N + Z(1 − 4s_W²), the normalisation check. So the Z' adds
///
///     δC_1q = (√2/G_F) g² a_e v_q/(M² + q²),
///     ΔQ_W  = −(2√2/G_F) g² a_e (Z Q'_p + N Q'_n)/(M² + q²),   Q'_p = 2v_u + v_d,  Q'_n = v_u + 2v_d.
///
/// Limits: for M ≫ q the contact term g² a_e v_q/M²; a purely vector electron coupling (a_e = 0: every
/// vector-like U(1)', and L_μ − L_τ, whose one-loop electron coupling is photon-like, ∝ Q_em) gives
/// ΔQ_W = 0 at this order. Dark Z (a_e = T₃/2 = −1/4, g = eε_Z/(s_W c_W)): ΔQ_W = ε_Z² Q_W^tree M̂_Z²/(M² + q²)
/// with Q_W^tree = −N + Z(1 − 4s_W²) and M̂_Z² = πα/(√2 G_F s_W² c_W²), the tree-level Z mass (88.4 GeV
/// at α(0), s_W² = 0.23121): the ε_Z² m_Z²/(M² + q²) scaling. Dark hypercharge (a_e = (Y_L − Y_R)/4 = +1/4,
/// Q'_p = 3/4, Q'_n = 1/4, g = eε_B/c_W). q is the measurement's momentum scale (002: 30 MeV for
/// ¹³³Cs, from its Ref. [49]); M and q in MeV, G_F in MeV⁻².
public enum APVWeakChargeShift {
    /// ΔQ_W for gauge coupling g (dimensionless), mass M ≥ 0 and momentum scale q ≥ 0 (MeV, M + q > 0).
    public static func shift(
        model: VectorModel, g: Double, mass: Double, momentum q: Double, nucleus: Nucleus
    ) throws -> Double {
        try requireExchange(coupling: g, mass: mass, momentum: q)
        let axial = electronAxialCharge(model)
        guard axial != 0 else { return 0 }  // a purely vector electron coupling: no parity violation
        let weighted = Double(nucleus.protons) * model.protonCharge + Double(nucleus.neutrons) * model.neutronCharge
        let propagator = mass * mass + q * q
        return -2 * 2.0.squareRoot() / Constants.fermiConstant * g * g * axial * weighted
            / propagator
    }

    /// The electron's axial charge a_e = (c_L − c_R)/2 per unit g: T₃/2 = −1/4 for the dark Z,
    /// (Y_L − Y_R)/4 = (−1 + 2)/4 = +1/4 for the dark hypercharge, 0 for every vector-like model.
    public static func electronAxialCharge(_ model: VectorModel) -> Double {
        switch DarkBoson(model) {
        case .darkZ: return ElectronCharges.isospin / 2
        case .darkHypercharge: return 0.25
        case nil: return 0
        }
    }
}
