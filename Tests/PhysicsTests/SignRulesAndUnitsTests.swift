import Foundation
import Testing
import NuPhysics
import NuClosedForm
import NuNumerical
import TestSupport

struct SignRuleTests {
    static func interference(_ flavor: Flavor, _ model: VectorModel, energy: Double, recoil: Double, sw2: Double) throws -> Double {
        let point = try NuElectronPoint(flavor: flavor, energy: energy, recoil: recoil,
                                        mediator: try ZPrime(model: model, g: 1e-4, mass: 10), sin2ThetaW: sw2)
        return try NuElectronDev.parts(point).interference
    }

    /// Dev et al. Eqs. (6)-(7) and the text after them, derived at s_W² ≈ 0.25: for B-L
    /// (Q_ν = Q_e) ν_μ interferes destructively and ν̄_μ constructively; for L_e − L_μ
    /// (Q_νμ = −Q_e) the other way round; ν_τ as ν_μ. At s_W² = 1/4 this holds at every recoil.
    @Test("at s_W² = 1/4: B-L ν_μ destructive, ν̄_μ constructive; L_e − L_μ the reverse (000 Eqs. (6)-(7))")
    func signRules() throws {
        for (model, flavor, sign) in Self.rules {
            for energy in [10.0, 1000.0] {
                let tMax = Kinematics.maximumRecoil(energy: energy, targetMass: Constants.electronMass)
                for fraction in [1e-6, 0.01, 0.1, 0.5, 0.9, 1.0] {
                    try expectSign(model, flavor, energy: energy, recoil: fraction * tMax, sw2: 0.25, sign: sign)
                }
            }
        }
    }

    static let rules: [(VectorModel, Flavor, Double)] = [
        (ModelRegistry.bMinusL, .numu, -1), (ModelRegistry.bMinusL, .numubar, +1),
        (ModelRegistry.leMinusLmu, .numu, +1), (ModelRegistry.leMinusLmu, .numubar, -1),
        (ModelRegistry.bMinusL, .nutau, -1), (ModelRegistry.bMinusL, .nutaubar, +1),
    ]

    func expectSign(_ model: VectorModel, _ flavor: Flavor, energy: Double, recoil: Double, sw2: Double, sign: Double,
                    sourceLocation: SourceLocation = #_sourceLocation) throws {
        let closed = try Self.interference(flavor, model, energy: energy, recoil: recoil, sw2: sw2)
        let point = try NuElectronPoint(flavor: flavor, energy: energy, recoil: recoil,
                                        mediator: try ZPrime(model: model, g: 1e-4, mass: 10), sin2ThetaW: sw2)
        let numerical = try NuElectronAmplitude.interference(point)
        #expect(closed * sign > 0 && numerical * sign > 0,
                "\(model.name) \(flavor) s_W²=\(sw2) E=\(energy) T=\(recoil): interference \(closed) (closed), \(numerical) (amplitude), expected sign \(sign)",
                sourceLocation: sourceLocation)
    }

    /// A finding: with the measured s_W² = 0.23121 the rule still holds for ν_μ at every recoil,
    /// but for ν̄_μ only above a crossover. The ν̄_μ bracket of Eq. (5) divided by E² is
    /// (8s − 2) + x(x₀ + 4 − 8s − 4s x₀) + x²(4s − 2), x = T/E, x₀ = m_e/E, whose root is
    /// x* ≈ (2 − 8s)/(4 − 8s) ≈ 0.070: below T ≈ 0.07E the ν̄_μ interference has the ν_μ sign.
    @Test("at s_W² = 0.23121 the ν̄_μ sign flips below T ≈ 0.07E; ν_μ keeps its sign")
    func signRulesAtMeasuredWeakAngle() throws {
        let s = Constants.defaultSin2ThetaW
        for (model, flavor, sign) in Self.rules {
            for energy in [10.0, 1000.0] {
                let x0 = Constants.electronMass / energy
                let a = 4 * s - 2, b = x0 + 4 - 8 * s - 4 * s * x0, c = 8 * s - 2
                let crossover = (-b + (b * b - 4 * a * c).squareRoot()) / (2 * a)  // the root in (0, 1)
                #expect(crossover > 0.06 && crossover < 0.08, "crossover x* = \(crossover), expected ≈ 0.07")
                let tMax = Kinematics.maximumRecoil(energy: energy, targetMass: Constants.electronMass)
                for fraction in [1e-6, 0.01, 0.05, 0.1, 0.5, 1.0] {
                    let recoil = fraction * tMax
                    let flips = flavor.isAntineutrino && recoil / energy < crossover
                    try expectSign(model, flavor, energy: energy, recoil: recoil, sw2: s, sign: flips ? -sign : sign)
                }
            }
        }
    }

    /// At s_W² = 1/4 the ν_μ bracket of Eq. (5) is exactly −T(2E − T) and the ν̄_μ one +T(2E − T):
    /// Eqs. (6)-(7) with the positive factor T kept. So interference × (2m_eT + M²)/(T(2E − T)) is
    /// the same at every T, with sign ∓Q_νQ_e.
    @Test("at s_W² = 1/4 the interference is ∝ ∓Q_νQ_e (2E − T), Eqs. (6)-(7)")
    func proportionality() throws {
        let energy = 30.0, m = Constants.electronMass, mass = 10.0
        for (flavor, sign) in [(Flavor.numu, -1.0), (.numubar, 1.0)] {
            var ratios: [Double] = []
            for t in [0.01, 1.0, 10.0, 25.0] {
                let value = try Self.interference(flavor, ModelRegistry.bMinusL, energy: energy, recoil: t, sw2: 0.25)
                ratios.append(value * (2 * m * t + mass * mass) / (t * (2 * energy - t)))
            }
            for r in ratios {
                #expect(r * sign > 0, "\(flavor): sign of the reduced interference \(r), expected \(sign)")
                expectClose(r, ratios[0], relative: 1e-12, "\(flavor): reduced interference")
            }
        }
    }

    /// L_μ − L_τ has no tree-level electron coupling: its charges alone (a custom Z' with Q_e = 0)
    /// give no ν-e interference at all (000 Sec. VI); the registry model adds the one-loop coupling
    /// of 004 Eq. (28), which only ν_μ and ν_τ (charged under it) feel.
    @Test("L_μ − L_τ: silent in ν-e at tree level, the loop for ν_μ and ν_τ only")
    func lmuLtauTreeAndLoop() throws {
        let tree = try ZPrime(mass: 10, couplings: [.mu: LeptonCouplings(vector: 1e-4), .tau: LeptonCouplings(vector: -1e-4)])
        for flavor in Flavor.all {
            let point = try NuElectronPoint(flavor: flavor, energy: 30, recoil: 5, mediator: tree)
            let treeValue = try NuElectronDev.parts(point).interference
            #expect(treeValue == 0, "\(flavor): tree-level interference \(treeValue), expected exactly 0")
            let loop = try Self.interference(flavor, ModelRegistry.lmuMinusLtau, energy: 30, recoil: 5, sw2: 0.23121)
            #expect((loop != 0) == (flavor.lepton != .e), "\(flavor): loop interference \(loop) (zero exactly for ν_e only)")
        }
    }
}

