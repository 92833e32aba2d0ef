import Foundation

/// Couplings of a new vector boson Z' to one lepton generation, in the convention of Dev et al.
/// (000) Appendix Eq. (9): −𝓛 ⊃ Z'_μ (g_V f̄γ^μ f + g_A f̄γ^μγ₅ f) for f = ν_α, ℓ_α.
/// The left-handed neutrino then couples with g_V − g_A, the left-handed charged lepton with
/// g_V − g_A and the right-handed one with g_V + g_A. Dimensionless.
public struct LeptonCouplings: Equatable, Sendable {
    public var vector: Double
    public var axial: Double

    public init(vector: Double, axial: Double = 0) {
        self.vector = vector
        self.axial = axial
    }

    public static let zero = LeptonCouplings(vector: 0)
    /// g_{−α} = g_V − g_A: coupling to the left-handed neutrino and left-handed charged lepton.
    public var left: Double { vector - axial }
    /// g_{+α} = g_V + g_A: coupling to the right-handed charged lepton.
    public var right: Double { vector + axial }
}

/// A U(1)' model: charges of each lepton generation (shared by ν_α and ℓ_α, vector-like) and of
/// the u and d quarks. The Z' couples with g·Q.
public struct VectorModel: Sendable, Equatable {
    public let name: String
    public let aliases: [String]
    /// Charges of the e, μ and τ generations (stored apart: `charge` is on the hot path).
    let electronCharge: Double, muonCharge: Double, tauCharge: Double
    public let upCharge: Double
    public let downCharge: Double
    /// Where the charges come from.
    public let source: String
    /// False for the dark Z and dark hypercharge bosons, whose couplings to charged leptons are
    /// chiral: `leptonCharges` then holds the neutrino couplings only, and ν-e scattering is not
    /// available for them.
    public var chargedLeptonsVectorLike: Bool = true

    public init(
        name: String, aliases: [String], leptonCharges: [Lepton: Double], upCharge: Double, downCharge: Double,
        source: String
    ) {
        self.name = name
        self.aliases = aliases
        electronCharge = leptonCharges[.e] ?? 0
        muonCharge = leptonCharges[.mu] ?? 0
        tauCharge = leptonCharges[.tau] ?? 0
        self.upCharge = upCharge
        self.downCharge = downCharge
        self.source = source
    }

    public var leptonCharges: [Lepton: Double] { [.e: electronCharge, .mu: muonCharge, .tau: tauCharge] }

    public func charge(_ lepton: Lepton) -> Double {
        switch lepton {
        case .e: return electronCharge
        case .mu: return muonCharge
        case .tau: return tauCharge
        }
    }

    /// For L_α − L_β: the leptons of charge +1 (α) and −1 (β) whose loop mixes the Z' with the
    /// photon (004 Eq. (28)); nil for a model with quark charges.
    public var loopLeptons: (alpha: Lepton, beta: Lepton)? {
        guard isLeptonic,
            let alpha = Lepton.allCases.first(where: { charge($0) == 1 }),
            let beta = Lepton.allCases.first(where: { charge($0) == -1 })
        else { return nil }
        return (alpha, beta)
    }

    /// The loop pair when the electron has no tree-level charge (L_μ − L_τ): the electron then
    /// couples through the loop only.
    public var electronLoop: (alpha: Lepton, beta: Lepton)? { electronCharge == 0 ? loopLeptons : nil }

    /// True when the Z' has no tree-level coupling to quarks (L_α − L_β): CEvNS then goes through
    /// the one-loop kinetic mixing of 004 Eq. (28).
    public var isLeptonic: Bool { upCharge == 0 && downCharge == 0 }
    /// Z' coupling of the proton (2Q'_u + Q'_d) and the neutron (Q'_u + 2Q'_d), 004 Eq. (16).
    public var protonCharge: Double { 2 * upCharge + downCharge }
    public var neutronCharge: Double { upCharge + 2 * downCharge }

    /// Lepton couplings g·Q_α (vector, no axial part).
    public func couplings(g: Double) -> [Lepton: LeptonCouplings] {
        Dictionary(uniqueKeysWithValues: Lepton.allCases.map { ($0, LeptonCouplings(vector: g * charge($0))) })
    }
}

