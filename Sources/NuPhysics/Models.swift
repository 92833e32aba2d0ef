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
    public let leptonCharges: [Lepton: Double]
    public let upCharge: Double
    public let downCharge: Double
    /// Where the charges come from.
    public let source: String

    public func charge(_ lepton: Lepton) -> Double { leptonCharges[lepton] ?? 0 }

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

    public static let all: [VectorModel] = [bMinusL, leMinusLmu, leMinusLtau, lmuMinusLtau, universal]

    /// Finds a model by name or alias, case-insensitively. "SM" is not a model: callers treat it
    /// (and an absent model) as no Z'.
    public static func lookup(_ name: String) throws -> VectorModel {
        let key = name.lowercased()
        if let model = all.first(where: { $0.name.lowercased() == key || $0.aliases.contains { $0.lowercased() == key } }) {
            return model
        }
        throw PhysicsError.unknown("model '\(name)' (known: SM, \(all.map(\.name).joined(separator: ", ")), custom)")
    }
}

/// A light vector boson of mass `mass` (MeV) with the given couplings per lepton generation.
/// `ZPrime.none` is the Standard Model.
public struct ZPrime: Sendable, Equatable {
    public let mass: Double
    public let couplings: [Lepton: LeptonCouplings]

    /// Throws for a negative or non-finite mass, or non-finite couplings.
    public init(mass: Double, couplings: [Lepton: LeptonCouplings]) throws {
        guard mass.isFinite, mass >= 0 else {
            throw PhysicsError.unphysical("mediator mass must be finite and ≥ 0, got \(mass) MeV")
        }
        for (lepton, c) in couplings where !(c.vector.isFinite && c.axial.isFinite) {
            throw PhysicsError.unphysical("couplings of \(lepton.rawValue) must be finite")
        }
        self.mass = mass
        self.couplings = couplings
    }

    private init(uncheckedMass: Double) {
        mass = uncheckedMass
        couplings = [:]
    }

    /// No new boson: the Standard Model.
    public static let none = ZPrime(uncheckedMass: .infinity)

    /// A registry model with gauge coupling g.
    public init(model: VectorModel, g: Double, mass: Double) throws {
        guard g.isFinite else { throw PhysicsError.unphysical("coupling g must be finite, got \(g)") }
        try self.init(mass: mass, couplings: model.couplings(g: g))
    }

    public func coupling(_ lepton: Lepton) -> LeptonCouplings { couplings[lepton] ?? .zero }

    /// True when every axial coupling vanishes (Dev et al. Eqs. (3)-(5) then apply).
    public var isPurelyVector: Bool { couplings.values.allSatisfy { $0.axial == 0 } }
    public var isStandardModel: Bool { couplings.values.allSatisfy { $0 == .zero } }
}