struct UnitsAndInputsTests {
    @Test("energies need their unit; every unit converts to MeV")
    func energies() throws {
        #expect(try UnitParser.energy("30MeV", name: "energy") == 30)
        #expect(try UnitParser.energy("10keV", name: "recoil") == 0.01)
        #expect(try UnitParser.energy("9.75e-6MeV", name: "recoil") == 9.75e-6)
        #expect(try UnitParser.energy("1.2GeV", name: "mass") == 1200)
        #expect(try UnitParser.energy("500eV", name: "q") == 5e-4)
        #expect(throws: InputError.badUnit(name: "energy", text: "30")) { try UnitParser.energy("30", name: "energy") }
        #expect(throws: InputError.badUnit(name: "energy", text: "30TeV")) { try UnitParser.energy("30TeV", name: "energy") }
        #expect(throws: InputError.notANumber(name: "energy", text: "xMeV")) { try UnitParser.energy("xMeV", name: "energy") }
        #expect(throws: InputError.notANumber(name: "energy", text: "infMeV")) { try UnitParser.energy("infMeV", name: "energy") }
        #expect(throws: InputError.notANumber(name: "energy", text: "MeV")) { try UnitParser.energy("MeV", name: "energy") }
        #expect(throws: InputError.notANumber(name: "energy", text: "1e400MeV")) { try UnitParser.energy("1e400MeV", name: "energy") }
        #expect(throws: InputError.notANumber(name: "g", text: "1e-4MeV")) { try UnitParser.number("1e-4MeV", name: "g") }
    }

    @Test("flavours, leptons and models parse by name and reject unknown ones")
    func names() throws {
        #expect(try Flavor.parse("numubar") == .numubar)
        #expect(try Flavor.parse("nu_e") == .nue)
        #expect(throws: PhysicsError.self) { try Flavor.parse("nux") }
        #expect(try ModelRegistry.lookup("b-l") == ModelRegistry.bMinusL)
        #expect(throws: PhysicsError.self) { try ModelRegistry.lookup("E6") }
        #expect(throws: PhysicsError.self) { try ZPrime(model: ModelRegistry.universal, g: 1e-4, mass: -1) }
        #expect(throws: PhysicsError.self) { try ZPrime(model: ModelRegistry.universal, g: .nan, mass: 1) }
    }

    @Test("kinematics: T_max and the recoil window")
    func kinematics() throws {
        let tMax = Kinematics.maximumRecoil(energy: 30, targetMass: Constants.electronMass)
        expectClose(tMax, 1800 / (Constants.electronMass + 60), relative: 1e-15, "T_max = 2E²/(m_e + 2E) at E = 30 MeV")
        #expect(throws: PhysicsError.self) { try NuElectronPoint(flavor: .numu, energy: 30, recoil: tMax * (1 + 1e-12)) }
        #expect(throws: PhysicsError.self) { try NuElectronPoint(flavor: .numu, energy: -30, recoil: 1) }
        #expect(throws: PhysicsError.self) { try NuElectronPoint(flavor: .numu, energy: 30, recoil: -1) }
        #expect(throws: PhysicsError.self) { try NuElectronPoint(flavor: .numu, energy: 30, recoil: 1, sin2ThetaW: 1.5) }
        let massless = try ZPrime(model: ModelRegistry.bMinusL, g: 1e-4, mass: 0)
        #expect(throws: PhysicsError.self) { try NuElectronPoint(flavor: .numu, energy: 30, recoil: 0, mediator: massless) }
    }

    /// A massless mediator: closed form (T^{n−k} powers) and quadrature still agree for T_min > 0.
    @Test("massless mediator total cross section")
    func massless() throws {
        let massless = try ZPrime(model: ModelRegistry.bMinusL, g: 1e-5, mass: 0)
        let closed = try NuElectronTotal.crossSection(.numu, energy: 30, recoilMin: 1e-3, mediator: massless)
        let numerical = try NuElectronIntegrated.crossSection(.numu, energy: 30, recoilMin: 1e-3, mediator: massless)
        expectClose(numerical, closed, relative: 1e-9, "massless: quadrature vs closed form")
    }
}
