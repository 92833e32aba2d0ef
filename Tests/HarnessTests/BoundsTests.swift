import Foundation
import Testing
import NuAnalyses
import NuPhysics
import NuReports
import TestSupport

/// `nucheck bounds` (002 Figs. 2-4): the curves follow the propagator's two regimes, the figure
/// draws every experiment in its style and names the ones it cannot draw, and bad requests are
/// refused before any computation.
struct BoundsTests {
    /// Heavy mediator: every amplitude goes as g²/(M² + q²), so a bound on g (or ε) grows as
    /// √(M² + q²): from 1 to 10 GeV by 10 (1 − q²/(2 GeV²)) to first order. COHERENT's |q| ≲ 100 MeV
    /// allows 0.5%; APV's q = 30 MeV 0.045%; the reactor's and Borexino's MeV-scale q nothing visible.
    @Test("above every momentum scale the bounds grow as M", arguments: ["darkZ", "darkHypercharge"])
    func heavyScaling(_ name: String) throws {
        _ = try Repository.load()
        let scenario = try #require(ScenarioBounds.Scenario(rawValue: name))
        let result = try ScenarioBounds.compute(scenario, masses: [1000, 10000])
        for curve in result.curves {
            let (a, b) = (try #require(curve.values[0]), try #require(curve.values[1]))
            let tolerance = curve.key.hasPrefix("coherent") ? 0.006 : 5e-4
            expectClose(b / a, 10, relative: tolerance, "\(name) \(curve.key): bound(10 GeV)/bound(1 GeV)")
        }
    }

    /// Light mediator: far below the momentum scale the propagator is 1/q², so the bound stops
    /// depending on M (002: "the points where the curves plateau correspond to the energy scale of
    /// each experiment"); APV's q = 30 MeV gives (1 + (1 MeV/30 MeV)²)^½ − 1 = 0.06% at 1 MeV.
    @Test("far below the momentum scale the APV and COHERENT bounds are flat in M")
    func lightPlateau() throws {
        _ = try Repository.load()
        let result = try ScenarioBounds.compute(.darkZ, masses: [0.1, 1])
        for key in ["apv", "coherent-current"] {
            let curve = try #require(result.curves.first { $0.key == key })
            let (a, b) = (try #require(curve.values[0]), try #require(curve.values[1]))
            expectClose(b / a, 1, relative: 0.01, "\(key): bound(1 MeV)/bound(0.1 MeV)")
        }
    }

    @Test("the figure draws every experiment in its style and names what it cannot draw")
    func figure() throws {
        _ = try Repository.load()
        let result = try ScenarioBounds.compute(.lmuMinusLtau, masses: [1, 10, 100])
        let svg = BoundsReport.chart(result).svg()
        let tree = try SVGTree.parse(svg)
        for key in ["coherent-combined", "coherent-future-1t", "coherent-future-10t", "borexino"] {
            #expect(!tree.all("polyline", ["class": "curve", "data-style": key]).isEmpty, "no curve styled \(key)")
        }
        #expect(tree.legendTexts == result.curves.map(\.label), "\(tree.legendTexts)")
        #expect(svg.contains("CCFR") && svg.contains("issue 22"), "the caption must say CCFR is not drawn and why")
    }

    @Test("bad requests are one-line errors before any computation")
    func refusals() throws {
        for (arguments, status) in [
            (["bounds", "darkQ"], Int32(2)), (["bounds", "darkZ", "--overlay", "x.csv"], 2),
            (["bounds", "darkZ", "--points", "1"], 2),
        ] {
            let outcome = try CommandLineRunner.run(arguments)
            #expect(outcome.status == status, "\(outcome.invocation): status \(outcome.status), \(outcome.stderr)")
            #expect(outcome.stderrLines.count == 1 && outcome.stderr.hasPrefix("nucheck: error: "), "\(outcome.stderr)")
            #expect(outcome.stdout.isEmpty, "\(outcome.invocation) printed \(outcome.stdout.prefix(80))")
        }
    }
}
