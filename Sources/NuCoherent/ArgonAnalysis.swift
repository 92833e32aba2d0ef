import Foundation
import GSLKit
import NuPhysics

/// A data set ready for limits: a model's predicted CEvNS counts per bin (flattened) and the χ²
/// of the data minimised over the nuisances, either way. The predictions' quadratic in g² is
/// computed once per mediator and mass and shared by both minimisations (which are what the
/// two paths of a Table 2 entry compare).
public final class LimitAnalysis: @unchecked Sendable {
    /// How the nuisances are minimised: `.analytic` is the closed-form path (Ar: the normal
    /// equations; CsI: Newton's method on the analytic derivatives, there being no closed form),
    /// `.numerical` the GSL path (Ar: GSL SVD least squares; CsI: GSL BFGS).
    public enum Minimisation: Sendable { case analytic, numerical }

    public let name: String
    public let predict: @Sendable (SignalModel) throws -> [Double]
    public let chi2: @Sendable ([Double], Minimisation) throws -> Double

    private let lock = NSLock()
    private var quadratics: [String: AsymptoticLimit.Quadratic] = [:]

    public init(name: String, predict: @escaping @Sendable (SignalModel) throws -> [Double],
                chi2: @escaping @Sendable ([Double], Minimisation) throws -> Double) {
        self.name = name; self.predict = predict; self.chi2 = chi2
    }

    /// Two data sets fitted together: predictions side by side, χ² summed (independent nuisances).
    public static func combined(_ first: LimitAnalysis, _ second: LimitAnalysis) throws -> LimitAnalysis {
        let split = try first.predict(SignalModel()).count
        return LimitAnalysis(name: "\(first.name)+\(second.name)",
                             predict: { try first.predict($0) + second.predict($0) },
                             chi2: { n, m in try first.chi2(Array(n[..<split]), m) + second.chi2(Array(n[split...]),
                                 m) })
    }

    func quadratic(_ mediator: AsymptoticLimit.Mediator,
        _ regime: AsymptoticLimit.Regime) throws -> AsymptoticLimit.Quadratic {
        let key: String
        switch mediator {
        case .vector(let m): key = "\(m.name)|\(regime.rawValue)"
        case .scalar: key = "scalar|\(regime.rawValue)"
        }
        lock.lock()
        if let q = quadratics[key] { lock.unlock(); return q }
        lock.unlock()
        let q = try AsymptoticLimit.quadratic(mediator, regime: regime, predict: predict)
        lock.lock(); quadratics[key] = q; lock.unlock()
        return q
    }

    /// The χ² scan of a 004 Table 2 entry (x = g² at low M, g²/M² at high M).
    public func scan(_ mediator: AsymptoticLimit.Mediator, regime: AsymptoticLimit.Regime,
        convention: LimitConvention = .standard,
                     minimisation: Minimisation) throws -> AsymptoticLimit.Scan {
        try AsymptoticLimit.scan(try quadratic(mediator, regime), convention: convention, chi2: { try self.chi2($0,
            minimisation) })
    }

    /// A 004 Table 2 entry: g (low M) or g/M in GeV⁻¹ (high M).
    public func bound(_ mediator: AsymptoticLimit.Mediator, regime: AsymptoticLimit.Regime,
        convention: LimitConvention = .standard,
                      minimisation: Minimisation) throws -> Double {
        AsymptoticLimit.coupling(try scan(mediator, regime: regime, convention: convention,
            minimisation: minimisation).bound,
                                 regime: regime, mass: regime.mass)
    }

    /// The boundary g(M) and the allowed intervals on the given masses (MeV), shared among the cores.
    public func curve(_ mediator: AsymptoticLimit.Mediator, masses: [Double], convention: LimitConvention = .standard,
                      minimisation: Minimisation = .analytic) throws -> [LimitPoint] {
        try parallelMap(masses.count) { i in
            Result {
                try AsymptoticLimit.curve(mediator, masses: [masses[i]], convention: convention, predict: self.predict,
                                          chi2: { try self.chi2($0, minimisation) })[0]
            }
        }.map { try $0.get() }
    }
}

/// The CENNS-10 analysis of 004 put together: the released data and response, the SM and model
/// predictions, and the χ² of Eqs. (7)-(9).
public final class ArgonAnalysis: @unchecked Sendable {
    public let release: ArgonRelease
    public let predictor: ArgonPredictor
    public let chi2: ArgonChi2
    public let limits: LimitAnalysis

    public typealias Minimisation = LimitAnalysis.Minimisation

    public init(directory: URL, release: ArgonRelease, inputs: AnalysisInputs) throws {
        let predictor = try ArgonPredictor(release: release, inputs: inputs)
        let chi2 = try ArgonChi2(release: release, directory: directory)
        self.release = release; self.predictor = predictor; self.chi2 = chi2
        limits = LimitAnalysis(name: "ar", predict: { ArgonChi2.flat(try predictor.cevns($0)) },
                               chi2: { n,
                                   m in m == .analytic ? try chi2.minimumAnalytic(cevns: n)
                                       .chi2 : try chi2.minimumNumerical(cevns: n).chi2 })
    }

