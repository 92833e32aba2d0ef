import Foundation
import Testing
import TestSupport
import NuAnalyses
import NuClosedForm
import NuCoherent
import NuPhysics

/// `ReachScan` on toy event polynomials whose side boundaries and threshold crossings are known in
/// closed form, and on the DUNE inputs: no bound is a scan grid point (the audit found the combined
/// B−L excess reach at 1 GeV returned as 10^-2.6, the 1/20-decade point before the side began).
struct ReachScanTests {
    /// 90% C.L. for 2 dof: the χ² quantile is −2 ln(0.1) exactly (the 2-dof χ² is exponential).
    static let threshold = -2 * log(0.1)
    static let sigma = 0.05

    /// The toy: N_SM = 1000, a = −4e8, b = 1e14. N − N_SM = x(a + b x) changes sign at
    /// x = −a/b = 4e-6, g = 2e-3, and falls to −a²/4b = −400 at x = 2e-6.
    static let toy = EventPolynomial(standardModel: 1000, a: -4e8, b: 1e14)

    /// Eq. (8)'s minimum is D²/(N_SM + D + σ²N_SM²) for D = N − N_SM: at the threshold T,
    /// D² − T D − T(N_SM + σ²N_SM²) = 0, and x solves b x² + a x = D.
    static func crossings(_ p: EventPolynomial, sigma: Double) -> (excess: Double, deficit: Double, deficitEnd: Double) {
        let t = threshold
        let c = p.standardModel + sigma * sigma * p.standardModel * p.standardModel
        let dPlus = (t + (t * t + 4 * t * c).squareRoot()) / 2
        let dMinus = (t - (t * t + 4 * t * c).squareRoot()) / 2
        func x(_ d: Double, _ sign: Double) -> Double { (-p.a + sign * (p.a * p.a + 4 * p.b * d).squareRoot()) / (2 * p.b) }
        return (x(dPlus, 1).squareRoot(), x(dMinus, -1).squareRoot(), x(dMinus, 1).squareRoot())
    }

