import NuPhysics

/// U(1) charges of one generation from the fields' quantum numbers (003, Secs. 2-3).
///
/// - Hypercharge: Y = 2(Q − T₃), the Gell-Mann–Nishijima relation in the normalisation where the
///   Higgs has Y = 1 (003 Table 1's last column); every member of a multiplet must give the same Y.
/// - 003's U(1)_R (only right-handed fields charged, one coupling): z = 2T₃R, so ±1 for the
///   right-handed fields, 1 for the Higgs, 0 for the left-handed doublets.
public enum U1Charges {
    /// The charge of `field` under `group`; a multiplet whose members disagree is an error.
    public static func charge(_ group: U1Group, of field: StandardModelField) throws -> Double {
        switch group {
        case .right: return 2 * field.rightIsospin
        case .hypercharge:
            let values = field.components.map { 2 * ($0.charge - $0.isospin) }
            guard let first = values.first, values.allSatisfy({ abs($0 - first) <= 1e-15 }) else {
                throw PhysicsError.unphysical("the members of \(field.rawValue) give different hypercharges \(values)")
            }
            return first
        }
    }

    /// Every field's charge under `group`.
    public static func charges(_ group: U1Group) throws -> [StandardModelField: Double] {
        var out: [StandardModelField: Double] = [:]
        for f in StandardModelField.allCases { out[f] = try charge(group, of: f) }
        return out
    }
}
