import Foundation
import GSLKit
import NuPhysics

extension CEvNSNumerical {
    /// The recoil T (MeV) at which Q_SM+V(T) = 0, with form factors, by Brent root finding on
    /// (0, T_max] at the largest π-DAR energy m_μ/2. Throws when Q does not change sign there.
    public static func dipRecoil(
        model: VectorModel, nucleus: Nucleus, flavor: Flavor, g: Double, mass: Double,
        convention: CoefficientConvention = .full, formFactor: FormFactorModel = .helm,
        loop: LoopMixingMode = .exact
    ) throws -> Double {
        let energy = Constants.muonMass / 2
        let tMax = Kinematics.maximumRecoil(energy: energy, targetMass: nucleus.mass)
        func charge(_ t: Double) throws -> Double {
            try weakCharge(
                try CEvNSPoint(
                    nucleus: nucleus, flavor: flavor, energy: energy, recoil: t,
                    mediator: .vector(model: model, g: g, mass: mass),
                    convention: convention, formFactor: formFactor, loop: loop))
        }
        let low = tMax * 1e-9
        let (a, b) = (try charge(low), try charge(tMax))
        guard a * b < 0 else {
            throw PhysicsError.notApplicable(
                "no cancellation of the weak charge for \(flavor) in \(model.name) with "
                    + "g = \(g), M = \(mass) MeV below T = \(tMax) MeV (charge \(a) at T → 0, \(b) at T_max)")
        }
        return try RootFinding.brent(charge, lower: low, upper: tMax, relativeTolerance: 1e-12)
    }

    /// Which of 004's approximations in Eqs. (44)-(49) to keep, from all of them to none.
    public enum StripPhysics: String, CaseIterable, Sendable {
        /// All of the paper's: F = 1, no proton SM term, g_V^n = −1/2, N/A = 0.58 (N/Z = 1.3),
        /// ε_τe = 1.5 and ε_τμ = ln(m_τ²/m_μ²)/6 (kept until `.full`, which takes ε(q)).
        case paper
        /// The nucleus' own N and Z instead of the rounded N/A, N/Z.
        case composition
        /// …and the SM charge of Eq. (11)-(12): proton term and radiatively corrected couplings.
        case standardModel
        /// …and form factors and ε(q) at the given q: the full physics.
        case full
    }

    /// g/M (GeV⁻¹) on the strip (Q_SM+V = −Q_SM) or at the cancellation (Q_SM+V = 0) for a heavy
    /// mediator, M = 100 GeV ≫ q, by Brent root finding in ln g of the weak charge, for one nucleus.
    /// `physics` chooses which of the paper's approximations are kept; with `.full` the SM charge has
    /// its proton term and Eq. (12)'s couplings, and form factors and ε(q) are taken at q (MeV).
    /// The flavour is the one whose Z' term opposes the SM charge (ν_μ, else ν_e).
    public static func heavyMediatorCoefficient(
        strip: Bool, model: VectorModel, nucleus: Nucleus, q: Double,
        formFactor: FormFactorModel = .helm, physics: StripPhysics = .full
    ) throws -> Double {
        let mass = 1e5
        let gF = Constants.fermiConstant
        let z: Double
        let n: Double
        switch (physics, model.isLeptonic) {
        case (.paper, false): (z, n) = (0.42 * Double(nucleus.massNumber), 0.58 * Double(nucleus.massNumber))
        case (.paper, true): (z, n) = (1, 1.3)
        default: (z, n) = (Double(nucleus.protons), Double(nucleus.neutrons))
        }
        let ff = physics == .full ? formFactor : .none
        let fz = try FormFactorQuadrature.value(ff, q: q, rmsRadius: nucleus.protonRadius)
        let fn = try FormFactorQuadrature.value(ff, q: q, rmsRadius: nucleus.neutronRadius)
        for flavor in [Flavor.numu, .nue] {
            let simplified = physics == .paper || physics == .composition
            let gp = simplified ? 0 : (flavor.lepton == .e ? Constants.protonCouplingNuE : Constants.protonCouplingNuMu)
            let gn = simplified ? -0.5 : Constants.neutronCoupling
            let standard = gp * z * fz + gn * n * fn
            // Z' term per g²: quark-coupled models through Eq. (16), L_α − L_β through Eq. (28).
            let perG2: Double
            if model.isLeptonic {
                let eps: Double
                if physics == .full {
                    eps = try loopFactor(model, flavor.lepton, q: q, mode: .exact)
                } else if model.name == "Le-Ltau" {
                    eps = model.charge(flavor.lepton) * 1.5
                } else {
                    eps = try loopFactor(model, flavor.lepton, q: 0, mode: .approx)
                }
                perG2 = 2.0.squareRoot() * Constants.fineStructure * eps * z * fz / (Double.pi * gF * mass * mass)
            } else {
                perG2 =
                    model.charge(flavor.lepton)
                    * (nucleonCharge(model, .proton) * z * fz + nucleonCharge(
                        model,
                        .neutron) * n * fn)
                    / (2.0.squareRoot() * gF * mass * mass)
            }
            guard perG2 * standard < 0 else { continue }
            let target = strip ? -standard : 0
            let lnG = try RootFinding.brent(
                { lg in standard + Foundation.exp(2 * lg) * perG2 - target },
                lower: Foundation.log(1e-8), upper: Foundation.log(1e4), relativeTolerance: 1e-14)
            return Foundation.exp(lnG) / (mass / 1000)
        }
        throw PhysicsError.notApplicable(
            "\(model.name): the Z' term has the SM's sign for ν_e and ν_μ, so there is "
                + "no strip or cancellation")
    }

