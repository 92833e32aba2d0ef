import Foundation
import Testing
import NuClosedForm
import NuPhysics
import GSLKit
@testable import NuCoherent
import TestSupport

/// The releases ship in the package: Reference/releases/coherent-ar2020 and coherent-csi2021.
enum Data {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let reference = root.appendingPathComponent("Reference")
    static let argon = reference.appendingPathComponent("releases/coherent-ar2020")
    static let csi = reference.appendingPathComponent("releases/coherent-csi2021")

    /// Points the shared context at Reference/ (the analysis inputs); the data are the package's.
    static func configure() {
        CoherentContext.shared.setReferenceDirectory(reference)
    }

    static func inputs(_ set: InputSet = .release) throws -> AnalysisInputs { try AnalysisInputs(referenceDirectory: reference, set: set) }
}

/// Δχ² = 4: one parameter, as the direct roots below compute it.
let oneDof = try! LimitConvention(dof: 1)

@Suite
struct CoherentReleaseTests {
    @Test("the shipped releases are where the package expects them")
    func present() throws {
        #expect(try CoherentContext.shared.argonDirectory().standardizedFileURL == Data.argon.standardizedFileURL)
        #expect(try CoherentContext.shared.csiDirectory().standardizedFileURL == Data.csi.standardizedFileURL)
    }

    /// The release's own numbers: 960 bins per PDF, the CEvNS PDF normalised to its CV prediction
    /// of 128 events, 3752 on-beam events (release companion, Table 2).
    @Test("argon release: binning and the normalisations the companion states")
    func argon() throws {
        let ar = try ArgonRelease(directory: Data.argon)
        #expect(abs(total(ar.cevns) - 128) < 1e-3, "CEvNS PDF total \(total(ar.cevns))")
        #expect(abs(total(ar.data) - 3752) < 1e-9, "on-beam data total \(total(ar.data))")
        #expect(abs(total(ar.promptBRN) - 497) < 0.5 && abs(total(ar.delayedBRN) - 33) < 0.5 && abs(total(ar.steadyState) - 3152) < 1)
        #expect(ar.efficiency(at: 100) == ar.efficiency.last!.value, "flat above the table")
    }

    @Test("CsI release: events in the analysis window and response coefficients")
    func csi() throws {
        let csi = try CsIRelease(directory: Data.csi)
        let c = total(CsIRelease.binned(csi.coincidence)), ac = total(CsIRelease.binned(csi.anticoincidence))
        #expect(c > 1000 && ac > 1000, "C \(c), AC \(ac) events in 0-60 PE, 0-6 µs")
        #expect(csi.response.a > 0 && csi.efficiency.a > 0)
    }

    /// Our SM prediction's time shape against the release's CEvNS PDF: the release gives the
    /// pulse mean as 440 ± 200 ns, and every time bin of its normalised CEvNS projection holding
    /// more than 5% of the events lies between our predictions with the mean at 240 and 640 ns.
    @Test("argon: the released CEvNS time distribution lies within the pulse-timing uncertainty")
    func argonTiming() throws {
        let ar = try ArgonRelease(directory: Data.argon)
        func shape(_ mean: Double) throws -> [Double] {
            let inputs = try Data.inputs().replacing("ar.pot.mean", with: mean)
            let h = try ArgonPredictor(release: ar, inputs: inputs).cevns(SignalModel())
            return (0..<ArgonRelease.timeBins).map { j in h.reduce(0) { $0 + $1[j] } / total(h) }
        }
        let early = try shape(240), late = try shape(640)
        let theirs = (0..<ArgonRelease.timeBins).map { j in ar.cevns.reduce(0) { $0 + $1[j] } / total(ar.cevns) }
        for j in theirs.indices where theirs[j] > 0.05 {
            let (lo, hi) = (min(early[j], late[j]), max(early[j], late[j]))
            #expect(theirs[j] >= lo && theirs[j] <= hi, "time bin \(j): release \(theirs[j]) outside [\(lo), \(hi)] (mean 240-640 ns)")
        }
    }

