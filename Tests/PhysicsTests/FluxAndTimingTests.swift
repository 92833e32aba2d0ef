import Foundation
import Testing
import GSLKit
import NuPhysics
import NuClosedForm
import NuNumerical
import TestSupport

struct FluxFoldingTests {
    @Test("each delayed spectrum carries one neutrino and ends at m_μ/2")
    func normalisation() throws {
        for flavor in [Flavor.numubar, .nue] {
            let total = try Quadrature.integrate({ PionDecayFlux.delayedSpectrum(flavor, energy: $0) }, from: 0, to: PionDecayFlux.maximumEnergy).value
            expectClose(total, 1, relative: 1e-13, "∫φ_\(flavor) dE")
        }
        #expect(PionDecayFlux.delayedSpectrum(.nue, energy: PionDecayFlux.maximumEnergy) == 0)
        #expect(throws: PhysicsError.self) { try PionDecayFlux.validate(.nutau) }
    }

    /// Closed-form energy integrals (polynomials) against QAGS of the numerical-path cross section
    /// over the spectrum: 1e-8 relative, from QAGS's 1e-10 and the form-factor quadrature's 1e-11.
    @Test("flux-averaged cross section: closed form equals quadrature", arguments: PionDecayFlux.components)
    func folding(_ flavor: Flavor) throws {
        let mediators: [CEvNSMediator] = [.none, .vector(model: ModelRegistry.universal, g: 1e-4, mass: 10),
                                          .vector(model: ModelRegistry.lmuMinusLtau, g: 1e-3, mass: 30), .scalar(g: 1e-4, mass: 50, sigmaPiNRatio: 17.3)]
        for nucleus in [NuclearData.ar40, NuclearData.cs133] {
            for mediator in mediators {
                for recoil in [1e-4, 5e-3, 2e-2, 1e-1] {
                    let p = try CEvNSPoint(nucleus: nucleus, flavor: flavor, energy: PionDecayFlux.maximumEnergy, recoil: min(recoil, 0.9 * Kinematics.maximumRecoil(energy: PionDecayFlux.maximumEnergy, targetMass: nucleus.mass)), mediator: mediator)
                    let closed = try FluxFolding.averagedCrossSection(flavor, p)
                    let numerical = try FluxFoldingQuadrature.averagedCrossSection(flavor, p)
                    expectClose(numerical, closed, relative: 1e-8, absolute: 1e-300,
                                "\(flavor) \(nucleus.name) T=\(p.recoil): quadrature vs closed form")
                }
            }
        }
    }
}

struct ArrivalTimeTests {
    static let model = try! ArrivalTimeModel(mean: 440, width: 150)

    @Test("time-bin fractions: exponentially modified Gaussian CDFs equal quadrature", arguments: PionDecayFlux.components)
    func fractions(_ flavor: Flavor) throws {
        for (a, b) in [(-100.0, 400.0), (400, 900), (900, 1400), (1400, 4900), (4900, 12000)] {
            let closed = ArrivalTime.fraction(flavor, Self.model, from: a, to: b)
            let numerical = try FluxFoldingQuadrature.fraction(flavor, Self.model, from: a, to: b)
            expectClose(numerical, closed, relative: 1e-8, absolute: 1e-12, "\(flavor) [\(a), \(b)) ns: quadrature vs closed form")
        }
        expectClose(ArrivalTime.fraction(flavor, Self.model, from: -5000, to: 1e6), 1, relative: 1e-12, "\(flavor) total")
    }

    /// The mean arrival time is μ + τ_π (prompt) and μ + τ_π + τ_μ (delayed).
    @Test("mean arrival times")
    func means() throws {
        for (flavor, expected) in [(Flavor.numu, 440 + 26.033), (.nue, 440 + 26.033 + 2196.9811)] {
            let mean = try Quadrature.integrate({ t in t * (try FluxFoldingQuadrature.density(flavor, Self.model, time: t)) }, from: -2000, to: 60000).value
            expectClose(mean, expected, relative: 1e-8, "mean arrival of \(flavor)")
        }
    }
}
