import Foundation
import Testing
import NuPhysics
import NuClosedForm
import NuNumerical
import TestSupport

struct FormFactorTests {
    static let nuclei = [NuclearData.cs133, NuclearData.i127, NuclearData.ar40, NuclearData.na23, NuclearData.ge74, NuclearData.si28]

    /// The Helm box radius is fixed by R² = (3/5)R₀² + 3s²; the second moment of the Helm density,
    /// integrated numerically, must give back the rms radius it was built from.
    @Test("Helm: rms radius of the density built from R₀(R) is R", arguments: nuclei)
    func helmRadius(_ nucleus: Nucleus) throws {
        for r in [nucleus.protonRadius, nucleus.neutronRadius] {
            let r0 = FormFactors.helmBoxRadius(rmsRadius: r)
            expectClose(try FormFactorQuadrature.helmRMSRadius(boxRadius: r0), r, relative: 1e-10, "\(nucleus.name) rms of Helm(R₀ = \(r0) fm)")
            #expect(r0 < r * (5.0 / 3).squareRoot(), "R₀ must lie below the uniform-sphere value √(5/3)R")
        }
    }

    /// Every form factor is normalised and starts as 1 − q²R²/6: at q = 1 MeV the next term,
    /// (qR)⁴ ⟨r⁴⟩/(120⟨r²⟩²) ~ 1e-9, is far below the 1e-7 allowed.
    @Test("F(0) = 1 and F ≈ 1 − q²R²/6 at small q, both paths", arguments: FormFactorModel.allCases.filter { $0 != .none })
    func smallQ(_ model: FormFactorModel) throws {
        for nucleus in Self.nuclei {
            let r = nucleus.neutronRadius, x = 1.0 * r / Constants.hbarC
            #expect(FormFactors.value(model, q: 0, rmsRadius: r) == 1)
            expectClose(FormFactors.value(model, q: 1, rmsRadius: r), 1 - x * x / 6, relative: 1e-7, "\(model) \(nucleus.name) closed at 1 MeV")
            expectClose(try FormFactorQuadrature.value(model, q: 1, rmsRadius: r), 1 - x * x / 6, relative: 1e-7, "\(model) \(nucleus.name) quadrature at 1 MeV")
        }
    }

    /// 004: Helm "gives practically equivalent results" to symmetrized Fermi and Klein-Nystrand.
    /// Measured over the COHERENT range q ≤ 2E_max = m_μ (both paths): |F_SF − F_Helm| ≤ 0.0044 and
    /// |F_KN − F_Helm| ≤ 0.0071 for Cs, I and Ar (largest at the top of the range, where F² ≈ 0.05
    /// for Cs); asserted as < 0.005 and < 0.008.
    @Test("Helm, symmetrized Fermi and Klein-Nystrand agree to < 0.008 over q ≤ m_μ")
    func equivalence() throws {
        for nucleus in [NuclearData.cs133, NuclearData.i127, NuclearData.ar40] {
            for r in [nucleus.protonRadius, nucleus.neutronRadius] {
                var worstFermi = 0.0, worstKN = 0.0
                for i in 0...200 {
                    let q = Constants.muonMass * Double(i) / 200
                    let helm = FormFactors.helm(q: q, rmsRadius: r)
                    worstFermi = max(worstFermi, abs(FormFactors.symmetrizedFermi(q: q, rmsRadius: r) - helm))
                    worstKN = max(worstKN, abs(FormFactors.kleinNystrand(q: q, rmsRadius: r) - helm))
                }
                #expect(worstFermi < 0.005, "\(nucleus.name) R=\(r): max |F_SF − F_Helm| = \(worstFermi)")
                #expect(worstKN < 0.008, "\(nucleus.name) R=\(r): max |F_KN − F_Helm| = \(worstKN)")
                let q = Constants.muonMass
                #expect(abs(try FormFactorQuadrature.symmetrizedFermi(q: q, rmsRadius: r) - FormFactors.helm(q: q, rmsRadius: r)) < 0.005)
                #expect(abs(try FormFactorQuadrature.kleinNystrand(q: q, rmsRadius: r) - FormFactors.helm(q: q, rmsRadius: r)) < 0.008)
            }
        }
    }
}