    /// The NIN time spectrum follows the delayed ν_e (CC on lead): the fit puts the pulse mean a
    /// little after the argon release's 440 ns and finds almost no prompt component.
    @Test("CsI: the proton-pulse timing fitted to the NIN time spectrum")
    func csiTiming() throws {
        let fit = try CsIRelease(directory: Data.csi).fittedArrivalMean()
        #expect(fit.mean > 300 && fit.mean < 700, "fitted mean \(fit.mean) ns")
        #expect(fit.promptFraction < 0.1, "fitted prompt fraction \(fit.promptFraction)")
    }
}

@Suite
struct ArgonChi2Tests {
    static let analysis: ArgonAnalysis? = {
        Data.configure()
        return try? CoherentContext.shared.argonAnalysis()
    }()

    /// Eq. (7)'s predictions are linear in the nine nuisances, so its minimum solves the normal
    /// equations; GSL's SVD least squares must find the same χ² and nuisances, also far out in a
    /// limit scan (CEvNS × 1e12, where the fit drives 1 + η_CEvNS to 1e-12).
    @Test("χ² minimum: normal equations equal GSL SVD least squares")
    func analyticVersusLeastSquares() throws {
        let a = try #require(Self.analysis)
        let sm = ArgonChi2.flat(try a.predictor.cevns(SignalModel()))
        for scale in [0.0, 0.5, 1.0, 1.3, 4.0, 1e12] {
            let cevns = sm.map { $0 * scale }
            let analytic = try a.chi2.minimumAnalytic(cevns: cevns), numerical = try a.chi2.minimumNumerical(cevns: cevns)
            // 1e-9: both solve the same linear problem to rounding; at 1e12 the cancellation in
            // 1 + η of the normal equations costs ~1e-12 × 1e12 / χ².
            expectClose(numerical.chi2, analytic.chi2, relative: 1e-9, "scale \(scale): χ² by SVD vs normal equations")
            for (x, y) in zip(analytic.nuisances, numerical.nuisances) { #expect(abs(x - y) <= 1e-4 * max(1, abs(x)), "nuisance \(x) vs \(y)") }
            #expect(a.chi2.chi2(cevns: cevns, nuisances: analytic.nuisances) <= a.chi2.chi2(cevns: cevns, nuisances: analytic.nuisances.map { $0 * 0.99 }))
        }
    }

    /// The argon data see CEvNS: removing it costs Δχ² > 9 (COHERENT reports 3.5σ).
    @Test("CEvNS is seen in the argon data")
    func evidence() throws {
        let a = try #require(Self.analysis)
        let sm = ArgonChi2.flat(try a.predictor.cevns(SignalModel()))
        let with = try a.chi2.minimumAnalytic(cevns: sm).chi2, without = try a.chi2.minimumAnalytic(cevns: sm.map { _ in 0 }).chi2
        #expect(without - with > 9, "Δχ² without CEvNS = \(without - with)")
        #expect(with < 140, "χ²_min = \(with) for 120 bins")
    }

    /// Issue 4's consistency of the scan with the asymptotic computation: the boundary g(M) of the
    /// (M, g) scan at M = 1 keV is the low-M plateau (computed at 10 keV) and g/M at M = 300 GeV the
    /// high-M asymptote (computed at 100 GeV). The predictions differ only by the propagator
    /// corrections M²/q² and q²/M², below 1e-6 there (|q| ≈ 19-100 MeV in the argon window).
    @Test("the scan's plateau and high-M asymptote equal the asymptotic bounds", arguments: ["B-L", "Lmu-Ltau", "scalar"])
    func scanAsymptotes(model: String) throws {
        let a = try #require(Self.analysis)
        let mediator: AsymptoticLimit.Mediator = model == "scalar" ? .scalar : .vector(try ModelRegistry.lookup(model))
        let curve = try a.limits.curve(mediator, masses: [1e-3, 3e5], convention: oneDof)
        let low = try a.bound(mediator, regime: .lowMass, convention: oneDof, minimisation: .closedForm)
        let high = try a.bound(mediator, regime: .highMass, convention: oneDof, minimisation: .closedForm)
        expectClose(curve[0].g, low, relative: 1e-6, "\(model): scan at 1 keV vs plateau")
        expectClose(curve[1].g / (3e5 / 1000), high, relative: 1e-6, "\(model): scan g/M at 300 GeV vs asymptote (GeV⁻¹)")
    }

    /// The quadratic read-off against the full model: a direct Brent root of Δχ²(g) = 4 on full
    /// predictions (no quadratic in g²) reproduces the exclusion curve of `nucheck limits` at
    /// masses below, at and above the typical momentum transfer (at M = 0.01 MeV the scan is the
    /// low-mass Table 2 computation itself, so this also checks that asymptote).
    @Test("exclusion curve equals a direct root on full predictions (B − L)", arguments: [0.01, 30.0, 1000.0])
    func directRoot(mass: Double) throws {
        let a = try #require(Self.analysis)
        let curve = try a.limits.curve(.vector(ModelRegistry.bMinusL), masses: [mass], convention: oneDof)[0].g
        let g = try directBMinusLBound(a.limits, mass: mass, near: curve)
        expectClose(g, curve, relative: 1e-7, "M = \(mass) MeV: direct vs curve (Brent stops at 1e-8 relative in ln g ≈ −10, "
            + "i.e. ~1e-7 in g; the scan's root is tighter)")
    }
}

/// 004 Eq. (6) on the CsI release, for a range of BRN and NIN counts around the release's
/// (18.4, 5.6): (0, 0) to (40, 12) events.
@Suite
struct CsIChi2Tests {
    static let backgrounds: [(brn: Double, nin: Double)] = [(0, 0), (17, 5.6), (40, 12)]

