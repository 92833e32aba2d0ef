import Foundation
import Testing
import NuPhysics
@testable import NuClosedForm
import NuNumerical
import TestSupport

/// The (g−2)_μ loop integral I(r) for r ≤ 4.5 has two evaluations: Float80 where it exists (x86
/// outside Windows and Android) and double-double everywhere (the only one on arm64). Both are
/// compiled here on x86_64, so the portable one is tested on this machine too.
struct MuonG2PrecisionTests {
    /// I_V(r), I_S(r) to 25 digits: mpmath 1.3 `quad` at 40 digits of ∫₀¹ Q(x)/(x² + (1−x)r) dx,
    /// with break points at √r·10ᵏ (r < 1), for the Double nearest each r. Exact: I_V(2) = π − 3,
    /// I_S(1) = 1/2.
    static let reference: [(r: Double, vector: Double, scalar: Double)] = [
        (1e-300, 1.0, 1.5),
        (1e-12, 0.999996858461608458329107, 1.499996858448792945414963),
        (1e-06, 0.9968850442423626581399712, 1.496879134138547431838696),
        (0.001, 0.9136471333744709796545503, 1.411122965599761889878365),
        (0.1, 0.5094377908245095039971628, 0.9402514370171488252189822),
        (0.5, 0.2912997497641569615990916, 0.6332547630546587467623564),
        (1.0, 0.2091995761561452337293855, 0.5),
        (2.0, 0.1415926535897932384626434, 0.3776491462349513098140896),
        (2.5, 0.123304344605855784506625, 0.3417088902835429112063629),
        (3.0, 0.109636230238546924779814, 0.3137993642342178505940783),
        (3.2, 0.1050697538156202106345449, 0.3042478428206553971156625),
        (3.9996, 0.09036111629957309010008509, 0.2726024287822769070368765),
        (3.9999999, 0.09035489051584163913726474, 0.2725887256661910085604905),
        (4.0, 0.09035488895912495067571394, 0.2725887222397812376689285),
        (4.0000001, 0.09035488740240831452150822, 0.272588718813371564504662),
        (4.25, 0.08663932081564942129855244, 0.2643601311218745431564363),
        (4.5, 0.08324416159378063037944692, 0.2567498651500685604145126),
    ]

    /// Two units in the last place: each evaluation is within one of the 40-digit value.
    static let accuracy = 4.5e-16

    /// `evaluate` against every reference value, to `accuracy`.
    static func expectReference(_ evaluate: (Mediator, Double) -> Double, _ label: String) {
        for p in reference {
            expectClose(evaluate(.vector, p.r), p.vector, relative: accuracy, "\(label) I_V(\(p.r))")
            expectClose(evaluate(.scalar, p.r), p.scalar, relative: accuracy, "\(label) I_S(\(p.r))")
        }
    }

    @Test("double-double I(r) is within 2 ulp of 40-digit values over (0, 4.5], exact at I_V(2), I_S(1)")
    func portableAgainstReference() {
        Self.expectReference(MuonG2.directDoubleDouble, "double-double")
        // π − 3 to 24 digits (Double.pi − 3 would carry π's rounding, 8e-16 of the difference).
        expectClose(MuonG2.directDoubleDouble(.vector, 2), 0.141592653589793238462643, relative: 2.3e-16,
                    "I_V(2) = π − 3")
        #expect(MuonG2.directDoubleDouble(.scalar, 1) == 0.5, "I_S(1) = 1/2")
    }

    /// r from 1e-300 to 4.5 (log steps of 1%), linear steps of 4.5e-5, and within 1e-15 to 1e-1 of
    /// r = 4 (where J's forms lose digits) and below 4.5.
    static var scan: [Double] {
        var rs: [Double] = []
        var r = 1e-300
        while r <= 4.5 { rs.append(r); r *= 1.01 }
        rs += (1...100_000).map { 4.5 * Double($0) / 100_000 }
        for k in 1...15 {
            let d = pow(10, -Double(k))
            rs += [4 - d, 4 + d, 4.5 - d, 3.2 - d, 3.2 + d, 2 - d, 2 + d]
        }
        return rs + [Double(4.5).nextDown, 4, 3.2, 2]
    }

    #if (arch(x86_64) || arch(i386)) && !os(Windows) && !os(Android)
    @Test("Float80 I(r) is within 2 ulp of 40-digit values and agrees with double-double over (0, 4.5]")
    func extendedAgainstPortable() {
        Self.expectReference(MuonG2.directExtended, "Float80")
        // The scan's worst point, printed with 17 digits if it is out of tolerance.
        var worst = (deviation: 0.0, r: 0.0, mediator: Mediator.vector, extended: 1.0, portable: 1.0)
        for r in Self.scan {
            for mediator in [Mediator.vector, .scalar] {
                let extended = MuonG2.directExtended(mediator, r), portable = MuonG2.directDoubleDouble(mediator, r)
                let deviation = abs(extended - portable) / abs(portable)
                if deviation >= worst.deviation { worst = (deviation, r, mediator, extended, portable) }
            }
        }
        expectClose(worst.extended, worst.portable, relative: Self.accuracy,
                    "worst of \(2 * Self.scan.count): \(worst.mediator) I(\(worst.r)), Float80 vs double-double")
    }
    #endif

    /// What the (g−2) fixtures need (grid.g2.muon: closed form against QAGS to 1e-10 relative), met
    /// by the portable branch alone, at the grid's masses below r = 4.5 and near r = 4.
    @Test("double-double δa_μ meets the g2 grid's 1e-10 against the quadrature")
    func portableMeetsFixtureTolerance() throws {
        for mediator in [Mediator.vector, .scalar] {
            for mass in [1e-4, 1e-3, 0.01, 0.1, 1, 10, 100, 211.3, 211.4, 224] {
                let r = mass * mass / (Constants.muonMass * Constants.muonMass)
                let g = 5e-4
                let portable = g * g / (8 * Double.pi * Double.pi) * MuonG2.directDoubleDouble(mediator, r)
                expectClose(portable, try MuonG2Quadrature.deltaA(mediator, g: g, mass: mass), relative: 1e-10,
                            "\(mediator) δa_μ at M = \(mass) MeV: double-double vs QAGS")
            }
        }
    }
}
