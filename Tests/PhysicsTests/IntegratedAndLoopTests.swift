import Foundation
import Testing
import NuPhysics
import NuClosedForm
import NuNumerical
import TestSupport

struct TotalCrossSectionTests {
    /// Closed-form logarithms against QAGS/QAGP of the amplitude-level dσ/dT. Quadrature asks for
    /// 1e-11; 1e-9 leaves room for its error estimate, far below any physics effect.
    @Test("closed-form σ equals GSL quadrature", arguments: Flavor.all)
    func closedVersusQuadrature(flavor: Flavor) throws {
        for model in ModelRegistry.nuElectronModels {
            for mass in [1e-3, 0.1, 10.0, 1e4] {
                let mediator = try ZPrime(model: model, g: 1e-4, mass: mass)
                for energy in [1.0, 30.0, 1e4] {
                    for tMin in [0.0, 1e-3 * Kinematics.maximumRecoil(energy: energy, targetMass: Constants.electronMass)] {
                        let closed = try NuElectronTotal.crossSection(flavor, energy: energy, recoilMin: tMin, mediator: mediator)
                        let numerical = try NuElectronIntegrated.crossSection(flavor, energy: energy, recoilMin: tMin, mediator: mediator)
                        expectClose(numerical, closed, relative: 1e-9, "σ \(flavor) \(model.name) M=\(mass) E=\(energy) Tmin=\(tMin)")
                    }
                }
            }
        }
    }

    /// Physics limit: for E ≫ m_e the SM total cross section is (2G_F²m_eE/π)(c₁² + c₂²/3)
    /// up to O(m_e/E); at E = 10 GeV that is a 1e-4 effect.
    @Test("high-energy SM limit (2G_F²mE/π)(c₁² + c₂²/3)")
    func highEnergyLimit() throws {
        let energy = 1e4, s = Constants.defaultSin2ThetaW
        for flavor in Flavor.all {
            let c = DevTable1.coefficients(flavor, sin2ThetaW: s)
            let limit = 2 * pow(Constants.fermiConstant, 2) * Constants.electronMass * energy / Double.pi * (c.c1 * c.c1 + c.c2 * c.c2 / 3)
            let sigma = try NuElectronTotal.crossSection(flavor, energy: energy, recoilMin: 0)
            expectClose(sigma, limit, relative: 3e-4, "σ_SM(\(flavor), 10 GeV) vs massless-electron limit")
        }
    }

    @Test("unphysical windows are errors, not NaN")
    func badWindows() throws {
        #expect(throws: PhysicsError.self) { try NuElectronTotal.crossSection(.numu, energy: -1, recoilMin: 0) }
        #expect(throws: PhysicsError.self) { try NuElectronTotal.crossSection(.numu, energy: 10, recoilMin: 100) }
        let massless = try ZPrime(model: ModelRegistry.bMinusL, g: 1e-5, mass: 0)
        #expect(throws: PhysicsError.self) { try NuElectronTotal.crossSection(.numu, energy: 10, recoilMin: 0, mediator: massless) }
        #expect(throws: (any Error).self) { try NuElectronIntegrated.crossSection(.numu, energy: .nan, recoilMin: 0) }
    }
}

struct LoopMixingTests {
    static let pairs: [(Lepton, Lepton)] = [(.mu, .e), (.tau, .e), (.tau, .mu), (.e, .mu), (.e, .tau), (.mu, .tau)]

    /// Closed form against QAGS from 1e-6 to 1e5 MeV; quadrature asks for 1e-12 relative and
    /// 1e-15 absolute, so 1e-10 relative (or 1e-14 absolute where ε → 0) is the honest bound.
    @Test("closed form equals quadrature from q = 1e-6 to 1e5 MeV")
    func closedVersusQuadrature() throws {
        for (beta, alpha) in Self.pairs {
            for exponent in stride(from: -6.0, through: 5.0, by: 0.25) {
                let q = pow(10, exponent)
                let closed = try LoopMixing.epsilon(beta: beta, alpha: alpha, q: q)
                let numerical = try LoopMixingQuadrature.epsilon(beta: beta, alpha: alpha, q: q)
                expectClose(closed, numerical, relative: 1e-10, absolute: 1e-14, "ε_\(beta)\(alpha)(q=\(q)): closed vs quadrature")
            }
        }
    }

