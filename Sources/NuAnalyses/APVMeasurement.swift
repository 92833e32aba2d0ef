import Foundation
import NuCoherent
import NuData
import NuPhysics

/// The ¹³³Cs weak charge as 002 Sec. IV.C prints it, read from `Reference/002_abdullah_et_al.json`:
/// Q_W^SM = −73.16(5) (Eq. (12)), Q_W^exp = −73.16(35) (Eq. (13)), each uncertainty read from its
/// printed text, and the momentum scale of the measurement, 30 MeV (002 after Eq. (13), from its
/// Ref. [49]). The two uncertainties are independent (theory and experiment) and add in quadrature:
/// σ = √(0.05² + 0.35²) = 0.354.
public struct APVMeasurement: Sendable, Equatable {
    public static let file = "002_abdullah_et_al.json"
    public let nucleus: Nucleus
    public let standardModel: Double, standardModelUncertainty: Double
    public let measured: Double, measuredUncertainty: Double
    /// |q⃗| of the measurement (MeV).
    public let momentumScale: Double

    /// √(σ_SM² + σ_exp²).
    public var combinedUncertainty: Double {
        (standardModelUncertainty * standardModelUncertainty + measuredUncertainty * measuredUncertainty)
            .squareRoot()
    }

    /// Read once per context; a missing, non-numeric or implausible entry is an error naming it.
    public static func read(_ context: CoherentContext = .shared) throws -> APVMeasurement {
        try context.memo("apv.measurement") { try load(context.referenceLibrary()) }
    }

    static func load(_ reference: ReferenceLibrary) throws -> APVMeasurement {
        func charge(_ id: String) throws -> (value: Double, sigma: Double) {
            let e = try reference.entry("\(file)#\(id)", citedFrom: "APVMeasurement", field: id)
            guard let v = e.value, v.isFinite, v < 0 else {
                let got = e.value.map { "\($0)" } ?? "none"
                throw HarnessError.file(path: file, field: id, message: "needs a negative weak charge, got \(got)")
            }
            let relative: Double
            do {
                relative = try PrintedPrecision.uncertaintyRelative(printed: e.printed, value: v)
            } catch {
                throw HarnessError.file(
                    path: file, field: id, message: "its printed text gives no uncertainty: \(error)")
            }
            return (v, relative * abs(v))
        }
        let sm = try charge("eq12.QwCs_SM")
        let exp = try charge("eq13.QwCs_exp")
        let q = try reference.positiveValue(file, "sec4C.apv_momentum_scale", citedFrom: "APVMeasurement")
        return APVMeasurement(
            nucleus: NuclearData.cs133, standardModel: sm.value, standardModelUncertainty: sm.sigma,
            measured: exp.value, measuredUncertainty: exp.sigma, momentumScale: q)
    }
}