/// The registry of U(1)' models the harness knows.
public enum ModelRegistry {
    public static let bMinusL = VectorModel(
        name: "B-L", aliases: ["BminusL", "B_L", "BL"],
        leptonCharges: [.e: -1, .mu: -1, .tau: -1], upCharge: 1.0 / 3, downCharge: 1.0 / 3,
        source: "000 Sec. II (all charged leptons and neutrinos share one charge); 004 Table 1")
    public static let leMinusLmu = VectorModel(
        name: "Le-Lmu", aliases: ["LeLmu", "Le_Lmu"],
        leptonCharges: [.e: 1, .mu: -1, .tau: 0], upCharge: 0, downCharge: 0,
        source: "000 Sec. II (ν_μ charge opposite to the electron's); 004 Table 1")
    public static let leMinusLtau = VectorModel(
        name: "Le-Ltau", aliases: ["LeLtau", "Le_Ltau"],
        leptonCharges: [.e: 1, .mu: 0, .tau: -1], upCharge: 0, downCharge: 0,
        source: "000 Sec. VI; 004 Table 1")
    public static let lmuMinusLtau = VectorModel(
        name: "Lmu-Ltau", aliases: ["LmuLtau", "Lmu_Ltau"],
        leptonCharges: [.e: 0, .mu: 1, .tau: -1], upCharge: 0, downCharge: 0,
        source: "001 (L_mu - L_tau Lagrangian); 002 Sec. III Q = diag(0, 1, -1); 004 Table 1")
    public static let universal = VectorModel(
        name: "universal", aliases: ["univ"],
        leptonCharges: [.e: 1, .mu: 1, .tau: 1], upCharge: 1, downCharge: 1,
        source: "004 Sec. I (all standard fermions have the same charge); 004 Table 1")

    /// The anomaly-free family G_B(c_B, c_e, c_μ, c_τ) = c_B B − c_e L_e − c_μ L_μ − c_τ L_τ of
    /// 004 Eq. (19), with the constraint 3c_B − c_e − c_μ − c_τ = 0 of Eq. (20): quark charges
    /// c_B/3, lepton charges −c_α. A family member that violates Eq. (20) is refused.
    public static func gB(
        _ cB: Double, _ ce: Double, _ cmu: Double, _ ctau: Double,
        name: String? = nil
    ) throws -> VectorModel {
        let anomaly = 3 * cB - ce - cmu - ctau
        guard abs(anomaly) <= 1e-12 * max(1, abs(cB), abs(ce), abs(cmu), abs(ctau)) else {
            throw PhysicsError.notApplicable(
                "G_B(\(cB), \(ce), \(cmu), \(ctau)) is not anomaly-free: 3c_B − c_e − "
                    + "c_μ − c_τ = \(anomaly) ≠ 0 (004 Eq. (20))")
        }
        return VectorModel(
            name: name ?? "GB(\(cB),\(ce),\(cmu),\(ctau))", aliases: [],
            leptonCharges: [.e: -ce, .mu: -cmu, .tau: -ctau], upCharge: cB / 3, downCharge: cB / 3,
            source: "004 Eq. (19) with the constraint of Eq. (20)")
    }

    public static let bMinus3Le = try! gB(1, 3, 0, 0, name: "B-3Le")
    public static let bMinus3Lmu = try! gB(1, 0, 3, 0, name: "B-3Lmu")
    public static let bMinus2LeMinusLmu = try! gB(1, 2, 1, 0, name: "B-2Le-Lmu")
    public static let bMinusLeMinus2Lmu = try! gB(1, 1, 2, 0, name: "B-Le-2Lmu")
    /// B_y + L_μ + L_τ = G(1, −y, y−3, 0, −1, −1) of 004 Eq. (17): first-generation quarks carry
    /// baryon number 1 (charge 1/3), μ and τ lepton number +1 (004 Table 1).
    public static let byPlusLmuPlusLtau = VectorModel(
        name: "By+Lmu+Ltau", aliases: ["ByLmuLtau", "By_Lmu_Ltau"],
        leptonCharges: [.e: 0, .mu: 1, .tau: 1], upCharge: 1.0 / 3, downCharge: 1.0 / 3,
        source: "004 Table 1; G(1, -y, y-3, 0, -1, -1) of Eq. (17)")