    static func analysis(_ b: (brn: Double, nin: Double)) throws -> CsIAnalysis {
        Data.configure()
        return try CoherentContext.shared.csiAnalysis(counts: try CsINeutronCounts(brn: b.brn, nin: b.nin))
    }

    /// No closed form: Newton on the analytic gradient and Hessian and GSL's BFGS (gradient only,
    /// its own line search and Hessian updates) must find the same minimum, including far out in a limit scan (CEvNS × 1e12, where the fit
    /// drives 1 + η_CEvNS to 1e-12) and with no CEvNS at all.
    @Test("χ² minimum: Newton equals GSL BFGS")
    func newtonVersusBFGS() throws {
        for b in Self.backgrounds {
            let a = try Self.analysis(b)
            let sm = ArgonChi2.flat(try a.predictor.cevns(SignalModel()))
            for scale in [0.0, 0.5, 1.0, 2.0, 1e12] {
                let cevns = sm.map { $0 * scale }
                let newton = try a.chi2.minimumNewton(cevns: cevns), bfgs = try a.chi2.minimumNumerical(cevns: cevns)
                expectClose(bfgs.chi2, newton.chi2, relative: 1e-11,
                            "BRN \(b.brn), NIN \(b.nin), scale \(scale): BFGS vs Newton (BFGS stops within ~1e-14 of "
                                + "χ²_min ≈ 100-200, Newton at the rounding of χ²)")
                #expect(newton.chi2 <= bfgs.chi2 * (1 + 1e-12), "Newton's minimum must not lie above BFGS's: \(newton.chi2) vs \(bfgs.chi2)")
            }
        }
    }

