import Foundation
import NuClosedForm
import NuNumerical
import NuPhysics

private let groupInput = InputSpec(
    "group", .choice(U1Group.allCases.map(\.rawValue)),
    "Y (Standard Model hypercharge, Higgs Y = 1) or R (003's right-handed U(1)_R, Higgs z = 1)")

extension QuantityRegistry {
    static let u1Charge = Quantity(
        "u1.charge",
        "003 Secs. 2-3 and Table 1: a field's U(1) charge in one generation with ν_R: from its quantum numbers (Y = "
            + "2(Q − T₃); 003's U(1)_R z = 2T₃R) vs the GSL LU solution of Yukawa invariance (003 Eqs. (13)-(16)) "
            + "with, for Y, the [SU(2)]²U(1) anomaly, a neutral vacuum and the electron's charge, and for R, 003's "
            + "uncharged left-handed doublets",
        units: "dimensionless",
        inputs: [
            groupInput,
            InputSpec(
                "field", .choice(StandardModelField.allCases.map(\.rawValue)),
                "Q, L (left-handed doublets), uR, dR, eR, nuR, or the Higgs doublet H"),
        ],
        decode: { v in
            (
                group: U1Group(rawValue: try v.choice("group"))!,
                field: StandardModelField(rawValue: try v.choice("field"))!
            )
        },
        closed: { i in try U1Charges.charge(i.group, of: i.field) },
        numerical: { i in try U1ChargeConstraints.charges(i.group)[i.field]! },
        ledger: Ledger(
            closed: ["NuClosedForm.U1Charges.charge"],
            numerical: ["NuNumerical.U1ChargeConstraints.charges", "GSLKit.LinearSolve.solve"],
            shared: [
                (
                    .physicsInputs,
                    "the field content and quantum numbers (NuPhysics.StandardModelField); the numerical "
                        + "path reads only the electric charges of φ⁰ and e_L from it"
                )
            ]),
        agreement: { _ in .tolerance(relative: 1e-14, absolute: 1e-14) })

    static let u1Anomaly = Quantity(
        "u1.anomaly",
        "003 Sec. 3: a triangle-anomaly coefficient of one generation (left-handed Weyl fermions +, right-handed −, "
            + "with colour and isospin multiplicities) for the charges of `group`; mixed ones pair it with Y. Each "
            + "path sums its own charges (u1.charge); nuR=no drops the right-handed neutrino",
        units: "dimensionless",
        inputs: [
            groupInput,
            InputSpec(
                "triangle", .choice(TriangleAnomaly.allCases.map(\.rawValue)),
                "cubic [U(1)]³, gravitational, colour [SU(3)]²U(1), isospin [SU(2)]²U(1), hyperchargeSquared "
                    + "Y²z, chargeSquared Y z² (the last two only for group=R)"),
            InputSpec("nuR", .choice(["yes", "no"]), default: "yes", "keep the right-handed neutrino"),
        ],
        decode: { v in
            let group = U1Group(rawValue: try v.choice("group"))!
            let triangle = TriangleAnomaly(rawValue: try v.choice("triangle"))!
            if group == .hypercharge, [.hyperchargeSquared, .chargeSquared].contains(triangle) {
                throw InputError.conflicting("triangle=\(triangle.rawValue) mixes Y with R: give group=R")
            }
            let keepNeutrino = try v.choice("nuR") == "yes"
            let fermions = StandardModelField.allCases.filter {
                $0.chirality != .scalar && (keepNeutrino || $0 != .neutrinoRight)
            }
            return (group: group, triangle: triangle, fermions: fermions)
        },
        closed: { i in
            i.triangle.coefficient(
                z: try U1Charges.charges(i.group), y: try U1Charges.charges(.hypercharge), fermions: i.fermions)
        },
        numerical: { i in
            i.triangle.coefficient(
                z: try U1ChargeConstraints.charges(i.group), y: try U1ChargeConstraints.charges(.hypercharge),
                fermions: i.fermions)
        },
        ledger: Ledger(
            closed: ["NuClosedForm.U1Charges.charges", "NuPhysics.TriangleAnomaly.coefficient"],
            numerical: [
                "NuNumerical.U1ChargeConstraints.charges", "GSLKit.LinearSolve.solve",
                "NuPhysics.TriangleAnomaly.coefficient",
            ],
            shared: [
                (.physicsInputs, "the field content and quantum numbers (NuPhysics.StandardModelField)"),
                (.inputs, "the anomaly coefficient's definition (NuPhysics.TriangleAnomaly): each path's charges"),
            ]),
        agreement: { _ in .tolerance(relative: 1e-12, absolute: 1e-13) })
}
