/// The two mixing scenarios of 002 Sec. III whose couplings to charged fermions are chiral, and the
/// normalisation 002 draws their bounds in (ε_Z, ε_B; 002 Figs. 2-3).
///
/// Dark Z (Eq. (8)): (g_2/c_W) ε_Z (T₃ − s_W² Q) on each chiral fermion. Dark hypercharge (Eq. (7)):
/// g_2 tan θ_W ε_B Y/2 = g_Y ε_B Y/2. The harness writes every Z' coupling as g·(charge), with the
/// charges of `ModelRegistry.darkZ` / `.darkHypercharge`, so
///
///     g = e ε_Z/(s_W c_W)   (dark Z),   g = e ε_B/c_W   (dark hypercharge),
///
/// with e = √(4πα) at α = α(0) = 1/137.036 (`Constants.fineStructure`), the convention every
/// dark-boson input of the harness uses. With α(M_Z) ≈ 1/128 instead, g per ε would be 3.5% larger.
public enum DarkBoson: String, Sendable, CaseIterable {
    case darkZ, darkHypercharge

    /// The dark boson a registry model stands for, or nil for a vector-like U(1)' model.
    public init?(_ model: VectorModel) {
        switch model.name {
        case "darkZ": self = .darkZ
        case "darkHypercharge": self = .darkHypercharge
        default: return nil
        }
    }

    /// g per unit ε (dimensionless): e/(s_W c_W) or e/c_W, s_W² in (0, 1).
    public func couplingPerEpsilon(sin2ThetaW s: Double) throws -> Double {
        guard s.isFinite, s > 0, s < 1 else {
            throw PhysicsError.unphysical("sin²θ_W must lie in (0, 1), got \(s)")
        }
        let e = Constants.elementaryCharge
        switch self {
        case .darkZ: return e / (s * (1 - s)).squareRoot()
        case .darkHypercharge: return e / (1 - s).squareRoot()
        }
    }
}

/// The coupling a bound is drawn in (002 Figs. 2-4): ε for the dark bosons, g_Z' for every
/// vector-like U(1)' model. Converts it to the harness's gauge coupling g.
public enum DrawnCoupling {
    /// The gauge coupling g of `model` for the drawn coupling `value` (ε or g).
    public static func gaugeCoupling(_ value: Double, model: VectorModel, sin2ThetaW: Double) throws -> Double {
        guard let dark = DarkBoson(model) else { return value }
        return value * (try dark.couplingPerEpsilon(sin2ThetaW: sin2ThetaW))
    }

    /// g per unit ε for a dark boson's model, nil for a model drawn in g itself.
    public static func gaugePerMixing(_ model: VectorModel, sin2ThetaW: Double) throws -> Double? {
        try DarkBoson(model).map { try $0.couplingPerEpsilon(sin2ThetaW: sin2ThetaW) }
    }

    /// "epsilon" for the dark bosons, "g" otherwise: the name of the drawn coupling.
    public static func name(_ model: VectorModel) -> String { DarkBoson(model) == nil ? "g" : "epsilon" }
}
