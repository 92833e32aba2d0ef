/// Physical constants, in natural units with MeV as the unit of energy and mass
/// (ħ = c = 1). Every value names its source; `Reference/constants.json` holds the same
/// numbers as printed there, and a test keeps the two in step.
public enum Constants {
    /// Fermi constant G_F = 1.1663787(6)e-5 GeV^-2 (PDG 2020), here in MeV^-2.
    public static let fermiConstant = 1.1663787e-11
    /// Electron mass 0.51099895000 MeV (CODATA 2018).
    public static let electronMass = 0.51099895000
    /// Muon mass 105.6583755 MeV (CODATA 2018).
    public static let muonMass = 105.6583755
    /// Tau mass 1776.86 MeV (PDG 2020).
    public static let tauMass = 1776.86
    /// Charged pion mass 139.57039 MeV (PDG 2020).
    public static let chargedPionMass = 139.57039
    /// Fine-structure constant α = 1/137.035999084 (CODATA 2018), at q² = 0.
    public static let fineStructure = 1.0 / 137.035999084
    /// ħc = 197.3269804 MeV fm (CODATA 2018, exact in the 2019 SI).
    public static let hbarC = 197.3269804
    /// (ħc)² in MeV² cm², so that 1 MeV⁻² = (ħc)² cm² ≈ 3.8937937e-22 cm², from ħc above and
    /// 1 fm = 1e-13 cm. The only conversion to cm² in the harness; it is applied at the edges.
    public static let squaredHbarCInMeV2Cm2 = (hbarC * 1e-13) * (hbarC * 1e-13)

    /// Default sin²θ_W = 0.23121, the PDG 2020 MS-bar value at the Z pole. The papers do not fix
    /// it (Dev et al. use s_W² ≈ 0.25 for the sign argument of Eqs. (6)-(7)); every quantity that
    /// needs it takes it as an explicit input with this default.
    public static let defaultSin2ThetaW = 0.23121
    /// sin²θ_W(0) = 0.23857, the PDG 2020 MS-bar value run to zero momentum transfer, the one
    /// low-energy neutrino scattering effectively sees.
    public static let lowEnergySin2ThetaW = 0.23857
    /// Atomic mass unit u = 931.49410242 MeV (CODATA 2018).
    public static let atomicMassUnit = 931.49410242

    /// SM neutrino-nucleon vector couplings with MS-bar radiative corrections, 004 Eq. (12)
    /// (Cadeddu et al. 2020): g_V^p(ν_e) = 0.0401, g_V^p(ν_μ) = 0.0318, g_V^n = −0.5094.
    public static let protonCouplingNuE = 0.0401
    public static let protonCouplingNuMu = 0.0318
    public static let neutronCoupling = -0.5094

    /// Elementary charge e = √(4πα) in natural (Heaviside-Lorentz) units.
    public static var elementaryCharge: Double { (4 * Double.pi * fineStructure).squareRoot() }
}
