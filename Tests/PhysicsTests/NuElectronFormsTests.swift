import Testing
import NuPhysics
import NuClosedForm
import NuNumerical
import TestSupport

import Foundation

struct NuElectronFormsTests {
    static let models: [(String, ZPrime)] = {
        var list: [(String, ZPrime)] = [("SM", .none)]
        for model in ModelRegistry.nuElectronModels {
            for (g, mass) in [(1e-4, 1e-3), (3e-5, 1.0), (1e-4, 10.0), (1e-2, 1e4)] {
                list.append(("\(model.name) g=\(g) M=\(mass)MeV", try! ZPrime(model: model, g: g, mass: mass)))
            }
        }
        return list
    }()

    /// Dev Eqs. (3)-(5), the general appendix and the shifted-coupling form are three algebraically
    /// different closed forms of one cross section; they agree to rounding (1e-11 allows for the
    /// cancellation between SM and interference terms near destructive points).
    @Test("three closed forms agree for every flavour and vector model", arguments: Flavor.all)
    func threeFormsAgree(flavor: Flavor) throws {
        for (name, mediator) in Self.models {
            for energy in [0.5, 30.0, 5000.0] {
                let tMax = Kinematics.maximumRecoil(energy: energy, targetMass: Constants.electronMass)
                for fraction in [1e-9, 1e-4, 0.3, 0.999999, 1.0] {
                    let point = try NuElectronPoint(flavor: flavor, energy: energy, recoil: fraction * tMax, mediator: mediator)
                    let dev = try NuElectronDev.differentialCrossSection(point)
                    let general = try NuElectronGeneral.differentialCrossSection(point)
                    let shift = try NuElectronShift.differentialCrossSection(point)
                    let amplitude = try NuElectronAmplitude.differentialCrossSection(point)
                    let what = "\(flavor) \(name) E=\(energy) T=\(fraction)Tmax"
                    expectClose(general, dev, relative: 1e-11, "general vs Dev, \(what)")
                    expectClose(shift, dev, relative: 1e-11, "shift vs Dev, \(what)")
                    expectClose(amplitude, dev, relative: 1e-11, "amplitude vs Dev, \(what)")
                }
            }
        }
    }

    /// With axial couplings only the general form, the shift form and the amplitude path apply.
    @Test("general, shift and amplitude forms agree with axial couplings", arguments: Flavor.all)
    func axialCouplings(flavor: Flavor) throws {
        let mediator = try ZPrime(mass: 3.0, couplings: [
            .e: LeptonCouplings(vector: 2e-5, axial: -7e-6),
            .mu: LeptonCouplings(vector: -1e-5, axial: 4e-6),
            .tau: LeptonCouplings(vector: 5e-6, axial: 5e-6),
        ])
        for energy in [1.0, 30.0] {
            let tMax = Kinematics.maximumRecoil(energy: energy, targetMass: Constants.electronMass)
            for fraction in [1e-6, 0.01, 0.5, 1.0] {
                let point = try NuElectronPoint(flavor: flavor, energy: energy, recoil: fraction * tMax, mediator: mediator)
                let general = try NuElectronGeneral.differentialCrossSection(point)
                expectClose(try NuElectronShift.differentialCrossSection(point), general, relative: 1e-11, "shift vs general \(flavor)")
                expectClose(try NuElectronAmplitude.differentialCrossSection(point), general, relative: 1e-11, "amplitude vs general \(flavor)")
                #expect(throws: PhysicsError.self) { try NuElectronDev.differentialCrossSection(point) }
            }
        }
    }
}
