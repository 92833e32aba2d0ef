import Foundation
import NuAnalyses
import NuClosedForm
import NuPhysics
import Testing
import TestSupport

/// 002 Sec. V's projections: the experiments as Reference/projections.json describes them, the
/// Asimov χ² of Eq. (14) minimised over β on both paths against a brute-force minimum, the bound
/// as a refined root (never a grid point), and the inputs a projection refuses.
struct ProjectionTests {
    @Test("the experiments are the file's: names, targets, thresholds, exposures, backgrounds, bins")
    func experimentsFromReference() throws {
        let url = Repository.reference.appendingPathComponent("projections.json")
        let root = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        let entries = try #require(root["entries"] as? [[String: Any]])
        func value(_ id: String) throws -> Double {
            let text = try #require(entries.first { $0["id"] as? String == id }?["value"] as? String)
            return try #require(Double(text))
        }
        let (threshold, exposure, bins, reactorFlux, snsFlux) = (
            try value("reactor.threshold"), try value("reactor.exposure"), try value("reactor.bins"),
            try value("reactor.flux"), try value("sns.flux.corrected")
        )
        let experiments = try Projection.experiments()
        #expect(experiments.map(\.name) == Projection.experimentNames)
        let ge = try #require(experiments.first { $0.name == "reactor-Ge" }?.detectors.first)
        #expect(ge.threshold == threshold / 1000 && ge.exposure == exposure)
        #expect(ge.bins == Int(bins) && ge.target.name == "Ge")
        guard case .reactor(let spectrum) = ge.source else { Issue.record("reactor-Ge has no reactor source"); return }
        #expect(spectrum.totalFlux == reactorFlux)
        // The flat background by hand: dru × kg yr × days a year × the recoil range in keV.
        let background = ge.backgroundCounts.reduce(0, +)
        expectClose(background, 1 * 100 * 365.25 * (ge.upperRecoil - 1e-4) * 1000, relative: 1e-12, "Ge background")
        let combined = try #require(experiments.first { $0.name == "NaIAr-10t" })
        #expect(combined.detectors.map(\.target.name) == ["NaI", "Ar40"])
        #expect(combined.detectors.allSatisfy { $0.exposure == 10_000 && $0.threshold == 2e-3 && $0.background == 5e-3 })
        guard case .pionDecayAtRest(let flux) = combined.detectors[0].source else { Issue.record("no SNS source"); return }
        #expect(flux == snsFlux, "the default SNS flux is the corrected one")
    }

    @Test("002's printed SNS flux gives exactly 4.29e9/4.29e7 = 100 times the events")
    func printedFlux() throws {
        let corrected = try ProjectionSetup.experiment("Ar-1t")
        let printed = try ProjectionSetup.experiment("Ar-1t", options: .init(snsFlux: .printed))
        let n = { (e: ProjectionExperiment) in
            try Projection.events(e, model: nil, mass: 0, path: .closedForm).flatMap { $0 }
                .reduce(0) { $0 + $1.standardModel }
        }
        expectClose(try n(printed) / (try n(corrected)), 100, relative: 1e-13, "printed / corrected")
    }

    @Test("below 2 MeV: Ge (E_min = 1.84 MeV at 100 eV) barely moves, Si (1.14 MeV) loses events without them")
    func belowFit() throws {
        func events(_ name: String, _ choice: ReactorSpectrum.BelowFit) throws -> Double {
            try Projection.events(
                try ProjectionSetup.experiment(name, options: .init(belowFit: choice)), model: nil, mass: 0,
                path: .closedForm
            ).flatMap { $0 }.reduce(0) { $0 + $1.standardModel }
        }
        let (ge, geZero) = (try events("reactor-Ge", .extrapolate), try events("reactor-Ge", .zero))
        #expect(abs(geZero / ge - 1) < 2e-3)
        let (si, siFlat, siZero) = (
            try events("reactor-Si", .extrapolate), try events("reactor-Si", .flat), try events("reactor-Si", .zero)
        )
        #expect(siZero < si * 0.97)
        #expect(siFlat < si && siFlat > siZero)
    }

    @Test("Eq. (15)'s analytic minimum over β and GSL's simplex agree with a brute-force minimum")
    func chi2Minimum() throws {
        let e = try ProjectionSetup.experiment("NaIAr-1t")
        let model = ModelRegistry.darkZ(sin2ThetaW: Constants.defaultSin2ThetaW)
        let polys = try Projection.events(e, model: model, mass: 10, path: .closedForm)
        let closed = try Projection.Scan(polynomials: polys, experiment: e, sigma: 0.1, dof: 1, path: .closedForm)
        let numerical = try Projection.Scan(polynomials: polys, experiment: e, sigma: 0.1, dof: 1, path: .numerical)
        let background = e.detectors.flatMap(\.backgroundCounts)
        let flat = polys.flatMap { $0 }
        for g in [1e-6, 5e-6, 2e-5, 1e-4] {
            // Eq. (14) at β on a fine grid, then golden-section around the best point: no formula shared.
            func chi2(_ beta: Double) -> Double {
                var sum = (beta / 0.1) * (beta / 0.1)
                for (i, p) in flat.enumerated() {
                    let d = p.standardModel - (1 + beta) * p.events(g)
                    sum += d * d / (background[i] + p.standardModel)
                }
                return sum
            }
            var (a, b) = (-0.9, 0.9)
            for _ in 0..<200 {
                let m1 = a + 0.382 * (b - a), m2 = a + 0.618 * (b - a)
                if chi2(m1) < chi2(m2) { b = m2 } else { a = m1 }
            }
            let brute = chi2((a + b) / 2)
            expectClose(try closed.chi2(g), brute, relative: 1e-9, absolute: 1e-12, "closed form at g = \(g)")
            expectClose(try numerical.chi2(g), brute, relative: 1e-8, absolute: 1e-12, "GSL simplex at g = \(g)")
        }
        #expect(try closed.chi2(0) == 0, "the Asimov χ² vanishes at the SM")
    }