    @Test("one data set: the excess, deficit and deficit-end crossings in closed form", arguments: Path.allCases, [0.0, 0.05])
    func singleDataSet(_ path: Path, _ sigma: Double) throws {
        let exact = Self.crossings(Self.toy, sigma: sigma)
        let r = try ReachScan.reaches(polynomials: [Self.toy], normalisation: sigma, dof: 2, path: path)
        let tolerance = path == .closedForm ? 1e-10 : 1e-8
        expectClose(try #require(r.excess), exact.excess, relative: tolerance, "\(path) σ=\(sigma): excess reach")
        expectClose(try #require(r.deficit), exact.deficit, relative: tolerance, "\(path) σ=\(sigma): deficit reach")
        expectClose(try #require(r.deficitEnd), exact.deficitEnd, relative: tolerance, "\(path) σ=\(sigma): deficit end")
        expectClose(try #require(r.reach), exact.deficit, relative: tolerance, "\(path) σ=\(sigma): either side")
        // The deficit region lies inside the side, below where N returns to N_SM (g = 2e-3).
        #expect(exact.deficit < exact.deficitEnd && exact.deficitEnd < 2e-3 && 2e-3 < exact.excess)
    }

    /// Two data sets with their own pulls (chi2-sum): A = 1000 + 1e8 g² is always in excess, B the toy.
    /// The excess side (both in excess) begins at B's sign change, g = 2e-3, where A alone gives
    /// χ² = 400²/(1400 + 2500) ≫ T: the reach is that boundary, exactly.
    @Test("χ² above the threshold where the side begins: the reach is the side's start", arguments: Path.allCases)
    func boundary(_ path: Path) throws {
        let a = EventPolynomial(standardModel: 1000, a: 1e8, b: 0)
        let r = try ReachScan.reaches(polynomials: [a, Self.toy], normalisation: Self.sigma, dof: 2, path: path)
        expectClose(try #require(r.excess), 2e-3, relative: 1e-10, "\(path): excess reach at the side's start")
        #expect(r.deficit == nil && r.deficitEnd == nil, "\(path): A is never in deficit")
        // Either side: A + B's χ² reaches T well below 2e-3.
        #expect(try #require(r.reach) < 1e-3)
    }

    /// A' = 1000 − 1e8 g² is in deficit at every g; with the toy the deficit side is (0, 2e-3), and
    /// at its upper end A' alone gives χ² = 400²/(600 + 2500) ≫ T: the region ends there, exactly.
    @Test("χ² above the threshold where the deficit side ends: the region's upper edge is that end", arguments: Path.allCases)
    func deficitEndAtBoundary(_ path: Path) throws {
        let a = EventPolynomial(standardModel: 1000, a: -1e8, b: 0)
        let r = try ReachScan.reaches(polynomials: [a, Self.toy], normalisation: Self.sigma, dof: 2, path: path)
        expectClose(try #require(r.deficitEnd), 2e-3, relative: 1e-10, "\(path): deficit end at the side's end")
        #expect(r.excess == nil, "\(path): A' is never in excess")
    }

    /// 000's combined statistic adds the events: ν (600 − 3e8 g² + 5e13 g⁴) and ν̄ (400 − 1e8 g² +
    /// 5e13 g⁴) sum to the toy, whose crossings are known.
    @Test("summed events: the combined data set is the sum, one pull", arguments: Path.allCases)
    func summedEvents(_ path: Path) throws {
        let nu = EventPolynomial(standardModel: 600, a: -3e8, b: 5e13)
        let nubar = EventPolynomial(standardModel: 400, a: -1e8, b: 5e13)
        let combined = DuneSensitivity.combined(nu: nu, nubar: nubar, statistic: .summedEvents)
        #expect(combined == [Self.toy])
        let r = try ReachScan.reaches(polynomials: combined, normalisation: Self.sigma, dof: 2, path: path)
        let exact = Self.crossings(Self.toy, sigma: Self.sigma)
        let tolerance = path == .closedForm ? 1e-10 : 1e-8
        expectClose(try #require(r.excess), exact.excess, relative: tolerance, "\(path): summed excess reach")
        expectClose(try #require(r.deficit), exact.deficit, relative: tolerance, "\(path): summed deficit reach")
        #expect(DuneSensitivity.combined(nu: nu, nubar: nubar, statistic: .chi2Sum) == [nu, nubar])
    }

    /// The DUNE inputs at 1 MeV to 1 GeV: every returned bound is a refined crossing or a side's
    /// boundary, none a 1/20-decade point 10^(k/20) of the old scan.
    @Test("DUNE: no reach is a 1/20-decade grid point", arguments: ["B-L", "Le-Lmu"])
    func noGridPoints(_ model: String) throws {
        let (fluxes, setup, electrons) = try DuneContext.load(.shared)
        let vector = try ModelRegistry.lookup(model)
        let runs: [(DuneSensitivity.Mode, DuneSensitivity.Statistic)] = [
            (.nu, .summedEvents), (.nubar, .summedEvents), (.combined, .summedEvents), (.combined, .chi2Sum),
        ]
        var bounds = 0
        for mass in [1.0, 10, 100, 1000] {
            for (mode, statistic) in runs {
                let r = try DuneSensitivity.reaches(
                    model: vector, mass: mass, mode: mode, statistic: statistic, dof: 2, path: .closedForm,
                    fluxes: fluxes, setup: setup, electrons: electrons, sw2: Constants.defaultSin2ThetaW)
                for g in [r.reach, r.excess, r.deficit, r.deficitEnd].compactMap({ $0 }) {
                    bounds += 1
                    let k = (20 * log10(g)).rounded()
                    #expect(abs(g / pow(10, k / 20) - 1) > 1e-9, "\(model) \(mode) \(statistic) M = \(mass) MeV: \(g)")
                }
            }
        }
        #expect(bounds >= 4 * 4 * 2, "\(model): \(bounds) bounds checked")
    }

    /// B−L at 1 GeV, χ²(ν) + χ²(ν̄) by excess: the ν mode is in deficit below its sign change, so the
    /// excess side begins there and χ² is already above the threshold (the audit's case). Either side
    /// of the returned g, the ν mode's events must change sign; and each deficit region's upper edge
    /// must sit on the threshold.
    @Test("DUNE B−L at 1 GeV: the chi2-sum excess reach is where the ν mode's deficit ends")
    func bLExcessBoundary() throws {
        let (fluxes, setup, electrons) = try DuneContext.load(.shared)
        let vector = try ModelRegistry.lookup("B-L")
        func polys(_ mode: DuneSensitivity.Mode) throws -> [EventPolynomial] {
            try DuneSensitivity.polynomials(
                model: vector, mass: 1000, mode: mode, statistic: .chi2Sum, path: .closedForm, fluxes: fluxes,
                setup: setup, electrons: electrons, sw2: Constants.defaultSin2ThetaW)
        }
        let pair = try polys(.combined)
        let g = try #require(
            try ReachScan.reach(polynomials: pair, normalisation: setup.sigma, side: .excess, dof: 2, path: .closedForm))
        let nu = pair[0]
        #expect(nu.events(g * (1 - 1e-9)) < nu.standardModel && nu.events(g * (1 + 1e-9)) > nu.standardModel,
                "the ν mode changes sign at the combined excess reach \(g)")
        let single = try ReachScan.reaches(polynomials: [nu], normalisation: setup.sigma, dof: 2, path: .closedForm)
        let end = try #require(single.deficitEnd)
        let chi2 = try Chi2.devMinimum(expected: nu.events(end), standardModel: nu.standardModel, sigma: setup.sigma).chi2
        expectClose(chi2, Self.threshold, relative: 1e-9, "χ² of the ν mode at its deficit region's upper edge \(end)")
        #expect(try #require(single.deficit) < end && end < g, "the deficit region closes before N returns to N_SM")
    }
}