    public func bound(_ mediator: AsymptoticLimit.Mediator, regime: AsymptoticLimit.Regime,
        convention: LimitConvention = .standard,
                      minimisation: Minimisation) throws -> Double {
        try limits.bound(mediator, regime: regime, convention: convention, minimisation: minimisation)
    }
}

/// The CsI analysis of 004 Eq. (6) for given BRN and NIN counts (by default those the release
/// files' sums give).
public final class CsIAnalysis: @unchecked Sendable {
    public let predictor: CsIPredictor
    public let chi2: CsIChi2
    public let counts: CsINeutronCounts
    public let limits: LimitAnalysis

    public init(release: CsIRelease, predictor: CsIPredictor, counts: CsINeutronCounts) throws {
        let chi2 = try CsIChi2(release: release, counts: counts, timeEfficiency: predictor.timeEfficiency)
        self.predictor = predictor; self.chi2 = chi2; self.counts = counts
        limits = LimitAnalysis(name: "csi", predict: { ArgonChi2.flat(try predictor.cevns($0)) },
                               chi2: { n,
                                   m in m == .analytic ? try chi2.minimumNewton(cevns: n)
                                       .chi2 : try chi2.minimumNumerical(cevns: n).chi2 })
    }
}

extension CoherentContext {
    public func argonAnalysis(_ set: InputSet = .release) throws -> ArgonAnalysis {
        let dir = try argonDirectory(), inputs = try inputs(set), release = try argonRelease()
        return try AnalysisCache.shared.argon("\(dir.path)|\(inputs.cacheKey)") { try ArgonAnalysis(directory: dir,
            release: release, inputs: inputs) }
    }

    /// The BRN and NIN counts the CsI release files give (`CsINeutronCounts.derived`).
    public func csiNeutronCounts() throws -> CsINeutronCounts {
        try CsINeutronCounts.derived(from: try csiRelease())
    }

    /// The CsI analysis of an input set with the given BRN and NIN counts (nil: the release's).
    public func csiAnalysis(_ set: InputSet = .release, counts: CsINeutronCounts? = nil) throws -> CsIAnalysis {
        let dir = try csiDirectory()
        let counts = try counts ?? csiNeutronCounts()
        let release = try csiRelease(), predictor = try csiPredictor(set)
        return try AnalysisCache.shared.csi("\(dir.path)|\(predictor.inputs.cacheKey)|\(counts.brn)|\(counts.nin)") {
            try CsIAnalysis(release: release, predictor: predictor, counts: counts)
        }
    }

    /// The limit analysis of a data set: "ar", "csi" or "combined". CsI counts other than the
    /// release's apply to csi and combined only.
    public func limitAnalysis(_ dataset: String, inputs set: InputSet = .release,
        csiCounts: CsINeutronCounts? = nil) throws -> LimitAnalysis {
        switch dataset {
        case "ar":
            if csiCounts != nil { throw PhysicsError.notApplicable("BRN and NIN counts apply to csi and combined (the "
                + "argon release carries its own)") }
            return try argonAnalysis(set).limits
        case "csi", "combined":
            let csi = try csiAnalysis(set, counts: csiCounts)
            if dataset == "csi" { return csi.limits }
            let argon = try argonAnalysis(set).limits  // outside the cache's lock, which argonAnalysis() takes too
            let dir = try argonDirectory().path + "+" + csiDirectory().path
            return try AnalysisCache.shared.combined("\(dir)|\(csi.predictor.inputs.cacheKey)|\(csi.counts.brn)|\(csi.counts.nin)") {
                try LimitAnalysis.combined(argon, csi.limits)
            }
        default:
            throw PhysicsError.unknown("data set '\(dataset)' (expected ar, csi or combined)")
        }
    }
}

/// Analyses built once per data directory, input set and counts (preparing a response takes time).
final class AnalysisCache: @unchecked Sendable {
    static let shared = AnalysisCache()
    private let lock = NSLock()
    private var argonByKey: [String: ArgonAnalysis] = [:]
    private var csiByKey: [String: CsIAnalysis] = [:]
    private var csiPredictorByKey: [String: CsIPredictor] = [:]
    private var combinedByKey: [String: LimitAnalysis] = [:]

    func clear() {
        lock.lock(); defer { lock.unlock() }
        argonByKey = [:]; csiByKey = [:]; csiPredictorByKey = [:]; combinedByKey = [:]
    }

    func argon(_ key: String, _ make: () throws -> ArgonAnalysis) throws -> ArgonAnalysis { try cached(&argonByKey,
        key, make) }

    func csi(_ key: String, _ make: () throws -> CsIAnalysis) throws -> CsIAnalysis { try cached(&csiByKey, key, make) }

    func csiPredictor(_ key: String,
        _ make: () throws -> CsIPredictor) throws -> CsIPredictor { try cached(&csiPredictorByKey, key, make) }

    func combined(_ key: String,
        _ make: () throws -> LimitAnalysis) throws -> LimitAnalysis { try cached(&combinedByKey, key, make) }

    private func cached<T>(_ store: inout [String: T], _ key: String, _ make: () throws -> T) throws -> T {
        lock.lock(); defer { lock.unlock() }
        if let a = store[key] { return a }
        let a = try make()
        store[key] = a
        return a
    }
}
