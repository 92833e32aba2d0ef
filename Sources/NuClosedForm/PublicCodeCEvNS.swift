import Foundation
import NuPhysics

/// CEvNS dσ/dT (MeV⁻³) with the conventions a public code makes, each switchable, to show what each
/// one does (`nucheck audit`): the coefficient of the Z' term, flavour-independent SM couplings,
/// one Helm factor for the whole weak charge, a rounded nuclear mass, and a down-quark Z' charge
/// read from the up quark's. With none switched on it is 004 Eqs. (10)-(12), (16): the harness's
/// CEvNS (vector mediators; the loop of L_α − L_β is not covered).
public enum PublicCodeCEvNS {
    public struct Conventions: Sendable {
        /// Multiplies the Z' term (1 = 004 Eq. (16)).
        public var coefficient = 1.0
        /// (g_V^p, g_V^n) for every flavour, or nil for 004 Eq. (12)'s.
        public var couplings: (proton: Double, neutron: Double)?
        /// One Helm factor (the neutron distribution's) for the whole weak charge.
        public var singleFormFactor = false
        /// The nuclear mass used, or nil for the harness's (AME2020 atomic mass − Z m_e).
        public var nucleusMass: Double?
        /// Q'_d read as Q'_u.
        public var downQuarkAsUp = false
        public init() {}
    }

    public static func differentialCrossSection(
        nucleus n: Nucleus, flavor: Flavor, energy e: Double, recoil t: Double,
        model: VectorModel?, g: Double, mass: Double, _ c: Conventions
    ) throws -> Double {
        if let model, model.isLeptonic {
            throw PhysicsError.notApplicable(
                "\(model.name) reaches the nucleus through "
                    + "the loop, which this comparison does not cover")
        }
        let m = c.nucleusMass ?? n.mass
        // Past its own endpoint the replica's (1 − mT/2E²) goes negative: refused, as cevns.dsigma.
        try Kinematics.validateRecoil(t, energy: e, targetMass: m)
        let q2 = 2 * m * t
        let q = q2.squareRoot()
        let fn = FormFactors.helm(q: q, rmsRadius: n.neutronRadius)
        let fp = c.singleFormFactor ? fn : FormFactors.helm(q: q, rmsRadius: n.protonRadius)
        let gp =
            c.couplings?.proton
            ?? (flavor.lepton == .e ? Constants.protonCouplingNuE : Constants.protonCouplingNuMu)
        let gn = c.couplings?.neutron ?? Constants.neutronCoupling
        var charge = gp * Double(n.protons) * fp + gn * Double(n.neutrons) * fn
        if let model {
            let u = model.upCharge
            let d = c.downQuarkAsUp ? model.upCharge : model.downCharge
            let zPrime =
                c.coefficient * g * g * model.charge(flavor.lepton)
                / (2.0.squareRoot()
                    * Constants.fermiConstant * (q2 + mass * mass))
            charge += zPrime * ((2 * u + d) * Double(n.protons) * fp + (u + 2 * d) * Double(n.neutrons) * fn)
        }
        return Constants.fermiConstant * Constants.fermiConstant * m / Double.pi * (1 - m * t / (2 * e * e)) * charge
            * charge
    }
}
