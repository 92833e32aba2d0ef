import Foundation
import GSLKit
import NuPhysics

/// ΔQ_W of a nucleus from the Z'-exchange amplitude, numerically: the independent check of the closed
/// form (`NuClosedForm.APVWeakChargeShift`), which it shares only the ε → g conversion, G_F and Z, N with.
///
/// Each chiral fermion's charge c per unit g is built here from its quantum numbers (`StandardModelField`):
/// dark Z T₃ − s_W²Q (002 Eq. (8)), dark hypercharge Y/2 = Q − T₃ (Eq. (7)), a vector-like U(1)' its charge
/// on both chiralities, and for L_α − L_β the quarks the loop's photon-like Q·(2α/π)ε_βα(q) (ε by GSL
/// quadrature, 004 Eq. (29)). The helicity amplitudes of e_i q_j → e_i q_j (i, j = L, R) at momentum
/// transfer q are the coefficients of (ē_iγe_i)(q̄_jγq_j) in 𝓛_eff, η_ij = −g² c_i^e c_j^q/(M² + q²). With
/// ē_{L,R}γe_{L,R} = (V ∓ A)/2 they are η_ij = c_VV − s_i c_AV − s_j c_VA + s_i s_j c_AA (s_L = 1, s_R = −1),
/// a 4×4 system solved by GSL's LU for the operator coefficients; then δC_1q = (√2/G_F) c_AV and,
/// counting valence quarks (2Z + N up, Z + 2N down), ΔQ_W = −2 Σ_q n_q δC_1q. Dimensionless.
public enum APVContactExtraction {
    /// Left- and right-handed charges per unit coupling.
    public struct Chiral: Sendable {
        public let left: Double, right: Double
        public init(left: Double, right: Double) {
            self.left = left
            self.right = right
        }
    }

    /// ΔQ_W for gauge coupling g, mass M and momentum scale q (MeV; M + q > 0), at s_W² for the dark Z.
    public static func weakChargeShift(
        model: VectorModel, g: Double, mass: Double, momentum q: Double, nucleus: Nucleus, sin2ThetaW: Double
    ) throws -> Double {
        try requireExchange(coupling: g, mass: mass, momentum: q)
        let c = try charges(model, sin2ThetaW: sin2ThetaW, momentum: q)
        let strength = g * g / (mass * mass + q * q)
        return try weakCharge(electron: c.electron, up: c.up, down: c.down, strength: strength, nucleus: nucleus)
    }

    /// −2 Σ_q n_q C_1q for a boson of strength g²/(M² + q²) (MeV⁻²) and chiral charges per unit g: the Z'
    /// shift, or for the Z itself (strength 4√2 G_F, charges T₃ − s_W²Q) the tree-level Q_W.
    public static func weakCharge(
        electron: Chiral, up: Chiral, down: Chiral, strength: Double, nucleus: Nucleus
    ) throws -> Double {
        let cUp = try axialVectorCoefficient(electron: electron, quark: up, strength: strength)
        let cDown = try axialVectorCoefficient(electron: electron, quark: down, strength: strength)
        let z = Double(nucleus.protons)
        let n = Double(nucleus.neutrons)
        let toC1 = 2.0.squareRoot() / Constants.fermiConstant
        let charge = -2 * toC1 * ((2 * z + n) * cUp + (z + 2 * n) * cDown)
        return charge == 0 ? 0 : charge  // +0, not −0, where no parity-violating term survives
    }

    /// c_AV (MeV⁻²), the coefficient of (ēγ^μγ₅e)(q̄γ_μq), from the four helicity amplitudes.
    static func axialVectorCoefficient(electron: Chiral, quark: Chiral, strength: Double) throws -> Double {
        let signs: [(Double, Double)] = [(1, 1), (1, -1), (-1, 1), (-1, -1)]
        func charge(_ c: Chiral, _ s: Double) -> Double { s > 0 ? c.left : c.right }
        let amplitudes = signs.map { -strength * charge(electron, $0.0) * charge(quark, $0.1) }
        // Unknowns (c_VV, c_AV, c_VA, c_AA).
        let rows = signs.map { [1, -$0.0, -$0.1, $0.0 * $0.1] }
        let scale = amplitudes.map(abs).max() ?? 0
        guard scale > 0 else { return 0 }
        let solution = try LinearSolve.solve(rows, amplitudes.map { $0 / scale })
        return solution[1] * scale
    }

    /// The chiral charges of e, u, d per unit g.
    static func charges(
        _ model: VectorModel, sin2ThetaW s: Double, momentum q: Double
    ) throws -> (electron: Chiral, up: Chiral, down: Chiral) {
        let eL = StandardModelField.leptonDoublet.components[1]
        let eR = StandardModelField.electronRight.components[0]
        let uL = StandardModelField.quarkDoublet.components[0]
        let uR = StandardModelField.upRight.components[0]
        let dL = StandardModelField.quarkDoublet.components[1]
        let dR = StandardModelField.downRight.components[0]
        func pair(_ l: (charge: Double, isospin: Double), _ r: (charge: Double, isospin: Double),
                  _ c: ((charge: Double, isospin: Double)) -> Double) -> Chiral {
            Chiral(left: c(l), right: c(r))
        }
        switch DarkBoson(model) {
        case .darkZ:
            guard s > 0, s < 1 else { throw PhysicsError.unphysical("sin²θ_W must lie in (0, 1), got \(s)") }
            let c = { (f: (charge: Double, isospin: Double)) in f.isospin - s * f.charge }
            return (pair(eL, eR, c), pair(uL, uR, c), pair(dL, dR, c))
        case .darkHypercharge:
            let c = { (f: (charge: Double, isospin: Double)) in f.charge - f.isospin }
            return (pair(eL, eR, c), pair(uL, uR, c), pair(dL, dR, c))
        case nil:
            break
        }
        guard model.chargedLeptonsVectorLike else {
            throw PhysicsError.notApplicable("\(model.name): no chiral charges are defined for it")
        }
        let electron = Chiral(left: model.charge(.e), right: model.charge(.e))
        if model.isLeptonic, let loop = model.loopLeptons {
            // The loop mixes the Z' with the photon: every fermion couples as Q·(2α/π)ε_βα(q).
            let epsilon = try LoopMixingQuadrature.epsilon(beta: loop.beta, alpha: loop.alpha, q: q)
            let photonLike = { (f: (charge: Double, isospin: Double)) in f.charge * 2 * Constants.fineStructure
                / Double.pi * epsilon }
            let loopElectron = pair(eL, eR, photonLike)
            let e = model.charge(.e) == 0 ? loopElectron : electron
            return (e, pair(uL, uR, photonLike), pair(dL, dR, photonLike))
        }
        return (electron, Chiral(left: model.upCharge, right: model.upCharge),
                Chiral(left: model.downCharge, right: model.downCharge))
    }
}
