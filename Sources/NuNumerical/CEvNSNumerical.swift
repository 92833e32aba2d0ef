import Foundation
import GSLKit
import NuPhysics

/// CEvNS on the numerical path: form factors by quadrature of the nuclear densities
/// (`FormFactorQuadrature`), nucleon charges by counting valence quarks, the loop mixing by
/// quadrature, and total cross sections, cancellation energies and strip couplings by GSL
/// quadrature and root finding. MeV units inside.
public enum CEvNSNumerical {
    /// Z' charge of a nucleon as the sum over its valence quarks (uud, udd): conserved vector current.
    static func nucleonCharge(_ model: VectorModel, _ nucleon: Nucleon) -> Double {
        let quarks: [Double] =
            nucleon == .proton
            ? [model.upCharge, model.upCharge, model.downCharge]
            : [model.upCharge, model.downCharge, model.downCharge]
        return quarks.reduce(0, +)
    }

    /// The weak charge at the point, 004 Eqs. (11), (16), (28). For L_α − L_β the Z' reaches the
    /// proton through photon kinetic mixing: the Z' couples to the proton with e·ε_kin,
    /// ε_kin = e g ε/(2π²), which in the coefficient g_ν g_p/(√2G_F(q² + M²)) of Eq. (16) gives
    /// Eq. (28)'s √2 α g² ε/(πG_F(q² + M²)).
    /// With `standardModel: false` only the Z' part of the charge is returned (computed directly,
    /// not as a difference, so it keeps its digits when it is tiny next to the SM part).
    public static func weakCharge(_ p: CEvNSPoint, standardModel: Bool = true) throws -> Double {
        try weakCharge(p, formFactors: try nucleonFormFactors(p), standardModel: standardModel)
    }

    /// The proton and neutron form factors of the point's nucleus at its |q⃗| (quadrature of the
    /// densities): they depend on the recoil only, so a flux fold computes them once per recoil.
    public static func nucleonFormFactors(_ p: CEvNSPoint) throws -> (proton: Double, neutron: Double) {
        let q = p.momentumTransferSquared.squareRoot()
        let n = p.nucleus
        return (
            try FormFactorQuadrature.value(p.formFactor, q: q, rmsRadius: n.protonRadius),
            try FormFactorQuadrature.value(p.formFactor, q: q, rmsRadius: n.neutronRadius)
        )
    }

    /// The weak charge with the form factors given (as `nucleonFormFactors` computes them).
    public static func weakCharge(
        _ p: CEvNSPoint, formFactors f: (proton: Double, neutron: Double),
        standardModel: Bool = true
    ) throws -> Double {
        let q2 = p.momentumTransferSquared
        let q = q2.squareRoot()
        let n = p.nucleus
        let protons = Double(n.protons) * f.proton
        let neutrons = Double(n.neutrons) * f.neutron
        var protonCoupling =
            standardModel ? (p.flavor.lepton == .e ? Constants.protonCouplingNuE : Constants.protonCouplingNuMu) : 0
        var neutronCoupling = standardModel ? Constants.neutronCoupling : 0
        if case .vector(let model, let g, let mass) = p.mediator {
            let amplitude =
                p.convention.factor * g * g
                / (2.0.squareRoot() * Constants.fermiConstant
                    * (q2 + mass
                        * mass))
            if model.isLeptonic {
                let e = Constants.elementaryCharge
                let kineticMixing =
                    e * g
                    * (try loopFactor(
                        model, p.flavor.lepton, q: q,
                        mode: p.loop)) / (2 * Double.pi * Double.pi)
                protonCoupling +=
                    p.convention.factor * g * (e * kineticMixing)
                    / (2.0.squareRoot()
                        * Constants.fermiConstant * (q2 + mass * mass))
            } else {
                let nu = model.charge(p.flavor.lepton)
                protonCoupling += amplitude * nu * nucleonCharge(model, .proton)
                neutronCoupling += amplitude * nu * nucleonCharge(model, .neutron)
            }
        }
        return protonCoupling * protons + neutronCoupling * neutrons
    }

    /// Charge-weighted loop of the two leptons of L_α − L_β seen by ν_ℓ: −Q'_ℓ Σ_i Q'_i ∫x(1−x) ln(m_i² + x(1−x)q²),
    /// which for ν_α is ε_βα and for ν_β is ε_αβ (004 Eq. (28) and the sign rule after Eq. (29)).
    static func loopFactor(_ model: VectorModel, _ lepton: Lepton, q: Double, mode: LoopMixingMode) throws -> Double {
        guard let alpha = Lepton.allCases.first(where: { model.charge($0) == 1 }),
            let beta = Lepton.allCases.first(where: { model.charge($0) == -1 })
        else { return 0 }
        let sign = model.charge(lepton)
        if sign == 0 { return 0 }
        if mode == .approx { return sign * Foundation.log(beta.mass * beta.mass / (alpha.mass * alpha.mass)) / 6 }
        return sign * (try LoopMixingQuadrature.epsilon(beta: beta, alpha: alpha, q: q))
    }

    /// The recoil-dependent factors of dσ/dT at a point: the weak charge Q (004 Eqs. (11), (16),
    /// (28)) and the scalar term g̃²Q_S/(|q⃗|² + M²) of Eq. (33) (0 without a scalar).
    public struct Charges: Sendable {
        public let weak: Double
        public let scalar: Double
    }

    public static func charges(_ p: CEvNSPoint, formFactors f: (proton: Double, neutron: Double)) throws -> Charges {
        let weak = try weakCharge(p, formFactors: f)
        guard case .scalar(let g, let mass, let ratio) = p.mediator else { return Charges(weak: weak, scalar: 0) }
        let scalarCharge = ratio * (Double(p.nucleus.protons) * f.proton + Double(p.nucleus.neutrons) * f.neutron)
        return Charges(weak: weak, scalar: g * g * scalarCharge / (p.momentumTransferSquared + mass * mass))
    }

    /// dσ/dT (MeV⁻³) at neutrino energy E for the point's nucleus and recoil, given its charges:
    /// G_F²M/π (1 − MT/(2E²)) Q² + M²T/(4πE²) (g̃²Q_S/(|q⃗|² + M²))², 004 Eqs. (10) and (33).
    public static func differentialCrossSection(energy e: Double, _ p: CEvNSPoint, charges c: Charges) -> Double {
        let m = p.nucleus.mass
        let t = p.recoil
        return pow(Constants.fermiConstant, 2) * m / Double.pi * (1 - m * t / (2 * e * e)) * c.weak * c.weak
            + m * m * t / (4 * Double.pi * e * e) * c.scalar * c.scalar
    }

    /// dσ/dT (MeV⁻³), 004 Eqs. (10) and (33).
    public static func differentialCrossSection(_ p: CEvNSPoint) throws -> Double {
        differentialCrossSection(energy: p.energy, p, charges: try charges(p, formFactors: try nucleonFormFactors(p)))
    }
}