    /// The dark Z of 002 Eq. (8): coupling (g/cos θ_W) ε_Z (T₃ − s_W² Q) to each chiral fermion, so
    /// with g = (e/(s_W c_W)) ε_Z the vector charges are Q'_q = T₃/2 − s_W² Q_q and the left-handed
    /// neutrino's is T₃ = 1/2.
    public static func darkZ(sin2ThetaW s: Double) -> VectorModel {
        var m = VectorModel(
            name: "darkZ", aliases: ["dark-Z"], leptonCharges: [.e: 0.5, .mu: 0.5, .tau: 0.5],
            upCharge: 0.25 - 2.0 / 3 * s, downCharge: -0.25 + 1.0 / 3 * s,
            source: "002 Eq. (8); g = e ε_Z/(s_W c_W)")
        m.chargedLeptonsVectorLike = false
        return m
    }

    /// The dark hypercharge boson of 002 Eq. (7): coupling g tan θ_W (Y/2) ε_B = g_Y ε_B Y/2 to each
    /// chiral fermion; with g = g_Y ε_B = (e/c_W) ε_B the vector charges are (Y_L + Y_R)/4:
    /// u 5/12, d −1/12, and the left-handed neutrino's is Y_L/2 = −1/2.
    public static let darkHypercharge: VectorModel = {
        var m = VectorModel(
            name: "darkHypercharge", aliases: ["dark-hypercharge", "darkY"],
            leptonCharges: [.e: -0.5, .mu: -0.5, .tau: -0.5], upCharge: 5.0 / 12, downCharge: -1.0 / 12,
            source: "002 Eq. (7); g = e ε_B/c_W")
        m.chargedLeptonsVectorLike = false
        return m
    }()

    public static let all: [VectorModel] = [
        universal, bMinusL, byPlusLmuPlusLtau, bMinus3Le, bMinus3Lmu,
        bMinus2LeMinusLmu,
        bMinusLeMinus2Lmu, leMinusLmu, leMinusLtau, lmuMinusLtau, darkHypercharge,
    ]

    /// The models ν-e scattering applies to (vector-like charged-lepton couplings).
    public static var nuElectronModels: [VectorModel] { all.filter(\.chargedLeptonsVectorLike) }

    /// True for the dark Z, whose charges depend on s_W² (every other model's are fixed numbers).
    public static func dependsOnSin2ThetaW(_ name: String) -> Bool {
        ["darkz", "dark-z"].contains(name.lowercased().replacingOccurrences(of: " ", with: ""))
    }

    /// Finds a model by name or alias, case-insensitively, or builds a G_B(c_B, c_e, c_μ, c_τ)
    /// family member from "GB(1,1.5,1.5,0)". The dark Z depends on s_W² (`sin2ThetaW`).
    /// "SM" is not a model: callers treat it (and an absent model) as no Z'.
    public static func lookup(_ name: String, sin2ThetaW: Double = Constants.defaultSin2ThetaW) throws -> VectorModel {
        let key = name.lowercased().replacingOccurrences(of: " ", with: "")
        if dependsOnSin2ThetaW(name) { return darkZ(sin2ThetaW: sin2ThetaW) }
        if let model = all.first(where: {
            $0.name.lowercased() == key
                || $0.aliases.contains { $0.lowercased() == key }
        }) {
            return model
        }
        if key.hasPrefix("gb("), key.hasSuffix(")") {
            let numbers = key.dropFirst(3).dropLast().split(separator: ",").map { Double(String($0)) }
            guard numbers.count == 4, numbers.allSatisfy({ $0 != nil && $0!.isFinite }) else {
                throw PhysicsError.unknown("model '\(name)': write GB(cB,ce,cmu,ctau) with four numbers")
            }
            return try gB(numbers[0]!, numbers[1]!, numbers[2]!, numbers[3]!, name: name)
        }
        throw PhysicsError.unknown(
            "model '\(name)' (known U(1)' models: \(all.map(\.name).joined(separator: ", ")), "
                + "darkZ, GB(cB,ce,cmu,ctau))")
    }
}