    /// COHERENT observed CEvNS in CsI at 11.6σ: removing it must cost far more than Δχ² = 100,
    /// whatever the neutron backgrounds, and the SM fit must be acceptable for 99 bins.
    @Test("CEvNS is seen in the CsI data")
    func evidence() throws {
        for b in Self.backgrounds {
            let a = try Self.analysis(b)
            let sm = ArgonChi2.flat(try a.predictor.cevns(SignalModel()))
            let with = try a.chi2.minimumNewton(cevns: sm).chi2, without = try a.chi2.minimumNewton(cevns: sm.map { _ in 0 }).chi2
            #expect(without - with > 100, "BRN \(b.brn), NIN \(b.nin): Δχ² without CEvNS = \(without - with)")
            #expect(with < 140, "BRN \(b.brn), NIN \(b.nin): χ²_min = \(with) for 99 bins")
        }
    }

    /// The combined fit is two independent fits side by side: its χ² at a Z' point equals the argon
    /// and CsI minima computed straight from each detector's predictor and χ² (which checks that the
    /// joint prediction is split back between the detectors in the right place and order), and
    /// differs from either alone.
    @Test("combined χ² is the sum of the argon and CsI χ²")
    func combinedIsSum() throws {
        let b = Self.backgrounds[1]
        let csi = try Self.analysis(b), argon = try CoherentContext.shared.argonAnalysis()
        let combined = try CoherentContext.shared.limitAnalysis("combined", csiCounts: try CsINeutronCounts(brn: b.brn, nin: b.nin))
        let model = SignalModel(mediator: .vector(model: ModelRegistry.bMinusL, g: 3e-5, mass: 5))
        let ar = try argon.chi2.minimumAnalytic(cevns: ArgonChi2.flat(try argon.predictor.cevns(model))).chi2
        let cs = try csi.chi2.minimumNewton(cevns: ArgonChi2.flat(try csi.predictor.cevns(model))).chi2
        let joint = try combined.chi2(try combined.predict(model), .closedForm)
        expectClose(ar + cs, joint, relative: 1e-12, "Ar + CsI vs combined (the same sums in another order)")
        #expect(min(ar, cs) > 50, "each detector contributes: Ar \(ar), CsI \(cs)")
    }

    /// The CsI exclusion curve at M = 30 MeV against a direct Brent root of Δχ²(g) = 4 on full
    /// predictions (no quadratic read-off).
    @Test("CsI exclusion curve equals a direct root on full predictions (B − L, M = 30 MeV)")
    func directRoot() throws {
        let a = try Self.analysis(Self.backgrounds[1]).limits
        let curve = try a.curve(.vector(ModelRegistry.bMinusL), masses: [30], convention: oneDof)[0].g
        let g = try directBMinusLBound(a, mass: 30, near: curve)
        expectClose(g, curve, relative: 1e-7, "direct vs curve (Brent stops at 1e-8 relative in ln g ≈ −10, i.e. ~1e-7 in g; "
            + "the scan's root is tighter)")
    }