    /// The recoil (MeV) of the dip of a mixture's CEvNS spectrum: the minimum over T of
    /// Σ_i w_i dσ_i/dT for ν_μ at the largest π-DAR energy m_μ/2 (the dips can lie above the
    /// prompt line's endpoint, 15 keV for CsI), with form factors, by the GSL simplex in ln T.
    /// For one nucleus it is the root of the weak charge (`dipRecoil`).
    public static func mixtureDipRecoil(
        model: VectorModel, target: Target, g: Double, mass: Double,
        convention: CoefficientConvention = .full, formFactor: FormFactorModel = .helm,
        loop: LoopMixingMode = .exact
    ) throws -> Double {
        let energy = Constants.muonMass / 2
        let dips = try target.components.map {
            try dipRecoil(
                model: model, nucleus: $0.nucleus, flavor: .numu, g: g, mass: mass, convention: convention,
                formFactor: formFactor, loop: loop)
        }
        func rate(_ t: Double) throws -> Double {
            try target.sum(energy: energy, recoil: t) { nucleus in
                try differentialCrossSection(
                    try CEvNSPoint(
                        nucleus: nucleus, flavor: .numu, energy: energy, recoil: t,
                        mediator: .vector(model: model, g: g, mass: mass),
                        convention: convention, formFactor: formFactor, loop: loop))
            }
        }
        let scale = try rate(dips.reduce(0, +) / Double(dips.count))
        let start = Foundation.log(dips.reduce(0, +) / Double(dips.count))
        let result = try Minimizer.simplex(
            { v in try rate(Foundation.exp(v[0])) / scale }, start: [start],
            steps: [0.05], sizeTolerance: 1e-9)
        return Foundation.exp(result.point[0])
    }
}

/// The dark-photon recast of 002 Eqs. (9)-(10) derived by matching couplings: the ε_X for which the
/// dark boson couples to the electron as strongly, √(g_V² + g_A²), as a dark photon of ε = 1
/// (coupling e, vector), by Brent root finding. The electron couplings come from the chiral
/// charges of 002 Eqs. (7)-(8): dark Z (e/(s_W c_W)) ε_Z (T₃P_L − s_W²Q), dark hypercharge
/// (e/c_W) ε_B (Y_L P_L + Y_R P_R)/2 with T₃ = −½, Q = −1, Y_L = −1, Y_R = −2; P_L = (1 − γ₅)/2.
public enum DarkBosonMatching {
    public static func recastFactor(darkZ: Bool, sin2ThetaW s: Double) throws -> Double {
        guard s > 0, s < 1 else { throw PhysicsError.unphysical("sin²θ_W must lie in (0, 1), got \(s)") }
        let e = Constants.elementaryCharge
        let sw = s.squareRoot()
        let cw = (1 - s).squareRoot()
        let (left, right): (Double, Double)  // chiral charges of e_L and e_R times the gauge coupling at ε = 1
        if darkZ {
            (left, right) = (e / (sw * cw) * (-0.5 + s), e / (sw * cw) * s)
        } else {
            (left, right) = (e / cw * (-1.0 / 2), e / cw * (-2.0 / 2))
        }
        let vector = (left + right) / 2
        let axial = (right - left) / 2
        let unit = (vector * vector + axial * axial).squareRoot()
        return try RootFinding.brent({ eps in eps * unit - e }, lower: 1e-6, upper: 1e6, relativeTolerance: 1e-15)
    }
}