    @Test("the bound is a refined root: χ² = 4 there to 1e-9, below 4 before it, not on the scan's grid")
    func boundRefined() throws {
        let e = try ProjectionSetup.experiment("reactor-Ge")
        let model = ModelRegistry.darkHypercharge
        let perMixing = try #require(try DrawnCoupling.gaugePerMixing(model, sin2ThetaW: Constants.defaultSin2ThetaW))
        for path in [Path.closedForm, .numerical] {
            let polys = try Projection.events(e, model: model, mass: 10, path: path)
            let scan = try Projection.Scan(polynomials: polys, experiment: e, sigma: 0.1, dof: 1, path: path)
            let eps = try #require(try Projection.bound(model: model, experiment: e, mass: 10, path: path))
            let g = eps * perMixing
            expectClose(try scan.chi2(g), 4, relative: 1e-9, "χ² at the \(path) bound")
            let (below, above) = (try scan.chi2(g * (1 - 1e-6)), try scan.chi2(g * (1 + 1e-6)))
            #expect(below < 4 && above > 4)
            let k = (log10(g) + 9) * 20
            #expect(abs(k - k.rounded()) > 1e-6, "the bound \(g) sits on the 1/20-decade grid")
            for j in 0..<Int(k.rounded(.down)) { #expect(try scan.chi2(1e-9 * pow(10, Double(j) / 20)) < 4) }
        }
        let closed = try #require(try Projection.bound(model: model, experiment: e, mass: 10, path: .closedForm))
        let numerical = try #require(try Projection.bound(model: model, experiment: e, mass: 10, path: .numerical))
        expectClose(numerical, closed, relative: 1e-8, "the paths' bounds")
        let twoDof = try #require(try Projection.bound(model: model, experiment: e, mass: 10, path: .closedForm, dof: 2))
        #expect(twoDof > closed, "Δχ² = 6.18 sits above Δχ² = 4")
    }

    @Test("a model the reactor's ν̄_e does not see has no bound; the printed Vogel-Engel fits pass their cross-check")
    func noBoundAndCrossCheck() throws {
        let e = try ProjectionSetup.experiment("reactor-Ge")
        #expect(try Projection.bound(model: ModelRegistry.lmuMinusLtau, experiment: e, mass: 10, path: .closedForm) == nil)
        let polys = try Projection.events(e, model: ModelRegistry.lmuMinusLtau, mass: 10, path: .numerical).flatMap { $0 }
        #expect(polys.allSatisfy { $0.a == 0 && $0.b == 0 }, "L_μ − L_τ gives ν̄_e neither a charge nor a loop")
        let spectrum = try ProjectionSetup.experiment("reactor-Ge").detectors[0].source
        guard case .reactor(let s) = spectrum else { Issue.record("no reactor spectrum"); return }
        #expect(s.isotopes.map(\.name) == ReactorSpectrumData.isotopes)
        expectClose(s.isotopes.reduce(0) { $0 + $1.fraction }, 1, relative: 1e-12, "fission fractions")
    }

    @Test("inputs a projection does not use, or cannot take, are refused with one line")
    func refusals() throws {
        let cases: [([String], Int32)] = [
            (["projection.bound", "experiment=reactor-Ge", "model=B-L", "mass=10MeV", "snsFlux=printed"], 2),
            (["projection.bound", "experiment=NaI-1t", "model=B-L", "mass=10MeV", "belowFit=zero"], 2),
            (["projection.events", "experiment=NaI-1t", "model=darkZ", "g=1e-4", "mass=10MeV"], 2),
            (["projection.events", "experiment=NaI-1t", "model=B-L", "eps=1e-4", "mass=10MeV"], 2),
            (["projection.events", "experiment=reactor-Ge", "bin=21"], 2),
            (["projection.events", "experiment=reactor-Ge", "bin=1.5"], 2),
            (["projection.events", "experiment=reactor-Ge", "mass=10MeV"], 2),
            (["projection.bound", "experiment=Ar-1t", "model=B-L", "mass=10MeV", "low=1e-5"], 2),
            (["projection.bound", "experiment=Ar-1t", "model=B-L", "mass=10MeV", "measure=range", "low=1", "high=0.1"], 2),
            (["projection.bound", "experiment=reactor-Ge", "model=Lmu-Ltau", "mass=10MeV"], 3),
            (["projection.bound", "experiment=Ar-1t", "model=B-L", "mass=0MeV"], 3),
        ]
        for (arguments, status) in cases {
            let o = try CommandLineRunner.run(["eval"] + arguments)
            #expect(o.status == status, "\(o.invocation): exit \(o.status), expected \(status): \(o.stderr)")
            #expect(CommandLineRunner.violations(o).isEmpty, "\(o.invocation): \(CommandLineRunner.violations(o))")
        }
    }
}