    @Test("bad CsI background counts and overflowed predictions are refused")
    func badBackgrounds() throws {
        let release = try CsIRelease(directory: Data.csi)
        #expect(throws: PhysicsError.self) { try CsINeutronCounts(brn: -1, nin: 5) }
        #expect(throws: PhysicsError.self) { try CsINeutronCounts(brn: .nan, nin: 5) }
        #expect(throws: PhysicsError.self) { try CoherentContext.shared.limitAnalysis("ar", csiCounts: try CsINeutronCounts(brn: 18, nin: 5)) }
        #expect(throws: PhysicsError.self) { try CoherentContext.shared.limitAnalysis("xenon") }
        // Predictions that overflowed (an absurd coupling) are refused by name, not fitted.
        let csi = try Self.analysis(Self.backgrounds[1]).chi2
        let overflowed = Array(repeating: Double.infinity, count: 99)
        #expect(throws: PhysicsError.self) { try csi.minimumNewton(cevns: overflowed) }
        #expect(throws: PhysicsError.self) { try csi.minimumNumerical(cevns: overflowed.map { _ in .nan }) }
        // Absurd but finite counts: the fit pulls BRN to the data (its prior costs (1/0.25)² = 16)
        // and both minimisations agree, where Newton started at 1e308 overflowed and stalled.
        let efficiency = try CsITimeEfficiency(try Data.inputs())
        let absurd = try CsIChi2(release: release, counts: try CsINeutronCounts(brn: 1e308, nin: 5), timeEfficiency: efficiency)
        let newton = try absurd.minimumNewton(cevns: Array(repeating: 1, count: 99)), bfgs = try absurd.minimumNumerical(cevns: Array(repeating: 1, count: 99))
        #expect(newton.chi2.isFinite && abs(newton.chi2 - bfgs.chi2) <= 1e-9 * newton.chi2, "BRN = 1e308: Newton \(newton.chi2) vs BFGS \(bfgs.chi2)")
        let argon = try CoherentContext.shared.argonAnalysis().chi2
        #expect(throws: PhysicsError.self) { try argon.minimumAnalytic(cevns: Array(repeating: .infinity, count: 120)) }
        #expect(throws: PhysicsError.self) { try argon.minimumNumerical(cevns: Array(repeating: .nan, count: 120)) }
    }
}

/// The 2σ bound on g of B − L at mass M (MeV) straight from full predictions, without the
/// quadratic read-off of the scan: B − L only adds to the rate, so χ²(g) has one minimum (at g = 0
/// or, with a small excess, just above); it is found by golden section below `curve`, then the
/// root of Δχ² = 4 above it by Brent (relative 1e-8 in ln g).
func directBMinusLBound(_ a: LimitAnalysis, mass: Double, near curve: Double) throws -> Double {
    func chi2(_ g: Double) throws -> Double {
        try a.chi2(try a.predict(SignalModel(mediator: g == 0 ? .none : .vector(model: ModelRegistry.bMinusL, g: g, mass: mass))), .closedForm)
    }
    var (lo, hi) = (0.0, curve)
    let r = (5.0.squareRoot() - 1) / 2
    for _ in 0..<40 {
        let c = hi - r * (hi - lo), d = lo + r * (hi - lo)
        if try chi2(c) < chi2(d) { hi = d } else { lo = c }
    }
    let base = min(try chi2(0), try chi2((lo + hi) / 2))
    return exp(try RootFinding.brent({ lg in try chi2(exp(lg)) - base - 4 }, lower: log(max(hi, curve / 50)), upper: log(3 * curve),
                                     relativeTolerance: 1e-8))
}

/// The limit scan refuses a χ² that is not a number anywhere on its grid instead of reading a
/// bound off it (no data needed: a one-bin quadratic and a χ² that fails above x = 1e-3).
@Test("limit scan: a non-finite χ² is an error, not a bound")
func limitScanRefusesNaN() {
    let q = AsymptoticLimit.Quadratic(a: [1], b: [1], c: [0], mass: 0.01)
    #expect(throws: PhysicsError.self) {
        try AsymptoticLimit.bound(q, regime: .lowMass, chi2: { n in n[0] > 1.001 ? .nan : n[0] })
    }
}

/// A toy χ² = (1 + x)², minimal (1) at x = 0, with a known root for each convention: Δχ² = d is
/// reached at x = g² = √(1 + d) − 1, d = 4 for one parameter and −2 ln(1 − 0.9545) for two.
@Test("limit scan: Δχ² roots of a toy χ² for one and two parameters", arguments: [1, 2])
func toyChi2Roots(dof: Int) throws {
    let q = AsymptoticLimit.Quadratic(a: [1], b: [1], c: [0], mass: 0.01)
    let convention = try LimitConvention(dof: dof)
    let d = dof == 1 ? 4.0 : -2 * log(1 - 0.954499736103642)
    let g = try AsymptoticLimit.bound(q, regime: .lowMass, convention: convention, chi2: { n in n[0] * n[0] })
    #expect(abs(g * g - ((1 + d).squareRoot() - 1)) < 1e-8, "dof \(dof): bound² \(g * g) vs √(1 + \(d)) − 1 (tolerance 1e-8: Brent's 1e-10 in ln x)")
    // The scan's allowed set is the one interval [0, x_bound).
    let scan = try AsymptoticLimit.scan(q, convention: convention, chi2: { n in n[0] * n[0] })
    #expect(scan.intervals.count == 1 && scan.intervals[0].lower == 0 && abs(scan.intervals[0].upper! / scan.bound - 1) < 1e-12)
    // Counting from the SM point instead gives the same here (the minimum is at x = 0).
    let fromSM = try AsymptoticLimit.bound(q, regime: .lowMass, convention: try LimitConvention(dof: dof, reference: .standardModel), chi2: { n in n[0] * n[0] })
    expectClose(fromSM, g, relative: 1e-12, "dof \(dof): bound counted from the SM vs from the minimum")
}

