import NuPhysics

/// Neutrino-electron dσ/dT as the SM formula with Z'-shifted couplings: Abdullah et al. (002)
/// Eq. (1) with the redefinition of Eq. (3) (equivalently the slides 001, "BSM neutrino-electron
/// scattering", C^V → C^V_SM + Q_eQ_α g'²/(2√2G_F(M² + 2mT)) in both chiral couplings). MeV⁻³.
///
///     dσ/dT = G_F²m/(2π) [(g_v + g_a)² + (g_v − g_a)²(1 − T/E)² + (g_a² − g_v²) mT/E²]
///     (g_v, g_a) → (g_v, g_a) + g'_ν (g'_v, ±g'_a) / (√2 G_F (q² + M²)),  q² = 2mT
///
/// SM: (g_v, g_a) = (T₃ − 2Q s_W², T₃) = (−½ + 2s_W², −½), plus (1, 1) from W exchange for ν_e.
/// Antineutrinos: g_a → −g_a (the "−" of Eq. (3)). Abdullah's Eq. (1) has g_v + g_a as the
/// left-handed electron coupling, so in the convention of `LeptonCouplings` (Dev's appendix,
/// left = g_V − g_A) Abdullah's g'_a is −g_Ae, and g'_ν = g_{−α}.
public enum NuElectronShift {
    public static func differentialCrossSection(_ p: NuElectronPoint) throws -> Double {
        let m = Constants.electronMass
        let gF = Constants.fermiConstant
        let s = p.sin2ThetaW
        let chargedCurrent = p.flavor.lepton == .e ? 1.0 : 0.0
        var gv = ElectronCharges.isospin - 2 * ElectronCharges.electricCharge * s + chargedCurrent
        var ga = ElectronCharges.isospin + chargedCurrent
        if !p.mediator.isStandardModel {
            let shift =
                p.neutrinoCoupling
                / (2.0.squareRoot() * gF
                    * (2 * Constants.electronMass * p.recoil
                        + p.mediator.mass * p.mediator.mass))
            let electron = p.electronCoupling
            gv += shift * electron.vector
            ga += shift * (-electron.axial)
        }
        if p.flavor.isAntineutrino { ga = -ga }
        let y = 1 - p.recoil / p.energy
        return gF * gF * m / (2 * Double.pi)
            * ((gv + ga) * (gv + ga) + (gv - ga) * (gv - ga) * y * y
                + (ga * ga - gv * gv) * m * p.recoil / (p.energy * p.energy))
    }
}