/// The electron's coupling to a Z' that reaches it only through the one-loop kinetic mixing of
/// L_α − L_β (004 Eqs. (28)-(29)). 004 Eq. (28) shifts the proton's vector coupling by
/// √2 α g² ε_βα/(πG_F(q² + M²)) for ν_α; written as Eq. (16)'s tree-level exchange
/// g² Q'_ν Q'_p/(√2G_F(q² + M²)) with Q'_να = +1, that is an effective proton charge
/// Q'_p = (2α/π) ε_βα(q) times its electric charge +1 (the same for ν_β, since ε_αβ = −ε_βα).
/// The electron, of electric charge −1, then has the vector coupling
///
///     g_Ve(q) = −g (2α/π) ε_βα(q),   g_Ae = 0,
///
/// at |q⃗| = √(2m_eT) in ν-e scattering. ε comes from the path that evaluates it (closed form or
/// quadrature), so this type only carries the sign and the normalisation.
public struct KineticMixingLoop: Sendable, Equatable {
    public let alpha: Lepton, beta: Lepton
    public let g: Double

    /// The electron's vector coupling g_Ve for the loop function ε_βα(q) (dimensionless).
    public func electronVector(epsilon: Double) -> Double {
        -g * 2 * Constants.fineStructure / Double.pi * epsilon
    }
}

/// A light vector boson of mass `mass` (MeV) with the given couplings per lepton generation.
/// `ZPrime.none` is the Standard Model.
public struct ZPrime: Sendable, Equatable {
    public let mass: Double
    /// Tree-level couplings of the e, μ and τ generations (stored apart: read on the hot path).
    let electron: LeptonCouplings, muon: LeptonCouplings, tau: LeptonCouplings
    /// Set for L_α − L_β: the electron then couples through the loop (`KineticMixingLoop`).
    public let electronLoop: KineticMixingLoop?
    /// True when every axial coupling vanishes (Dev et al. Eqs. (3)-(5) then apply).
    public let isPurelyVector: Bool
    public let isStandardModel: Bool

    /// Throws for a negative or non-finite mass, or non-finite couplings.
    public init(mass: Double, couplings: [Lepton: LeptonCouplings]) throws {
        try Self.validate(mass: mass)
        for (lepton, c) in couplings where !(c.vector.isFinite && c.axial.isFinite) {
            throw PhysicsError.unphysical("couplings of \(lepton.rawValue) must be finite")
        }
        self.init(checkedMass: mass, couplings: couplings, loop: nil)
    }

    static func validate(mass: Double) throws {
        guard mass.isFinite, mass >= 0 else {
            throw PhysicsError.unphysical("mediator mass must be finite and ≥ 0, got \(mass) MeV")
        }
        // The propagators take M²: beyond ~1e154 MeV it overflows, and a path that turned the
        // infinity into a zero cross section would be a wrong number, not a decoupled Z'.
        guard (mass * mass).isFinite else {
            throw PhysicsError.unphysical("mediator mass \(mass) MeV: M² overflows a double (give M below 1e150 MeV)")
        }
    }

    private init(checkedMass mass: Double, couplings: [Lepton: LeptonCouplings], loop: KineticMixingLoop?) {
        self.mass = mass
        electron = couplings[.e] ?? .zero
        muon = couplings[.mu] ?? .zero
        tau = couplings[.tau] ?? .zero
        electronLoop = loop
        isPurelyVector = couplings.values.allSatisfy { $0.axial == 0 }
        isStandardModel = couplings.values.allSatisfy { $0 == .zero } && (loop?.g ?? 0) == 0
    }

    /// No new boson: the Standard Model.
    public static let none = ZPrime(checkedMass: .infinity, couplings: [:], loop: nil)

    /// A registry model with gauge coupling g. For L_α − L_β the electron couples through the loop.
    public init(model: VectorModel, g: Double, mass: Double) throws {
        guard g.isFinite else { throw PhysicsError.unphysical("coupling g must be finite, got \(g)") }
        guard model.chargedLeptonsVectorLike else {
            throw PhysicsError.notApplicable(
                "\(model.name) couples chirally to charged leptons; ν-e scattering is "
                    + "not implemented for it")
        }
        try Self.validate(mass: mass)
        self.init(
            checkedMass: mass, couplings: model.couplings(g: g),
            loop: model.electronLoop.map { KineticMixingLoop(alpha: $0.alpha, beta: $0.beta, g: g) })
    }

    /// The tree-level couplings of a lepton generation.
    public func coupling(_ lepton: Lepton) -> LeptonCouplings {
        switch lepton {
        case .e: return electron
        case .mu: return muon
        case .tau: return tau
        }
    }
}
