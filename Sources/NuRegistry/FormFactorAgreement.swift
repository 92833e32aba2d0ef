import Foundation
import NuClosedForm
import NuPhysics

/// The path agreement of a CEvNS quantity at one recoil: the numerical path's form factors come
/// from quadratures with an absolute tolerance of 1e-14 of the density's norm (F(0) = 1), so where
/// F(q) is tiny (q far past the first zero of the nucleus) their relative accuracy is ~1e-14/F and
/// dσ/dT ∝ F² carries twice that: relative max(1e-8, 1e-12/F), F the smaller of the nucleus'
/// proton and neutron Helm factors at q = √(2MT) (1e-12 leaves a factor 50 of margin).
/// Where a Z' cancels the weak charge (a dip) the value itself goes to zero and only an absolute
/// agreement means anything: 1e-12 of the neutron-only SM scale G_F²M N²/π (in cm²/keV).
enum FormFactorAgreement {
    static func at(_ inputs: [String: String], nuclei: [Nucleus]) -> PathAgreement {
        let gF2 = Constants.fermiConstant * Constants.fermiConstant
        let perMeV3 =
            nuclei.map { n -> Double in
                let neutrons = Double(n.neutrons)
                return gF2 * n.mass * neutrons * neutrons / Double.pi
            }.max() ?? 0
        let scale: Double = perMeV3 * Constants.squaredHbarCInMeV2Cm2 / 1000
        guard inputs["formFactor"].map({ $0 != "none" }) ?? true, let text = inputs["recoil"],
            let recoil = try? UnitParser.energy(text, name: "recoil")
        else {
            return .tolerance(
                relative: 1e-8,
                absolute: 1e-12 * scale)
        }
        let smallest =
            nuclei.flatMap { n -> [Double] in
                let q = (2 * n.mass * recoil).squareRoot()
                return [
                    abs(FormFactors.helm(q: q, rmsRadius: n.protonRadius)),
                    abs(
                        FormFactors.helm(
                            q: q,
                            rmsRadius: n.neutronRadius)),
                ]
            }.min() ?? 1
        return .tolerance(relative: max(1e-8, 1e-12 / max(smallest, 1e-300)), absolute: 1e-12 * scale)
    }

    /// The nuclei of a `nucleus=` input (a name, a mixture, or A:w,B:w pairs).
    static func nuclei(_ inputs: [String: String]) -> [Nucleus] {
        guard let name = inputs["nucleus"], let target = try? TargetRegistry.lookup(name) else { return [] }
        return target.components.map(\.nucleus)
    }

    /// flux.fold: Ar, or Cs and I.
    static func detectorNuclei(_ inputs: [String: String]) -> [Nucleus] {
        inputs["detector"] == "ar" ? [NuclearData.ar40] : [NuclearData.cs133, NuclearData.i127]
    }
}
