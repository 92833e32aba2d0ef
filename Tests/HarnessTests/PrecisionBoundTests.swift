import Foundation
import Testing
import TestSupport
import NuAnalyses
import NuCoherent
import NuData
import NuPhysics

/// 002's APV and Borexino bounds (issue 21, items 3-4): the inputs read from `Reference/`, each bound a
/// refined root that meets its condition exactly, the two paths against each other, and the physics the
/// numbers rest on (the loop's interference cancelling between ν_μ and ν_τ at maximal θ₂₃).
struct PrecisionBoundTests {
    static func context() -> CoherentContext {
        let c = CoherentContext()
        c.setReferenceDirectory(Repository.reference)
        return c
    }
    static let darkModels = [ModelRegistry.darkZ(sin2ThetaW: Constants.defaultSin2ThetaW), ModelRegistry.darkHypercharge]

    @Test("the Cs weak charges and their uncertainties are 002's printed −73.16(5) and −73.16(35)")
    func measurement() throws {
        let m = try APVMeasurement.read(Self.context())
        #expect(m.standardModel == -73.16 && m.measured == -73.16 && m.momentumScale == 30)
        expectClose(m.standardModelUncertainty, 0.05, relative: 1e-12, "σ_SM from '(5)'")
        expectClose(m.measuredUncertainty, 0.35, relative: 1e-12, "σ_exp from '(35)'")
        expectClose(m.combinedUncertainty, 0.3535533905932738, relative: 1e-12, "√(0.05² + 0.35²)")
    }

    /// The returned coupling gives |Q_W^SM + ΔQ_W − Q_W^exp| = 2σ with the path's own ΔQ_W.
    @Test("the APV bound meets 2σ exactly on each path, and the paths agree")
    func apvRoot() throws {
        let context = Self.context()
        let m = try APVMeasurement.read(context)
        for model in Self.darkModels {
            for mass in [0.0, 1, 30, 1e3, 1e4] {
                var found: [Path: Double] = [:]
                for path in Path.allCases {
                    let c = try #require(try APVBound.bound(model: model, mass: mass, path: path, context: context))
                    let shift = try APVBound.shift(model: model, coupling: c, mass: mass, momentum: 30, path: path)
                    expectClose(abs(m.standardModel + shift - m.measured), 2 * m.combinedUncertainty,
                                relative: path == .closedForm ? 1e-14 : 1e-12, "\(model.name) at \(mass) MeV, \(path)")
                    found[path] = c
                }
                expectClose(found[.numerical]!, found[.closedForm]!, relative: 1e-12, "\(model.name) at \(mass) MeV")
            }
        }
    }

