/// One generation of Standard Model fields with a right-handed neutrino, and the Higgs doublet:
/// the field content 003 (Alikhanov & Paschos) works with, as quantum numbers only. Each path
/// derives U(1) charges from these in its own way (`NuClosedForm.U1Charges`,
/// `NuNumerical.U1ChargeConstraints`).
public enum StandardModelField: String, CaseIterable, Sendable {
    /// Left-handed quark doublet (u_L, d_L).
    case quarkDoublet = "Q"
    /// Left-handed lepton doublet (ν_L, e_L).
    case leptonDoublet = "L"
    case upRight = "uR"
    case downRight = "dR"
    case electronRight = "eR"
    case neutrinoRight = "nuR"
    /// The Higgs doublet (φ⁺, φ⁰), a scalar: it carries charges but enters no fermion anomaly.
    case higgs = "H"

    /// Colour multiplicity (3 for quarks).
    public var colours: Int { [.quarkDoublet, .upRight, .downRight].contains(self) ? 3 : 1 }

    /// Weak-isospin components: (electric charge Q in units of e, T₃) of each member.
    public var components: [(charge: Double, isospin: Double)] {
        switch self {
        case .quarkDoublet: return [(2.0 / 3, 0.5), (-1.0 / 3, -0.5)]
        case .leptonDoublet: return [(0, 0.5), (-1, -0.5)]
        case .upRight: return [(2.0 / 3, 0)]
        case .downRight: return [(-1.0 / 3, 0)]
        case .electronRight: return [(-1, 0)]
        case .neutrinoRight: return [(0, 0)]
        case .higgs: return [(1, 0.5), (0, -0.5)]
        }
    }

    /// Weyl fermions are left- or right-handed; the Higgs is neither.
    public enum Chirality: Sendable { case left, right, scalar }

    public var chirality: Chirality {
        switch self {
        case .quarkDoublet, .leptonDoublet: return .left
        case .higgs: return .scalar
        default: return .right
        }
    }

    /// Right-handed isospin T₃R of the right-handed fields (+½ up-type, −½ down-type; the Higgs +½,
    /// as in left-right models where it completes the up-type Yukawa), 0 for left-handed fields.
    public var rightIsospin: Double {
        switch self {
        case .upRight, .neutrinoRight, .higgs: return 0.5
        case .downRight, .electronRight: return -0.5
        case .quarkDoublet, .leptonDoublet: return 0
        }
    }
}

/// The two U(1) groups of 003: the Standard Model hypercharge and 003's right-handed U(1)_R
/// (only right-handed fields charged, one new coupling).
public enum U1Group: String, CaseIterable, Sendable {
    case hypercharge = "Y"
    case right = "R"
}

/// Triangle-anomaly coefficients of one generation for U(1) charges given per field: the sum over
/// Weyl fermions of the charges' product, left-handed fields counted +, right-handed −, each with its
/// colour and isospin multiplicity. A consistent gauge theory needs every one to vanish.
public enum TriangleAnomaly: String, CaseIterable, Sendable {
    /// [U(1)]³ of the charge z: Σ ± z³.
    case cubic
    /// U(1)-gravity-gravity: Σ ± z.
    case gravitational
    /// [SU(3)]² U(1): Σ over colour triplets of ± z (one per isospin member).
    case colour
    /// [SU(2)]² U(1): Σ over doublets of z times colours.
    case isospin
    /// [U(1)_Y]² U(1)_z: Σ ± Y² z.
    case hyperchargeSquared
    /// U(1)_Y [U(1)_z]²: Σ ± Y z².
    case chargeSquared

    /// The coefficient for charges `z` and hypercharges `y` (per field), over the fermions kept.
    public func coefficient(
        z: [StandardModelField: Double], y: [StandardModelField: Double], fermions: [StandardModelField]
    ) -> Double {
        fermions.reduce(0.0) { sum, f in
            let sign: Double = f.chirality == .left ? 1 : -1
            let count = Double(f.colours * f.components.count)
            let (q, h) = (z[f] ?? 0, y[f] ?? 0)
            switch self {
            case .cubic: return sum + sign * count * q * q * q
            case .gravitational: return sum + sign * count * q
            case .colour: return f.colours == 3 ? sum + sign * Double(f.components.count) * q : sum
            case .isospin: return f.components.count == 2 ? sum + Double(f.colours) * q : sum
            case .hyperchargeSquared: return sum + sign * count * h * h * q
            case .chargeSquared: return sum + sign * count * h * q * q
            }
        }
    }
}
