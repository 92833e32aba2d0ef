import Foundation
import NuPhysics

/// The printed closed forms of 004 for where the Z' cancels the SM weak charge.
public enum CEvNSConditions {
    /// Recoil energy (MeV) of the dip where Q_SM+V = 0, 004 Eqs. (26), (27), (30), written for any
    /// model without form factors (F = 1) as printed:
    ///
    ///     T = −(1/2M) [ g² X / (√2G_F (g_V^p Z + g_V^n N)) + M² ],
    ///
    /// X = Q'_ν(Q'_p Z + Q'_n N) for quark-coupled models (universal: 3(Z + N), Eq. (26);
    /// B_y + L_μ + L_τ: Z + N, Eq. (27)) and X = (2α/π) ε Z with ε = ln(m_β²/m_α²)/6 (the q → 0
    /// limit, Eq. (30)) for L_α − L_β. Throws when the Z' term has the SM's sign (no dip).
    public static func dipRecoil(
        model: VectorModel, nucleus: Nucleus, flavor: Flavor, g: Double, mass: Double,
        convention: CoefficientConvention = .full
    ) throws -> Double {
        try dip(
            model: model, z: Double(nucleus.protons), n: Double(nucleus.neutrons), nucleusMass: nucleus.mass,
            flavor: flavor, g: g, mass: mass, convention: convention)
    }

    /// Eq. (26)-(30) for a mixture, evaluated on its weight-averaged pseudo-nucleus (Z̄, N̄, M̄): the
    /// single number a paper quotes for "CsI" read this way.
    public static func averagedDipRecoil(
        model: VectorModel, target: Target, flavor: Flavor, g: Double, mass: Double,
        convention: CoefficientConvention = .full
    ) throws -> Double {
        let w = target.components.reduce(0) { $0 + $1.weight }
        func mean(_ f: (Nucleus) -> Double) -> Double {
            target.components.reduce(0) {
                $0 + $1.weight
                    * f($1.nucleus)
            } / w
        }
        return try dip(
            model: model, z: mean { Double($0.protons) }, n: mean { Double($0.neutrons) },
            nucleusMass: mean(\.mass),
            flavor: flavor, g: g, mass: mass, convention: convention)
    }

    static func dip(
        model: VectorModel, z: Double, n: Double, nucleusMass: Double, flavor: Flavor, g: Double,
        mass: Double,
        convention: CoefficientConvention
    ) throws -> Double {
        let proton = flavor.lepton == .e ? Constants.protonCouplingNuE : Constants.protonCouplingNuMu
        let standard = proton * z + Constants.neutronCoupling * n
        let x: Double
        if model.isLeptonic {
            x =
                2 * Constants.fineStructure / Double.pi
                * CEvNS.loopFactor(
                    model, flavor.lepton, q: 0,
                    mode: .approx) * z
        } else {
            x = model.charge(flavor.lepton) * (model.protonCharge * z + model.neutronCharge * n)
        }
        let q2 =
            -(convention.factor * g * g * x / (2.0.squareRoot() * Constants.fermiConstant * standard) + mass
            * mass)
        guard q2 > 0 else {
            throw PhysicsError.notApplicable(
                "no cancellation: in \(model.name) the Z' term for \(flavor) has the "
                    + "sign of the SM weak charge (or is too small at M = \(mass) MeV)")
        }
        return q2 / (2 * nucleusMass)
    }

    public enum Condition: String, CaseIterable, Sendable {
        /// Q_SM+V = −Q_SM: the thin allowed strip degenerate with the SM.
        case strip
        /// Q_SM+V = 0: the cancellation between the allowed region and the strip.
        case cancel
    }

    /// The printed strip and cancellation couplings of 004 Eqs. (44)-(49), as k in g = k·M/GeV
    /// (so k = g/M in GeV⁻¹), with the paper's approximations: no form factors, no proton SM term,
    /// g_V^n = −1/2, N/A ≈ 0.58 (Eqs. (44)-(47)), N/Z ≈ 1.3 and ε_τe ≈ 1.5 (Eqs. (48)-(49)).
    /// Eqs. (48)-(49) print only the strip; the cancellation there is the strip over √2 (the same
    /// derivation with Q_SM+V = 0). Throws for a model without a strip.
    public static func printedCoefficient(_ condition: Condition, model: VectorModel) throws -> Double {
        let gF = Constants.fermiConstant * 1e6  // GeV⁻²
        let nOverA = 0.58
        let nOverZ = 1.3
        let alpha = Constants.fineStructure
        let strip: Double
        let cancelDivisor: Double
        switch model.name {
        case "universal":
            strip = (nOverA * 2.0.squareRoot() * gF / 3).squareRoot()
            cancelDivisor = 2.0.squareRoot()
        case "By+Lmu+Ltau":
            strip = (nOverA * 2.0.squareRoot() * gF).squareRoot()
            cancelDivisor = 2.0.squareRoot()
        case "Le-Ltau":
            strip = (nOverZ * Double.pi * gF / (2.0.squareRoot() * alpha * 1.5))
                .squareRoot()
            cancelDivisor = 2.0.squareRoot()
        case "Lmu-Ltau":
            let logRatio = log(Constants.tauMass * Constants.tauMass / (Constants.muonMass * Constants.muonMass))
            strip = (nOverZ * 6 * Double.pi * gF / (2.0.squareRoot() * alpha * logRatio))
                .squareRoot()
            cancelDivisor = 2.0.squareRoot()
        default:
            throw PhysicsError.notApplicable(
                "004 prints strip and cancellation couplings for universal, By+Lmu+Ltau, "
                    + "Le-Ltau and Lmu-Ltau only (Eqs. (44)-(49)); \(model.name) has none")
        }
        return condition == .strip ? strip : strip / cancelDivisor
    }
}

/// 002 Eqs. (9)-(10): the factor that turns a dark-photon limit on ε (coupling εe to the
/// electromagnetic current) into one on the dark Z's ε_Z or the dark hypercharge boson's ε_B, as
/// printed: e cos θ_W/(g √((−0.5 + 2s_W²)² + 0.5²)) and e/(g_Y √(0.5² + 1.5²)), with e/g = s_W
/// and e/g_Y = c_W.
public enum DarkBosonRecast {
    public static func printedFactor(darkZ: Bool, sin2ThetaW s: Double) throws -> Double {
        guard s > 0, s < 1 else { throw PhysicsError.unphysical("sin²θ_W must lie in (0, 1), got \(s)") }
        let sw = s.squareRoot()
        let cw = (1 - s).squareRoot()
        if darkZ { return sw * cw / ((-0.5 + 2 * s) * (-0.5 + 2 * s) + 0.25).squareRoot() }
        return cw / (0.25 + 2.25).squareRoot()
    }
}