/// The 2σ thresholds against GSL quadrature of the χ² densities: ∫₀^Δχ² f_k = erf(2/√2) = 0.9545.
@Test("Δχ² thresholds: the χ²₁ and χ²₂ quantiles of 95.45%")
func deltaChi2Quantiles() throws {
    let pdf1: (Double) -> Double = { t in exp(-t / 2) / (2 * Double.pi * t).squareRoot() }
    let pdf2: (Double) -> Double = { t in exp(-t / 2) / 2 }
    for (dof, pdf) in [(1, pdf1), (2, pdf2)] {
        let c = try LimitConvention(dof: dof)
        let p = try Quadrature.integrate(pdf, from: 0, to: c.deltaChi2, relativeTolerance: 1e-12).value
        #expect(abs(p - 0.954499736103642) < 1e-10, "dof \(dof): P(χ² < \(c.deltaChi2)) = \(p) vs 0.9544997 (2σ)")
    }
    #expect(throws: PhysicsError.self) { try LimitConvention(dof: 3) }
}

/// Ridges: a χ² that climbs to a ridge 1 above the threshold and then falls into a strip is
/// ill-conditioned; the first edge stops at the ridge side, the outer edge beyond the strip.
@Test("limit scan: a ridge near the threshold marks the bound ill-conditioned; intervals around a strip")
func ridgeAndStrip() throws {
    let q = AsymptoticLimit.Quadratic(a: [0], b: [1], c: [0], mass: 0.01)
    // χ²(x) in ln x: a bump of height 5 at x = 1e-4, a dip back to 0 at x = 1e-2, then a steep rise.
    let chi2: ([Double]) -> Double = { n in
        let l = log10(max(n[0], 1e-300))
        return 5 * exp(-pow((l + 4) / 0.5, 2)) + (l > -2 ? 40 * (l + 2) * (l + 2) : 0)
    }
    let convention = try LimitConvention(dof: 1)
    let scan = try AsymptoticLimit.scan(q, convention: convention, chi2: chi2)
    #expect(scan.isIllConditioned, "ridge of Δχ² 5 against a threshold of 4")
    #expect(scan.intervals.count == 2, "allowed below the ridge and around the strip: \(scan.intervals)")
    let outer = try AsymptoticLimit.scan(q, convention: convention.with(edge: .outer), chi2: chi2)
    #expect(abs(outer.bound / scan.intervals[1].upper! - 1) < 1e-12 && outer.bound > 1e-2 && scan.bound < 1e-4)
}

/// A χ² so large that χ² + Δχ² rounds to χ² (absurd background counts, issue 10's reproducer
/// `brnEvents=1e21`) has no minimum "within Δχ²": an error, not a crash or a bound.
@Test("limit scan: χ² beyond the resolution of Δχ² is an error")
func limitScanBeyondResolution() {
    let q = AsymptoticLimit.Quadratic(a: [1], b: [1], c: [0], mass: 0.01)
    #expect(throws: PhysicsError.self) {
        try AsymptoticLimit.bound(q, regime: .lowMass, chi2: { n in 1e21 * (2 + n[0]) })
    }
}
