import Foundation
import GSLKit
import NuPhysics

extension CEvNSNumerical {
    /// The recoil T (MeV) at which Q_SM+V(T) = 0, with form factors, by Brent root finding on
    /// (0, T_max] at the largest π-DAR energy m_μ/2. Throws when Q does not change sign there.
    public static func dipRecoil(model: VectorModel, nucleus: Nucleus, flavor: Flavor, g: Double, mass: Double,
                                 convention: CoefficientConvention = .full, formFactor: FormFactorModel = .helm,
                                 loop: LoopMixingMode = .exact) throws -> Double {
        let energy = Constants.muonMass / 2
        let tMax = Kinematics.maximumRecoil(energy: energy, targetMass: nucleus.mass)
        func charge(_ t: Double) throws -> Double {
            try weakCharge(try CEvNSPoint(nucleus: nucleus, flavor: flavor, energy: energy, recoil: t,
                                          mediator: .vector(model: model, g: g, mass: mass),
                                          convention: convention, formFactor: formFactor, loop: loop))
        }
        let low = tMax * 1e-9
        let (a, b) = (try charge(low), try charge(tMax))
        guard a * b < 0 else {
            throw PhysicsError.notApplicable("no cancellation of the weak charge for \(flavor) in \(model.name) with g = \(g), M = \(mass) MeV below T = \(tMax) MeV (charge \(a) at T → 0, \(b) at T_max)")
        }
        return try RootFinding.brent(charge, lower: low, upper: tMax, relativeTolerance: 1e-12)
    }

    /// g/M (GeV⁻¹) on the strip (Q_SM+V = −Q_SM) or at the cancellation (Q_SM+V = 0) for a heavy
    /// mediator, M = 100 GeV ≫ q, with the full SM charge (proton term included), Eq. (12)'s
    /// couplings, form factors and ε(q) at momentum transfer q (MeV), for one nucleus: Brent root
    /// in ln g. The flavour is the one whose Z' term opposes the SM charge (ν_μ, else ν_e).
    public static func heavyMediatorCoefficient(strip: Bool, model: VectorModel, nucleus: Nucleus, q: Double,
                                                formFactor: FormFactorModel = .helm) throws -> Double {
        let mass = 1e5, energy = Constants.muonMass / 2
        let recoil = q * q / (2 * nucleus.mass)
        func point(_ flavor: Flavor, _ g: Double) throws -> CEvNSPoint {
            try CEvNSPoint(nucleus: nucleus, flavor: flavor, energy: energy, recoil: recoil,
                           mediator: g == 0 ? .none : .vector(model: model, g: g, mass: mass), formFactor: formFactor)
        }
        for flavor in [Flavor.numu, .nue] {
            let standard = try weakCharge(try point(flavor, 0))
            let target = strip ? -standard : 0
            // The Z' term scales as g²: test its sign with g = 1.
            let zPrime = try weakCharge(try point(flavor, 1)) - standard
            guard zPrime * standard < 0 else { continue }
            let lnG = try RootFinding.brent({ lg in try weakCharge(try point(flavor, Foundation.exp(lg))) - target },
                                            lower: Foundation.log(1e-8), upper: Foundation.log(1e4), relativeTolerance: 1e-14)
            return Foundation.exp(lnG) / (mass / 1000)
        }
        throw PhysicsError.notApplicable("\(model.name): the Z' term has the SM's sign for ν_e and ν_μ, so there is no strip or cancellation")
    }
}