    /// ΔQ_W ∝ c² and the central values agree, so the 1σ bound is the 2σ one over √2.
    @Test("the APV bound scales as √sigmas")
    func apvSigmas() throws {
        let context = Self.context()
        for path in Path.allCases {
            let two = try #require(try APVBound.bound(model: ModelRegistry.darkHypercharge, mass: 10, path: path,
                                                      context: context))
            let one = try #require(try APVBound.bound(model: ModelRegistry.darkHypercharge, mass: 10, path: path,
                                                      sigmas: 1, context: context))
            expectClose(one, two / 2.0.squareRoot(), relative: 1e-12, "1σ against 2σ/√2, \(path)")
        }
    }

    @Test("vector-like models have no APV bound, L_μ−L_τ included")
    func apvNone() throws {
        let context = Self.context()
        for name in ["Lmu-Ltau", "B-L", "Le-Lmu", "universal"] {
            for path in Path.allCases {
                let b = try APVBound.bound(model: try ModelRegistry.lookup(name), mass: 10, path: path, context: context)
                #expect(b == nil, "\(name), \(path): \(String(describing: b))")
            }
        }
    }

    @Test("the flavours at Borexino come from Reference/ and add to one")
    func borexinoSetup() throws {
        let s = try BorexinoSetup.read(Self.context())
        #expect(s.energy == 0.861 && s.rateUncertainty == 0.027 && s.survivalProbability == 0.51)
        #expect(s.recoilMin == 0.19 && s.sin2Theta23 == 0.5)
        expectClose(s.flavours.map(\.weight).reduce(0, +), 1, relative: 1e-15, "Σ w_α")
        expectClose(s.flavours[1].weight, 0.245, relative: 1e-14, "ν_μ: (1 − 0.51)/2")
        #expect(throws: PhysicsError.self) { try s.with(survivalProbability: 1.5) }
        #expect(throws: PhysicsError.self) { try s.with(recoilMin: 0.7) }  // above the 0.665 MeV edge
    }

    /// At sin²θ₂₃ = 1/2 the ν_μ and ν_τ interference terms of L_μ−L_τ (charges ±1, one loop-induced
    /// electron coupling) cancel: R/R_SM − 1 ∝ g⁴ exactly. Away from it they do not.
    @Test("L_μ−L_τ's interference cancels between ν_μ and ν_τ at maximal θ₂₃")
    func loopInterference() throws {
        let maximal = try BorexinoSetup.read(Self.context())
        let model = ModelRegistry.lmuMinusLtau
        for path in Path.allCases {
            let small = try BorexinoBound.rateRatio(model: model, g: 1e-4, mass: 10, setup: maximal, path: path) - 1
            let large = try BorexinoBound.rateRatio(model: model, g: 2e-4, mass: 10, setup: maximal, path: path) - 1
            expectClose(large / small, 16, relative: 1e-6, "δ(2g)/δ(g) at sin²θ₂₃ = 0.5, \(path)")
            let tilted = try maximal.with(sin2Theta23: 0.57)
            let a = try BorexinoBound.rateRatio(model: model, g: 1e-4, mass: 10, setup: tilted, path: path) - 1
            let b = try BorexinoBound.rateRatio(model: model, g: 2e-4, mass: 10, setup: tilted, path: path) - 1
            #expect(abs(b / a - 16) > 0.5, "at 0.57 the g² term is back: ratio \(b / a)")
        }
    }

    /// The returned g moves the rate by exactly 2 × 2.7% on each path; the paths agree.
    @Test("the Borexino bound meets 2 × 2.7% exactly on each path, and the paths agree")
    func borexinoRoot() throws {
        let context = Self.context()
        let setup = try BorexinoSetup.read(context)
        for name in ["Lmu-Ltau", "B-L", "Le-Lmu", "Le-Ltau"] {
            let model = try ModelRegistry.lookup(name)
            for mass in [1.0, 10, 300] {
                var found: [Path: Double] = [:]
                for path in Path.allCases {
                    let g = try #require(try BorexinoBound.bound(model: model, mass: mass, path: path, context: context))
                    let moved = try BorexinoBound.rateRatio(model: model, g: g, mass: mass, setup: setup, path: path) - 1
                    expectClose(abs(moved), 2 * 0.027, relative: 1e-9, "\(name) at \(mass) MeV, \(path)")
                    found[path] = g
                }
                expectClose(found[.numerical]!, found[.closedForm]!, relative: 1e-8, "\(name) at \(mass) MeV")
            }
        }
    }

    @Test("no Borexino bound without an electron coupling; the dark bosons are refused")
    func borexinoNone() throws {
        let context = Self.context()
        for name in ["B-3Lmu", "By+Lmu+Ltau"] {
            for path in Path.allCases {
                let g = try BorexinoBound.bound(model: try ModelRegistry.lookup(name), mass: 10, path: path, context: context)
                #expect(g == nil, "\(name), \(path): \(String(describing: g))")
            }
        }
        #expect(throws: PhysicsError.self) {
            try BorexinoBound.bound(model: ModelRegistry.darkHypercharge, mass: 10, path: .closedForm, context: context)
        }
    }

    @Test("a probability of Reference/borexino.json at or above one is refused naming the entry")
    func borexinoProbabilityAboveOne() throws {
        try withTemporaryDirectory("nucheck-borexino") { home in
            try FileManager.default.copyItem(at: Repository.reference, to: home.appendingPathComponent("Reference"))
            let url = home.appendingPathComponent("Reference/borexino.json")
            let text = try String(contentsOf: url, encoding: .utf8)
            try text.replacingOccurrences(of: "\"value\": \"0.51\"", with: "\"value\": \"1.51\"")
                .write(to: url, atomically: true, encoding: .utf8)
            let c = CoherentContext()
            c.setReferenceDirectory(home.appendingPathComponent("Reference"))
            #expect {
                try BorexinoSetup.read(c)
            } throws: { error in
                "\(error)".contains("borexino.json") && "\(error)".contains("pee.be7")
            }
        }
    }
}

/// The weak charges of 002's file feed the APV bound: a damaged one is refused naming file and entry.
struct APVReferenceDamageTests {
    static let cases: [(id: String, from: String, to: String)] = [
        ("eq13.QwCs_exp", "\"printed\": \"Q_w^{exp}(^{133}Cs)=-73.16(35)\"", "\"printed\": \"Q_w^{exp}(^{133}Cs)=-73.16\""),
        ("eq13.QwCs_exp", "\"value\": \"-73.16\"\n  },\n  {\n   \"id\": \"sec4C", "\"value\": \"0\"\n  },\n  {\n   \"id\": \"sec4C"),
        ("sec4C.apv_momentum_scale", "\"value\": \"30\"", "\"value\": \"-30\""),
    ]

    @Test("a weak charge without its uncertainty, a zero charge or a negative scale is refused", arguments: 0..<3)
    func damaged(_ index: Int) throws {
        let c = Self.cases[index]
        try withTemporaryDirectory("nucheck-apv") { home in
            try FileManager.default.copyItem(at: Repository.reference, to: home.appendingPathComponent("Reference"))
            let url = home.appendingPathComponent("Reference/002_abdullah_et_al.json")
            let text = try String(contentsOf: url, encoding: .utf8)
            #expect(text.contains(c.from), "the file no longer holds \(c.from)")
            try text.replacingOccurrences(of: c.from, with: c.to).write(to: url, atomically: true, encoding: .utf8)
            let context = CoherentContext()
            context.setReferenceDirectory(home.appendingPathComponent("Reference"))
            #expect {
                try APVMeasurement.read(context)
            } throws: { error in
                "\(error)".contains("002_abdullah_et_al.json") && "\(error)".contains(c.id)
            }
        }
    }
}
