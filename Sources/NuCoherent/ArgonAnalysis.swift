import Foundation
import GSLKit
import NuPhysics

/// A data set ready for limits: a model's predicted CEvNS counts per bin (flattened) and the χ²
/// of the data minimised over the nuisances, either way. The predictions' quadratic in g² is
/// computed once per mediator and regime and shared by both minimisations (which are what the
/// two paths of a Table 2 entry compare).
public final class LimitAnalysis: @unchecked Sendable {
    /// How the nuisances are minimised: `.analytic` is the closed-form path (Ar: the normal
    /// equations; CsI: Newton's method on the analytic derivatives, there being no closed form),
    /// `.numerical` the GSL path (Ar: BFGS; CsI: the simplex).
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
                             chi2: { n, m in try first.chi2(Array(n[..<split]), m) + second.chi2(Array(n[split...]), m) })
    }

    func quadratic(_ mediator: AsymptoticLimit.Mediator, _ regime: AsymptoticLimit.Regime) throws -> AsymptoticLimit.Quadratic {
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

    /// A 004 Table 2 entry: g (low M) or g/M in GeV⁻¹ (high M).
    public func bound(_ mediator: AsymptoticLimit.Mediator, regime: AsymptoticLimit.Regime, edge: AsymptoticLimit.Edge = .first,
                      minimisation: Minimisation) throws -> Double {
        try AsymptoticLimit.bound(try quadratic(mediator, regime), regime: regime, edge: edge, chi2: { try self.chi2($0, minimisation) })
    }

    /// The 2σ boundary g(M) on the given masses (MeV), the masses shared among the cores.
    public func curve(_ mediator: AsymptoticLimit.Mediator, masses: [Double], minimisation: Minimisation = .analytic) throws -> [(mass: Double, g: Double)] {
        try parallelMap(masses.count) { i in
            Result { try AsymptoticLimit.curve(mediator, masses: [masses[i]], predict: self.predict, chi2: { try self.chi2($0, minimisation) })[0] }
        }.map { try $0.get() }
    }
}

/// The CENNS-10 analysis of 004 put together: the released data and response, the SM and model
/// predictions, and the χ² of Eqs. (7)-(9), cached per data directory.
public final class ArgonAnalysis: @unchecked Sendable {
    public let release: ArgonRelease
    public let predictor: ArgonPredictor
    public let chi2: ArgonChi2
    public let limits: LimitAnalysis
    /// Simpson intervals over the recoil range for the limit scans (the total moves by < 1e-6
    /// against 1500 intervals).
    public static let limitSteps = 600

    public typealias Minimisation = LimitAnalysis.Minimisation

    public init(directory: URL) throws {
        let release = try ArgonRelease(directory: directory)
        let predictor = try ArgonPredictor(release: release)
        let chi2 = try ArgonChi2(release: release, directory: directory)
        self.release = release; self.predictor = predictor; self.chi2 = chi2
        limits = LimitAnalysis(name: "ar", predict: { ArgonChi2.flat(try predictor.cevns($0, steps: Self.limitSteps)) },
                               chi2: { n, m in m == .analytic ? try chi2.minimumAnalytic(cevns: n).chi2 : try chi2.minimumNumerical(cevns: n).chi2 })
    }

    public func bound(_ mediator: AsymptoticLimit.Mediator, regime: AsymptoticLimit.Regime, edge: AsymptoticLimit.Edge = .first,
                      minimisation: Minimisation) throws -> Double {
        try limits.bound(mediator, regime: regime, edge: edge, minimisation: minimisation)
    }
}

/// The CsI analysis of 004 Eq. (6) for given BRN and NIN normalisations (not in the release).
public final class CsIAnalysis: @unchecked Sendable {
    public let predictor: CsIPredictor
    public let chi2: CsIChi2
    public let limits: LimitAnalysis
    public static let limitSteps = 600

    public init(release: CsIRelease, predictor: CsIPredictor, brnEvents: Double, ninEvents: Double) throws {
        let chi2 = try CsIChi2(release: release, brnEvents: brnEvents, ninEvents: ninEvents)
        self.predictor = predictor; self.chi2 = chi2
        limits = LimitAnalysis(name: "csi", predict: { ArgonChi2.flat(try predictor.cevns($0, steps: Self.limitSteps)) },
                               chi2: { n, m in m == .analytic ? try chi2.minimumNewton(cevns: n).chi2 : try chi2.minimumSimplex(cevns: n).chi2 })
    }
}

extension CoherentContext {
    public func argonAnalysis() throws -> ArgonAnalysis {
        let dir = try requireDirectory()
        return try AnalysisCache.shared.argon(dir)
    }

    /// The CsI analysis for the given BRN and NIN counts (0-60 PE, 0-6 µs), cached per directory
    /// and counts.
    public func csiAnalysis(brnEvents: Double, ninEvents: Double) throws -> CsIAnalysis {
        let dir = try requireDirectory()
        let release = try csiRelease(), predictor = try csiPredictor()
        return try AnalysisCache.shared.csi("\(dir.path)|\(brnEvents)|\(ninEvents)") {
            try CsIAnalysis(release: release, predictor: predictor, brnEvents: brnEvents, ninEvents: ninEvents)
        }
    }

    /// The limit analysis of a data set: "ar", or (with the BRN and NIN counts) "csi" or "combined".
    public func limitAnalysis(_ dataset: String, csiBackgrounds: (brn: Double, nin: Double)?) throws -> LimitAnalysis {
        switch dataset {
        case "ar": return try argonAnalysis().limits
        case "csi", "combined":
            guard let csiBackgrounds else {
                throw PhysicsError.notApplicable("the CsI χ² of 004 Eq. (6) needs the BRN and NIN normalisations, which the release files do not give (supply them)")
            }
            let dir = try requireDirectory()
            let csi = try csiAnalysis(brnEvents: csiBackgrounds.brn, ninEvents: csiBackgrounds.nin).limits
            if dataset == "csi" { return csi }
            let argon = try argonAnalysis().limits  // outside the cache's lock, which argonAnalysis() takes too
            return try AnalysisCache.shared.combined("\(dir.path)|\(csiBackgrounds.brn)|\(csiBackgrounds.nin)") { try LimitAnalysis.combined(argon, csi) }
        default:
            throw PhysicsError.unknown("data set '\(dataset)' (expected ar, csi or combined)")
        }
    }
}

/// Analyses built once per data directory (loading and preparing a release takes time).
final class AnalysisCache: @unchecked Sendable {
    static let shared = AnalysisCache()
    private let lock = NSLock()
    private var argonByPath: [String: ArgonAnalysis] = [:]
    private var csiByKey: [String: CsIAnalysis] = [:]
    private var combinedByKey: [String: LimitAnalysis] = [:]

    func argon(_ dir: URL) throws -> ArgonAnalysis { try cached(&argonByPath, dir.path) { try ArgonAnalysis(directory: dir) } }

    func csi(_ key: String, _ make: () throws -> CsIAnalysis) throws -> CsIAnalysis { try cached(&csiByKey, key, make) }

    func combined(_ key: String, _ make: () throws -> LimitAnalysis) throws -> LimitAnalysis { try cached(&combinedByKey, key, make) }

    private func cached<T>(_ store: inout [String: T], _ key: String, _ make: () throws -> T) throws -> T {
        lock.lock(); defer { lock.unlock() }
        if let a = store[key] { return a }
        let a = try make()
        store[key] = a
        return a
    }
}
