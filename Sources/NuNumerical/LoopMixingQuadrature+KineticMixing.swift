import Foundation
import NuPhysics

extension LoopMixingQuadrature {
    /// Photon-Z' kinetic mixing e g ε_βα(q)/(2π²) in 004's normalisation (Eq. (28) matched to a
    /// coupling to the proton's charge), with ε_βα(q) by GSL quadrature. Dimensionless; q ≥ 0 in MeV.
    public static func kineticMixing(beta: Lepton, alpha: Lepton, q: Double, g: Double) throws -> Double {
        try requireFinite(g, "coupling g")
        let eps = try epsilon(beta: beta, alpha: alpha, q: q)
        return Constants.elementaryCharge * g * eps / (2 * Double.pi * Double.pi)
    }
}
