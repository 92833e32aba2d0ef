/// Nuclear form-factor parameterisations (004 Sec. III: Helm, symmetrized Fermi, Klein-Nystrand).
public enum FormFactorModel: String, CaseIterable, Sendable, NamedChoice {
    case helm, fermi, kleinNystrand, none
    public static let inputName = "formFactor"

    /// Surface thickness of the Helm form factor, s = 0.9 fm (Lewin & Smith 1996; the value used
    /// with 004's radii by Cadeddu et al.).
    public static let helmSurfaceThickness = 0.9
    /// Diffuseness of the symmetrized Fermi distribution, a = 0.52 fm (Lewin & Smith 1996).
    public static let fermiDiffuseness = 0.52
    /// Range of the Yukawa folded into the Klein-Nystrand hard sphere, a_k = 0.7 fm
    /// (S. Klein, J. Nystrand, Phys. Rev. C 60 (1999) 014903).
    public static let kleinNystrandRange = 0.7
}

/// The normalisation of the Z' term in the weak charge (004 Appendix A).
public enum CoefficientConvention: String, CaseIterable, Sendable, NamedChoice {
    /// g²/(√2 G_F(q² + M²)), 004 Eq. (16), shown right in 004 Appendix A.
    case full
    /// Half of it, used by part of the literature (004 Appendix A lists the references).
    case half
    /// 004 Eq. (55) as printed, g g/(√2G_F(q² − M²)) with the Minkowski q² = −|q⃗|²: the Z' term
    /// with the opposite sign. Dividing Eq. (53) by the SM term gives 1/(√2G_F(M² − q²)), the sign
    /// of Eq. (16): Eq. (55) is a misprint, kept to demonstrate it (`nucheck audit`, item eq55-sign).
    case eq55 = "eq55"

    public var factor: Double {
        switch self {
        case .full: return 1
        case .half: return 0.5
        case .eq55: return -1
        }
    }

    public static let inputName = "convention"
}

/// How the one-loop kinetic mixing of L_α − L_β models enters CEvNS (004 Eq. (28)).
public enum LoopMixingMode: String, CaseIterable, Sendable, NamedChoice {
    /// ε_βα(|q|) of Eq. (29) at the actual momentum transfer.
    case exact
    /// ε_βα ≈ ln(m_β²/m_α²)/6, its q → 0 limit (004 after Eq. (29)).
    case approx

    public static let inputName = "loop"
}

/// The new boson of a CEvNS evaluation.
public enum CEvNSMediator: Sendable {
    case none
    /// A vector Z' of a registry model with coupling g and mass M (MeV).
    case vector(model: VectorModel, g: Double, mass: Double)
    /// A scalar φ with g̃_φ = √(g_ν g_q) (004 Eq. (42)), mass M (MeV), and σ_πN/m̄_ud.
    case scalar(g: Double, mass: Double, sigmaPiNRatio: Double)
}

/// One CEvNS evaluation point on a single nucleus. Energies in MeV.
public struct CEvNSPoint: Sendable {
    public let nucleus: Nucleus
    public let flavor: Flavor
    public let energy: Double
    public let recoil: Double
    public let mediator: CEvNSMediator
    public let convention: CoefficientConvention
    public let formFactor: FormFactorModel
    public let loop: LoopMixingMode

    /// Validates E > 0, 0 ≤ T ≤ 2E²/(M + 2E) (exact kinematics), a known flavour and a sane mediator.
    public init(
        nucleus: Nucleus, flavor: Flavor, energy: Double, recoil: Double, mediator: CEvNSMediator = .none,
        convention: CoefficientConvention = .full, formFactor: FormFactorModel = .helm,
        loop: LoopMixingMode = .exact
    ) throws {
        try Kinematics.validateRecoil(recoil, energy: energy, targetMass: nucleus.mass)
        guard flavor.lepton != .tau else {
            throw PhysicsError.notApplicable(
                "004 gives g_V^p for ν_e and ν_μ only (Eq. (12)); there are no ν_τ at a "
                    + "π-DAR source")
        }
        switch mediator {
        case .none: break
        case .vector(_, let g, let mass), .scalar(let g, let mass, _):
            guard g.isFinite else { throw PhysicsError.unphysical("coupling g must be finite, got \(g)") }
            try requireNonNegative(mass, "mediator mass")
            if mass == 0
                && recoil == 0
            {
                throw PhysicsError.unphysical(
                    "a massless mediator at zero recoil gives an infinite "
                        + "cross section")
            }
        }
        if case .scalar(_, _, let ratio) = mediator { try requirePositive(ratio, "σ_πN/m̄_ud", unit: "") }
        self.nucleus = nucleus
        self.flavor = flavor
        self.energy = energy
        self.recoil = recoil
        self.mediator = mediator
        self.convention = convention
        self.formFactor = formFactor
        self.loop = loop
    }

    /// Squared momentum transfer |q⃗|² ≃ 2MT (MeV²), as in 004 after Eq. (16) (exactly −q² of the
    /// elastic four-momentum transfer).
    public var momentumTransferSquared: Double { 2 * nucleus.mass * recoil }

    /// 004 Eq. (12) proton coupling seen by this flavour (antineutrinos as neutrinos: the vector
    /// charge changes sign for both the SM and the Z' term, which leaves |Q|² unchanged).
    public var protonCoupling: Double {
        flavor.lepton == .e ? Constants.protonCouplingNuE : Constants.protonCouplingNuMu
    }
}

extension Kinematics {
    /// The nuclear-recoil endpoint as 004 prints it, T_max = 2E²/M (after Eq. (4)); the exact
    /// endpoint is 2E²/(M + 2E), smaller by the factor 1/(1 + 2E/M).
    public static func printedNuclearEndpoint(energy: Double, nucleusMass: Double) -> Double {
        2 * energy * energy / nucleusMass
    }
}
