import GSLKit
import NuPhysics

/// U(1) charges of one generation solved from the constraints a gauge theory imposes, by GSL's LU
/// solve (003, Secs. 2-3), instead of read from each field's quantum numbers:
///
/// - Yukawa invariance (003 Eqs. (13)-(16)): Q̄H̃u_R, Q̄Hd_R, L̄He_R and L̄H̃ν_R are neutral, so
///   z_u = z_Q + z_H, z_d = z_Q − z_H, z_e = z_L − z_H, z_ν = z_L + z_H;
/// - hypercharge: the [SU(2)]²U(1) anomaly 3Y_Q + Y_L = 0, a neutral vacuum (the Higgs' T₃ = −½
///   member has Q = 0) and the electron's charge −1 fix the rest (with ν_R, B − L is anomaly-free, so
///   anomalies alone cannot fix the normalisation: one electric charge must);
/// - 003's U(1)_R: the left-handed doublets uncharged (003 Sec. 3) and z_H = 1, the unit of the
///   one new coupling.
/// Seven equations for seven charges; a singular system is an error.
public enum U1ChargeConstraints {
    public static func charges(_ group: U1Group) throws -> [StandardModelField: Double] {
        let fields = StandardModelField.allCases
        func row(_ terms: [(StandardModelField, Double)]) -> [Double] {
            fields.map { f in terms.filter { $0.0 == f }.reduce(0.0) { $0 + $1.1 } }
        }
        var rows = [
            row([(.upRight, 1), (.quarkDoublet, -1), (.higgs, -1)]),
            row([(.downRight, 1), (.quarkDoublet, -1), (.higgs, 1)]),
            row([(.electronRight, 1), (.leptonDoublet, -1), (.higgs, 1)]),
            row([(.neutrinoRight, 1), (.leptonDoublet, -1), (.higgs, -1)]),
        ]
        var rhs = [0.0, 0, 0, 0]
        switch group {
        case .hypercharge:
            // Q = T₃ + Y/2 applied to two members only: the Higgs' neutral one and the electron.
            guard let neutral = StandardModelField.higgs.components.first(where: { $0.charge == 0 }),
                let electron = StandardModelField.leptonDoublet.components.first(where: { $0.charge == -1 })
            else { throw PhysicsError.unphysical("the field table lacks φ⁰ or e_L") }
            rows += [
                row([(.quarkDoublet, 3), (.leptonDoublet, 1)]), row([(.higgs, 1)]), row([(.leptonDoublet, 1)]),
            ]
            rhs += [0, 2 * (neutral.charge - neutral.isospin), 2 * (electron.charge - electron.isospin)]
        case .right:
            rows += [row([(.quarkDoublet, 1)]), row([(.leptonDoublet, 1)]), row([(.higgs, 1)])]
            rhs += [0, 0, 1]
        }
        let solution = try LinearSolve.solve(rows, rhs)
        // + 0 turns a −0 from the elimination into 0.
        return Dictionary(uniqueKeysWithValues: zip(fields, solution.map { $0 + 0 }))
    }
}