    @Test("q → 0 limit ln(m_β²/m_α²)/6 and antisymmetry")
    func limitsAndSymmetry() throws {
        for (beta, alpha) in Self.pairs {
            let limit = log(beta.mass * beta.mass / (alpha.mass * alpha.mass)) / 6
            expectClose(try LoopMixing.epsilon(beta: beta, alpha: alpha, q: 1e-6), limit, relative: 1e-12, "ε_\(beta)\(alpha)(1e-6 MeV)")
            expectClose(try LoopMixingQuadrature.epsilon(beta: beta, alpha: alpha, q: 0), limit, relative: 1e-12, "quadrature ε_\(beta)\(alpha)(0)")
            for q in [0.3, 50.0, 3e4] {
                let forward = try LoopMixing.epsilon(beta: beta, alpha: alpha, q: q)
                let backward = try LoopMixing.epsilon(beta: alpha, alpha: beta, q: q)
                #expect(forward == -backward, "ε_βα = −ε_αβ at q = \(q): \(forward) vs \(backward)")
            }
        }
    }

    /// Large-q expansion (sympy, from the closed form): with w = m²/q²,
    /// K = −ln(w)/6 − 5/18 + w + w²(ln w − 1/2) + O(w³ ln w), so
    /// ε_βα = (w_β − w_α) + w_β²(ln w_β − ½) − w_α²(ln w_α − ½) + O(w³ ln w). At q = 1e5 MeV
    /// the remainder is ~ w_μ² ln w_μ ≈ 2e-11 relative; 1e-9 is the bound.
    @Test("large-q expansion of ε_μe")
    func largeQ() throws {
        let q = 1e5
        let eps = try LoopMixing.epsilon(beta: .mu, alpha: .e, q: q)
        let numerical = try LoopMixingQuadrature.epsilon(beta: .mu, alpha: .e, q: q)
        let wb = pow(Lepton.mu.mass / q, 2), wa = pow(Lepton.e.mass / q, 2)
        let expansion = (wb - wa) + wb * wb * (log(wb) - 0.5) - wa * wa * (log(wa) - 0.5)
        expectClose(eps, expansion, relative: 1e-9, "closed ε_μe(1e5 MeV) vs large-q expansion")
        expectClose(numerical, expansion, relative: 1e-9, "quadrature ε_μe(1e5 MeV) vs large-q expansion")
    }

    @Test("K(z) series and closed form meet at the switch point")
    func kContinuity() {
        let below = LoopMixing.k(1.5.nextDown), above = LoopMixing.k(1.5)
        expectClose(below, above, relative: 1e-14, "K at z = 1.5")
    }

    @Test("negative or non-finite q is an error")
    func badQ() {
        #expect(throws: PhysicsError.self) { try LoopMixing.epsilon(beta: .tau, alpha: .mu, q: -1) }
        #expect(throws: PhysicsError.self) { try LoopMixingQuadrature.epsilon(beta: .tau, alpha: .mu, q: .infinity) }
    }
}

struct MuonG2Tests {
    /// Closed form against QAGS over 13 decades of mass; quadrature asks for 1e-12.
    @Test("closed form equals quadrature", arguments: Mediator.allCases)
    func closedVersusQuadrature(mediator: Mediator) throws {
        for exponent in stride(from: -4.0, through: 6.0, by: 0.25) {
            let mass = pow(10, exponent)
            let closed = try MuonG2.deltaA(mediator, g: 1e-3, mass: mass)
            let numerical = try MuonG2Quadrature.deltaA(mediator, g: 1e-3, mass: mass)
            expectClose(closed, numerical, relative: 1e-10, "δa_μ \(mediator) M=\(mass) MeV")
        }
        for mass in [2 * Constants.muonMass, 2 * Constants.muonMass * 1.0001, 2 * Constants.muonMass * 1.06] {
            expectClose(try MuonG2.deltaA(mediator, g: 1e-3, mass: mass), try MuonG2Quadrature.deltaA(mediator, g: 1e-3, mass: mass),
                        relative: 1e-10, "δa_μ \(mediator) near r = 4 (M = \(mass) MeV)")
        }
    }