struct CEvNSPhysicsTests {
    static func point(_ flavor: Flavor = .numu, mediator: CEvNSMediator = .none, nucleus: Nucleus = NuclearData.cs133,
                      energy: Double = 30, recoil: Double = 0.01, convention: CoefficientConvention = .full,
                      formFactor: FormFactorModel = .helm) throws -> CEvNSPoint {
        try CEvNSPoint(nucleus: nucleus, flavor: flavor, energy: energy, recoil: recoil, mediator: mediator,
                       convention: convention, formFactor: formFactor)
    }

    /// 002 Eq. (1) for a whole nucleus, (g_v, g_a) = (Q, 0), against 004 Eq. (10): the ratio is
    /// exactly [1 − T/E − MT/(2E²) + T²/(2E²)]/[1 − MT/(2E²)]. They agree where T/E is negligible
    /// against 1 − MT/(2E²): the difference is at most (T/E)/(1 − MT/(2E²)), ≤ 2E/M ≈ 1e-4 (Cs)
    /// at T = T_max/100, but O(1) close to the endpoint, where 004's factor vanishes and 002's
    /// spin-½ point-target terms do not.
    @Test("Abdullah Eq. (1) for a nucleus equals 004 Eq. (10) where T/E ≪ 1 − MT/(2E²)")
    func abdullahAgreement() throws {
        for nucleus in [NuclearData.cs133, NuclearData.ar40] {
            for energy in [10.0, 30.0, 52.8] {
                let tMax = Kinematics.maximumRecoil(energy: energy, targetMass: nucleus.mass)
                for fraction in [0.01, 0.5, 0.9] {
                    let p = try Self.point(nucleus: nucleus, energy: energy, recoil: fraction * tMax)
                    let m = nucleus.mass, t = p.recoil, e = energy
                    let expected = (1 - t / e - m * t / (2 * e * e) + t * t / (2 * e * e)) / (1 - m * t / (2 * e * e))
                    let ratio = CEvNS.abdullahNucleus(p) / CEvNS.differentialCrossSection(p)
                    expectClose(ratio, expected, relative: 1e-12, "Abdullah/004 ratio, \(nucleus.name) E=\(e) T=\(t)")
                    let bound = (t / e) / (1 - m * t / (2 * e * e))
                    #expect(abs(ratio - 1) <= bound, "|ratio − 1| = \(abs(ratio - 1)) > (T/E)/(1 − MT/2E²) = \(bound)")
                    if fraction == 0.01 { #expect(abs(ratio - 1) <= 2 * e / m, "at T_max/100: |ratio − 1| = \(abs(ratio - 1)) > 2E/M") }
                }
            }
        }
    }

    /// 004 Appendix A: the half convention at √2 g is the full one at g, on both paths.
    @Test("half convention at √2 g equals full at g", arguments: [ModelRegistry.universal, ModelRegistry.bMinusL, ModelRegistry.lmuMinusLtau, ModelRegistry.byPlusLmuPlusLtau])
    func halfConvention(_ model: VectorModel) throws {
        for mass in [1.0, 30.0, 1e4] {
            let full = try Self.point(mediator: .vector(model: model, g: 2e-4, mass: mass))
            let half = try Self.point(mediator: .vector(model: model, g: 2e-4 * 2.0.squareRoot(), mass: mass), convention: .half)
            expectClose(CEvNS.differentialCrossSection(half), CEvNS.differentialCrossSection(full), relative: 1e-13, "\(model.name) closed")
            expectClose(try CEvNSNumerical.differentialCrossSection(half), try CEvNSNumerical.differentialCrossSection(full), relative: 1e-13, "\(model.name) numerical")
        }
    }

    /// Vector couplings: an antineutrino's SM and Z' charges both flip sign, so |Q|² and dσ/dT
    /// are those of the neutrino (004 Table 1 charges apply to ν̄_μ as to ν_μ).
    @Test("ν̄_μ and ν_μ have the same CEvNS cross section")
    func antineutrino() throws {
        for model in [ModelRegistry.universal, ModelRegistry.leMinusLmu, ModelRegistry.bMinus3Lmu] {
            let nu = try Self.point(.numu, mediator: .vector(model: model, g: 1e-4, mass: 10))
            let nubar = try Self.point(.numubar, mediator: .vector(model: model, g: 1e-4, mass: 10))
            #expect(CEvNS.differentialCrossSection(nu) == CEvNS.differentialCrossSection(nubar))
        }
    }

    /// 004 Eqs. (41)-(42): writing the scalar cross section with g̃² = g_ν g_q (σ/m̄)/(σ/m̄)_ref and
    /// (σ/m̄)_ref = 17.3 is the same as Eqs. (33), (38), (39) with the couplings and ratio themselves.
    @Test("scalar: Eq. (41) with g̃ of Eq. (42) equals Eq. (33) with Eqs. (38)-(39)")
    func scalarRescaling() throws {
        let gNu = 3e-5, gQ = 8e-5, ratio = 15.1, mass = 40.0
        let gTilde = (gNu * gQ * ratio / 17.3).squareRoot()
        let viaTilde = CEvNS.differentialCrossSection(try Self.point(mediator: .scalar(g: gTilde, mass: mass, sigmaPiNRatio: 17.3)))
        // Eq. (33) by hand: M²T/(4πE²) g_ν² Q_φ²/(q² + M²)², Q_φ = g_q (σ/m̄)(ZF_Z + NF_N).
        let p = try Self.point(), n = p.nucleus, q = p.momentumTransferSquared.squareRoot()
        let a = Double(n.protons) * FormFactors.helm(q: q, rmsRadius: n.protonRadius) + Double(n.neutrons) * FormFactors.helm(q: q, rmsRadius: n.neutronRadius)
        let scalar = n.mass * n.mass * p.recoil / (4 * Double.pi * 900) * gNu * gNu * pow(gQ * ratio * a, 2) / pow(p.momentumTransferSquared + mass * mass, 2)
        expectClose(viaTilde - CEvNS.differentialCrossSection(p), scalar, relative: 1e-12, "scalar term")
    }

    /// Mixtures: CsI per formula unit is Cs + I; a recoil only Cs can no longer reach drops Cs.
    @Test("targets: CsI = Cs + I, abundances, and errors")
    func targets() throws {
        let energy = 30.0, t = 0.005
        let csi = try TargetRegistry.csi.sum(energy: energy, recoil: t) { CEvNS.differentialCrossSection(try Self.point(nucleus: $0, energy: energy, recoil: t)) }
        let sum = CEvNS.differentialCrossSection(try Self.point(nucleus: NuclearData.cs133, energy: energy, recoil: t))
            + CEvNS.differentialCrossSection(try Self.point(nucleus: NuclearData.i127, energy: energy, recoil: t))
        expectClose(csi, sum, relative: 1e-15, "CsI = Cs + I")
        let between = 0.5 * (Kinematics.maximumRecoil(energy: energy, targetMass: NuclearData.cs133.mass)
                             + Kinematics.maximumRecoil(energy: energy, targetMass: NuclearData.i127.mass))
        let onlyI = try TargetRegistry.csi.sum(energy: energy, recoil: between) { CEvNS.differentialCrossSection(try Self.point(nucleus: $0, energy: energy, recoil: between)) }
        expectClose(onlyI, CEvNS.differentialCrossSection(try Self.point(nucleus: NuclearData.i127, energy: energy, recoil: between)), relative: 1e-15, "above the Cs endpoint only I")
        #expect(throws: PhysicsError.self) { try TargetRegistry.csi.sum(energy: energy, recoil: 1) { _ in 1 } }
        #expect(throws: PhysicsError.self) { try Target(name: "empty", components: [], weightMeaning: "") }
        #expect(throws: PhysicsError.self) { try TargetRegistry.lookup("Xe131") }
        for target in [TargetRegistry.geNatural, TargetRegistry.siNatural] {
            expectClose(target.components.reduce(0) { $0 + $1.weight }, 1, relative: 1e-4, "\(target.name) abundances sum to 1")
        }
        #expect(throws: PhysicsError.self) { try Self.point(.nutau) }
        #expect(throws: PhysicsError.self) { try Self.point(recoil: 1) }
    }

    /// 004 after Eq. (30): in L_e − L_μ the Z' adds to the ν_e weak charge (ε_μe > 0, positive,
    /// against the negative SM charge) and subtracts for ν_μ (ε_eμ < 0).
    @Test("L_e − L_μ: Z' opposes the SM charge for ν_e and adds to it for ν_μ (004 Sec. III.1)")
    func leLmuSigns() throws {
        let mediator = CEvNSMediator.vector(model: ModelRegistry.leMinusLmu, g: 1e-3, mass: 10)
        for flavor in [Flavor.nue, .numu] {
            let standard = CEvNS.weakCharge(try Self.point(flavor))
            let total = CEvNS.weakCharge(try Self.point(flavor, mediator: mediator))
            #expect(standard < 0)
            #expect(flavor == .nue ? total > standard : total < standard, "\(flavor): Q_SM = \(standard), Q_SM+V = \(total)")
        }
    }

    /// Light and heavy regimes: for M ≫ q the Z' part of the weak charge is a contact term ∝ g²/M²;
    /// for M ≪ q it is ∝ g²/q², independent of M (relative corrections (q/M)² and (M/q)²).
    @Test("heavy mediator ∝ 1/M², light mediator independent of M")
    func asymptotics() throws {
        let model = ModelRegistry.bMinusL
        func zPrime(_ mass: Double) throws -> Double {
            CEvNS.weakCharge(try Self.point(mediator: .vector(model: model, g: 1e-4, mass: mass))) - CEvNS.weakCharge(try Self.point())
        }
        let q2 = try Self.point().momentumTransferSquared  // ≈ (50 MeV)²
        expectClose(try zPrime(1e4) / zPrime(1e5), 100 * (1 + q2 / 1e10) / (1 + q2 / 1e8), relative: 1e-9, "heavy: ratio of Z' terms at 10 and 100 GeV")
        expectClose(try zPrime(1e-3), try zPrime(1e-2), relative: 1e-7, "light: Z' term at M = 1 and 10 keV")
        // And the contact limit against the explicit coefficient of Eq. (16):
        let n = NuclearData.cs133, p = try Self.point()
        let q = p.momentumTransferSquared.squareRoot()
        let coefficient = 1e-8 * model.charge(.mu) / (2.0.squareRoot() * Constants.fermiConstant * 1e10)
        let expected = coefficient * (model.protonCharge * Double(n.protons) * FormFactors.helm(q: q, rmsRadius: n.protonRadius)
                                      + model.neutronCharge * Double(n.neutrons) * FormFactors.helm(q: q, rmsRadius: n.neutronRadius))
        expectClose(try zPrime(1e5), expected, relative: 1e-6, "heavy limit against g²Q'/(√2G_F M²)")
    }

    /// 004 Eqs. (21)-(25): anomaly-free family members recast from their base models by 1/√w.
    @Test("G_B families: (B − 3w L_e − 3(1−w)L_τ, g/√w) has the ν_e cross section of (B − 3L_e, g)")
    func families() throws {
        for w in [0.25, 0.5, 0.8] {
            let family = try ModelRegistry.gB(1, 3 * w, 0, 3 * (1 - w))
            let base = try Self.point(.nue, mediator: .vector(model: ModelRegistry.bMinus3Le, g: 1e-4, mass: 10))
            let recast = try Self.point(.nue, mediator: .vector(model: family, g: 1e-4 / w.squareRoot(), mass: 10))
            expectClose(CEvNS.differentialCrossSection(recast), CEvNS.differentialCrossSection(base), relative: 1e-13, "w_e = \(w)")
        }
        #expect(throws: PhysicsError.self) { try ModelRegistry.gB(1, 1, 1, 0) }  // 3 − 2 ≠ 0: anomalous
        #expect(try ModelRegistry.lookup("GB(1,1,1,1)").leptonCharges == ModelRegistry.bMinusL.leptonCharges)
    }
}
