import Foundation
import NuPhysics

/// Coherent elastic neutrino-nucleus scattering in closed form (004 Sec. III). MeV units inside.
public enum CEvNS {
    /// The nucleus' weak charge seen by the point's flavour at |q⃗|² = 2MT:
    ///
    /// - SM, Eq. (11): Q = g_V^p(ν) Z F_Z + g_V^n N F_N with Eq. (12)'s couplings;
    /// - vector Z' with quark charges, Eq. (16): + c g² Q'_ν/(√2G_F(q² + M²)) [(2Q'_u + Q'_d)ZF_Z + (Q'_u +
    /// 2Q'_d)NF_N];
    /// - L_α − L_β, Eq. (28): g_V^p → g_V^p + c √2 α g² (δ_ℓα ε_βα + δ_ℓβ ε_αβ)/(πG_F(q² + M²));
    ///
    /// with c = 1 (full) or 1/2 (half convention, 004 Appendix A). A scalar does not enter Q.
    public static func weakCharge(_ p: CEvNSPoint) -> Double {
        let q2 = p.momentumTransferSquared
        let q = q2.squareRoot()
        let n = p.nucleus
        let fz = FormFactors.value(p.formFactor, q: q, rmsRadius: n.protonRadius)
        let fn = FormFactors.value(p.formFactor, q: q, rmsRadius: n.neutronRadius)
        let z = Double(n.protons) * fz
        let nn = Double(n.neutrons) * fn
        var proton = p.protonCoupling
        var extra = 0.0
        if case .vector(let model, let g, let mass) = p.mediator {
            let propagator = 2.0.squareRoot() * Constants.fermiConstant * (q2 + mass * mass)
            let coefficient = p.convention.factor * g * g / propagator
            if model.isLeptonic {
                proton +=
                    p.convention.factor * 2.0.squareRoot() * Constants.fineStructure * g * g
                    * loopFactor(
                        model, p.flavor.lepton, q: q,
                        mode: p.loop) / (Double.pi * Constants.fermiConstant * (q2 + mass * mass))
            } else {
                extra =
                    coefficient * model.charge(p.flavor.lepton)
                    * (model.protonCharge * z + model.neutronCharge
                        * nn)
            }
        }
        return proton * z + Constants.neutronCoupling * nn + extra
    }

    /// δ_ℓα ε_βα + δ_ℓβ ε_αβ of Eq. (28) for the L_α − L_β model (α: charge +1, β: charge −1).
    static func loopFactor(_ model: VectorModel, _ lepton: Lepton, q: Double, mode: LoopMixingMode) -> Double {
        guard let alpha = Lepton.allCases.first(where: { model.charge($0) == 1 }),
            let beta = Lepton.allCases.first(where: { model.charge($0) == -1 })
        else { return 0 }
        func eps(_ b: Lepton, _ a: Lepton) -> Double {
            mode == .approx
                ? log(b.mass * b.mass / (a.mass * a.mass)) / 6
                : LoopMixing.epsilon(
                    massBeta: b.mass,
                    massAlpha: a.mass, q: q)
        }
        if lepton == alpha { return eps(beta, alpha) }
        if lepton == beta { return eps(alpha, beta) }
        return 0
    }

    /// dσ/dT (MeV⁻³): 004 Eq. (10), G_F²M/π (1 − MT/(2E²)) Q², plus for a scalar the incoherent
    /// Eq. (33) with Eqs. (38)-(39): M²T/(4πE²) g⁴ (σ_πN/m̄_ud)² [ZF_Z + NF_N]²/(q² + M_φ²)².
    public static func differentialCrossSection(_ p: CEvNSPoint) -> Double {
        let m = p.nucleus.mass
        let e = p.energy
        let t = p.recoil
        let charge = weakCharge(p)
        return Constants.fermiConstant * Constants.fermiConstant * m / Double.pi * (1 - m * t / (2 * e * e)) * charge
            * charge
            + scalarTermTimesE2(p) / (e * e)
    }

    /// E² times the scalar term of Eq. (33) (MeV⁻¹): M²T/(4π) g⁴ (σ_πN/m̄_ud)² [ZF_Z + NF_N]²/(q² + M_φ²)²;
    /// zero without a scalar mediator.
    public static func scalarTermTimesE2(_ p: CEvNSPoint) -> Double {
        guard case .scalar(let g, let mass, let ratio) = p.mediator else { return 0 }
        let q2 = p.momentumTransferSquared
        let q = q2.squareRoot()
        let m = p.nucleus.mass
        let a =
            Double(p.nucleus.protons) * FormFactors.value(p.formFactor, q: q, rmsRadius: p.nucleus.protonRadius)
            + Double(p.nucleus.neutrons) * FormFactors.value(p.formFactor, q: q, rmsRadius: p.nucleus.neutronRadius)
        let d = q2 + mass * mass
        return m * m * p.recoil / (4 * Double.pi) * pow(g, 4) * ratio * ratio * a * a / (d * d)
    }

    /// Abdullah et al. (002) Eq. (1) applied to a whole nucleus of mass M with (g_v, g_a) = (Q, 0):
    /// G_F²M/(2π)[Q² + Q²(1 − T/E)² − Q² MT/E²] = G_F²M Q²/π [1 − T/E − MT/(2E²) + T²/(2E²)].
    /// It differs from 004 Eq. (10) by the terms −T/E + T²/(2E²) of a spin-½ point target: a relative
    /// (T/E)/(1 − MT/(2E²)) at most, negligible (≤ 2E/M) well below the endpoint and O(1) close to
    /// it, where 004's spin-0 factor 1 − MT/(2E²) vanishes.
    public static func abdullahNucleus(_ p: CEvNSPoint) -> Double {
        let m = p.nucleus.mass
        let e = p.energy
        let t = p.recoil
        let q = weakCharge(p)
        let y = 1 - t / e
        return Constants.fermiConstant * Constants.fermiConstant * m / (2 * Double.pi)
            * (q * q + q * q * y * y - q * q
                * m * t / (e * e))
    }
}