    /// Light mediator: I_V → 1, I_S → 3/2 (corrections O(M/m_μ)); heavy: I_V → 2m_μ²/(3M²),
    /// I_S → (m_μ²/M²)(ln(M²/m_μ²) − 7/6) (corrections O(m_μ²/M² ln)).
    @Test("light- and heavy-mediator limits")
    func limits() {
        expectClose(MuonG2.loopIntegral(.vector, massRatioSquared: 1e-12), 1, relative: 1e-5, "I_V(r → 0)")
        expectClose(MuonG2.loopIntegral(.scalar, massRatioSquared: 1e-12), 1.5, relative: 1e-5, "I_S(r → 0)")
        let r = 1e8
        expectClose(MuonG2.loopIntegral(.vector, massRatioSquared: r), 2 / (3 * r), relative: 1e-6, "I_V(r → ∞)")
        expectClose(MuonG2.loopIntegral(.scalar, massRatioSquared: r), (log(r) - 7.0 / 6) / r, relative: 1e-6, "I_S(r → ∞)")
    }

    @Test("coupling and mass that explain Δa_μ invert each other across the paths", arguments: Mediator.allCases)
    func inversion(mediator: Mediator) throws {
        let deltaA = 25.1e-10
        for mass in [1.0, 10.0, 100.0, 1000.0] {
            let gClosed = try MuonG2.coupling(mediator, mass: mass, deltaA: deltaA)
            let gNumerical = try MuonG2Quadrature.coupling(mediator, mass: mass, deltaA: deltaA)
            expectClose(gNumerical, gClosed, relative: 1e-10, "g(Δa) \(mediator) M=\(mass)")
            let back = try MuonG2Quadrature.mass(mediator, g: gClosed, deltaA: deltaA)
            expectClose(back, mass, relative: 1e-9, "M(g(Δa, M)) \(mediator)")
        }
        // A coupling too weak to reach Δa even at M = 0 has no mass: a GSL bracket error, not a crash.
        #expect(throws: (any Error).self) { try MuonG2Quadrature.mass(mediator, g: 1e-6, deltaA: deltaA) }
    }
}

struct Chi2Tests {
    @Test("analytic minimum of Dev Eq. (8) equals the GSL simplex minimum")
    func dev() throws {
        for (nX, nSM, sigma) in [(120.0, 100.0, 0.05), (80.0, 100.0, 0.02), (1e4, 9e3, 0.1), (50, 50, 0.05)] {
            let analytic = try Chi2.devMinimum(expected: nX, standardModel: nSM, sigma: sigma)
            let numerical = try Chi2Minimization.devMinimum(expected: nX, standardModel: nSM, sigma: sigma)
            expectClose(numerical.chi2, analytic.chi2, relative: 1e-9, absolute: 1e-9, "χ²_min: simplex vs analytic")
            #expect(abs(numerical.alpha - analytic.alpha) <= 1e-6, "α* \(numerical.alpha) vs \(analytic.alpha)")
            #expect(Chi2.dev(alpha: analytic.alpha, expected: nX, standardModel: nSM, sigma: sigma) <= analytic.chi2 * (1 + 1e-12) + 1e-15)
        }
    }

    @Test("Abdullah Eq. (15) equals the GSL simplex minimum of Eq. (14)")
    func abdullah() throws {
        let observed = [12.0, 30, 41, 25, 9], predicted = [10.0, 33, 38, 27, 7.5], background = [3.0, 4, 4, 3, 2]
        for sigma in [0.01, 0.1, 1.0] {
            let analytic = try Chi2.abdullahMinimum(observed: observed, predicted: predicted, background: background, sigma: sigma)
            let numerical = try Chi2Minimization.abdullahMinimum(observed: observed, predicted: predicted, background: background, sigma: sigma)
            expectClose(numerical.chi2, analytic.chi2, relative: 1e-9, "σ=\(sigma): χ²_min: simplex vs Eq. (15)")
            let direct = Chi2.abdullah(beta: analytic.beta, observed: observed, predicted: predicted, background: background, sigma: sigma)
            expectClose(direct, analytic.chi2, relative: 1e-12, "Eq. (14) at β* vs Eq. (15)")
        }
        #expect(throws: Chi2Error.self) { try Chi2.abdullahMinimum(observed: [1], predicted: [1, 2], background: [1], sigma: 0.1) }
    }
}
