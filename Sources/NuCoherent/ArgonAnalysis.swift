import Foundation
import GSLKit
import NuPhysics

/// A data set ready for limits: a model's predicted CEvNS counts per bin (flattened) and the χ²
/// of the data minimised over the nuisances, either way. The predictions' quadratic in g² is
/// computed once per mediator and mass and shared by both minimisations (which are what the
/// two paths of a Table 2 entry compare).
public final class LimitAnalysis: @unchecked Sendable {
    public let name: String
    public let predict: @Sendable (SignalModel) throws -> [Double]
    /// χ² minimised over the nuisances by a path: `.closedForm` (Ar: the normal equations; CsI:
    /// Newton's method on the analytic derivatives, there being no closed form) or `.numerical`
    /// (Ar: GSL SVD least squares; CsI: GSL BFGS).
    public let chi2: @Sendable ([Double], Path) throws -> Double
    /// A χ² for one scan, called from one thread in the scan's order: the same minimum as `chi2`,
    /// but it may start each minimisation from the previous one of the same method (CsI's Newton
    /// and BFGS).
    let scanChi2: @Sendable (Path) -> ([Double]) throws -> Double
    /// The data sets a combined analysis joins (their quadratics are reused bin by bin).
    private let parts: [LimitAnalysis]

    private let lock = NSLock()
    private var standardModel: [Double]?
    private var quadratics: [QuadraticKey: (mediator: AsymptoticLimit.Mediator, quadratic: AsymptoticLimit.Quadratic)] =
        [:]
    /// Quadratics kept per data set (~3 kB each): every mass of the curves of a few models, so that
    /// a combined fit finds its data sets' quadratics made for their own curves just before; when
    /// full, the other mediators' are dropped first.
    static let quadraticCapacity = 4096

    private struct QuadraticKey: Hashable {
        let mediator: String, mass: UInt64
    }

    public convenience init(
        name: String, predict: @escaping @Sendable (SignalModel) throws -> [Double],
        chi2: @escaping @Sendable ([Double], Path) throws -> Double
    ) {
        self.init(name: name, predict: predict, chi2: chi2, scanChi2: { m in { n in try chi2(n, m) } })
    }

    init(
        name: String, predict: @escaping @Sendable (SignalModel) throws -> [Double],
        chi2: @escaping @Sendable ([Double], Path) throws -> Double,
        scanChi2: @escaping @Sendable (Path) -> ([Double]) throws -> Double, parts: [LimitAnalysis] = []
    ) {
        self.name = name
        self.predict = predict
        self.chi2 = chi2
        self.scanChi2 = scanChi2
        self.parts = parts
    }

    /// Two data sets fitted together: predictions side by side, χ² summed (independent nuisances).
    public static func combined(_ first: LimitAnalysis, _ second: LimitAnalysis) throws -> LimitAnalysis {
        let split = try first.predict(SignalModel()).count
        return LimitAnalysis(
            name: "\(first.name)+\(second.name)",
            predict: { try first.predict($0) + second.predict($0) },
            chi2: { n, m in
                try first.chi2(Array(n[..<split]), m)
                    + second.chi2(
                        Array(n[split...]),
                        m)
            },
            scanChi2: { m in
                let a = first.scanChi2(m)
                let b = second.scanChi2(m)
                return { n in try a(Array(n[..<split])) + b(Array(n[split...])) }
            }, parts: [first, second])
    }

    /// The SM prediction N(0), made once (every quadratic starts from it).
    func standardModelPrediction() throws -> [Double] {
        lock.lock()
        if let n0 = standardModel {
            lock.unlock()
            return n0
        }
        lock.unlock()
        let n0 = try predict(SignalModel())
        lock.lock()
        standardModel = n0
        lock.unlock()
        return n0
    }

    /// The per-bin quadratic of a mediator at a mass (MeV), made once per data set: from the SM
    /// prediction and two predictions at the mass, or, for a combined analysis, its data sets'
    /// quadratics side by side (the read-off is bin by bin, so the numbers are the same).
    func quadratic(_ mediator: AsymptoticLimit.Mediator, mass: Double) throws -> AsymptoticLimit.Quadratic {
        if !parts.isEmpty {
            let qs = try parts.map { try $0.quadratic(mediator, mass: mass) }
            return AsymptoticLimit.Quadratic(a: qs.flatMap(\.a), b: qs.flatMap(\.b), c: qs.flatMap(\.c), mass: mass)
        }
        let key: QuadraticKey
        switch mediator {
        case .vector(let m): key = QuadraticKey(mediator: m.name, mass: mass.bitPattern)
        case .scalar: key = QuadraticKey(mediator: "scalar", mass: mass.bitPattern)
        }
        lock.lock()
        if let stored = quadratics[key], stored.mediator == mediator {
            lock.unlock()
            return stored.quadratic
        }
        lock.unlock()
        let q = try AsymptoticLimit.quadratic(
            mediator, mass: mass, standardModel: try standardModelPrediction(),
            predict: predict)
        lock.lock()
        if quadratics.count >= Self.quadraticCapacity {
            quadratics = quadratics.filter { $0.value.mediator == mediator }
            if quadratics.count >= Self.quadraticCapacity { quadratics = [:] }
        }
        quadratics[key] = (mediator, q)
        lock.unlock()
        return q
    }

    func quadratic(
        _ mediator: AsymptoticLimit.Mediator,
        _ regime: AsymptoticLimit.Regime
    ) throws -> AsymptoticLimit.Quadratic {
        try quadratic(mediator, mass: regime.mass)
    }

    /// The χ² scan of a 004 Table 2 entry (x = g² at low M, g²/M² at high M).
    public func scan(
        _ mediator: AsymptoticLimit.Mediator, regime: AsymptoticLimit.Regime,
        convention: LimitConvention = .standard,
        minimisation: Path
    ) throws -> AsymptoticLimit.Scan {
        try AsymptoticLimit.scan(
            try quadratic(mediator, regime), convention: convention,
            chi2: scanChi2(minimisation))
    }

    /// A 004 Table 2 entry: g (low M) or g/M in GeV⁻¹ (high M).
    public func bound(
        _ mediator: AsymptoticLimit.Mediator, regime: AsymptoticLimit.Regime,
        convention: LimitConvention = .standard,
        minimisation: Path
    ) throws -> Double {
        AsymptoticLimit.coupling(
            try scan(
                mediator, regime: regime, convention: convention,
                minimisation: minimisation
            ).bound,
            regime: regime, mass: regime.mass)
    }

    /// The boundary g(M) and the allowed intervals on the given masses (MeV), shared among the cores.
    public func curve(
        _ mediator: AsymptoticLimit.Mediator, masses: [Double], convention: LimitConvention = .standard,
        minimisation: Path = .closedForm
    ) throws -> [LimitPoint] {
        try parallelMap(masses.count) { i in
            Result {
                try AsymptoticLimit.point(
                    try self.quadratic(mediator, mass: masses[i]), convention: convention,
                    chi2: self.scanChi2(minimisation))
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

    public init(directory: URL, release: ArgonRelease, inputs: AnalysisInputs) throws {
        let predictor = try ArgonPredictor(release: release, inputs: inputs)
        let chi2 = try ArgonChi2(release: release, directory: directory)
        self.release = release
        self.predictor = predictor
        self.chi2 = chi2
        limits = LimitAnalysis(
            name: "ar", predict: { ArgonChi2.flat(try predictor.cevns($0)) },
            chi2: {
                n,
                m in
                m == .closedForm
                    ? try chi2.minimumAnalytic(cevns: n)
                        .chi2 : try chi2.minimumNumerical(cevns: n).chi2
            })
    }

    public func bound(
        _ mediator: AsymptoticLimit.Mediator, regime: AsymptoticLimit.Regime,
        convention: LimitConvention = .standard,
        minimisation: Path
    ) throws -> Double {
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
        self.predictor = predictor
        self.chi2 = chi2
        self.counts = counts
        let minimum: @Sendable ([Double], Path) throws -> Double = { n, m in
            m == .closedForm ? try chi2.minimumNewton(cevns: n).chi2 : try chi2.minimumNumerical(cevns: n).chi2
        }
        limits = LimitAnalysis(
            name: "csi", predict: { ArgonChi2.flat(try predictor.cevns($0)) }, chi2: minimum,
            scanChi2: { m in
                // Each method from its own previous minimum of the scan (the counts, which stay resolved
                // far out): Newton's from Newton's, BFGS's from BFGS's.
                var last: [Double]? = nil
                return { n in
                    let (value, counts) =
                        m == .closedForm
                        ? try chi2.minimumNewton(cevns: n, start: last)
                        : try chi2.minimumNumerical(cevns: n, start: last)
                    last = counts
                    return value
                }
            })
    }
}

extension CoherentContext {
    public func argonAnalysis(_ set: InputSet = .release) throws -> ArgonAnalysis {
        let dir = try argonDirectory()
        let inputs = try inputs(set)
        let release = try argonRelease()
        return try AnalysisCache.shared.argon("\(dir.path)|\(inputs.cacheKey)") {
            try ArgonAnalysis(
                directory: dir,
                release: release, inputs: inputs)
        }
    }

    /// The BRN and NIN counts the CsI release files give (`CsINeutronCounts.derived`).
    public func csiNeutronCounts() throws -> CsINeutronCounts {
        try CsINeutronCounts.derived(from: try csiRelease())
    }

    /// The CsI analysis of an input set with the given BRN and NIN counts (nil: the release's).
    public func csiAnalysis(_ set: InputSet = .release, counts: CsINeutronCounts? = nil) throws -> CsIAnalysis {
        let dir = try csiDirectory()
        let counts = try counts ?? csiNeutronCounts()
        let release = try csiRelease()
        let predictor = try csiPredictor(set)
        return try AnalysisCache.shared.csi("\(dir.path)|\(predictor.inputs.cacheKey)|\(counts.brn)|\(counts.nin)") {
            try CsIAnalysis(release: release, predictor: predictor, counts: counts)
        }
    }

    /// The limit analysis of a data set: "ar", "csi" or "combined". CsI counts other than the
    /// release's apply to csi and combined only.
    public func limitAnalysis(
        _ dataset: String, inputs set: InputSet = .release,
        csiCounts: CsINeutronCounts? = nil
    ) throws -> LimitAnalysis {
        switch dataset {
        case "ar":
            if csiCounts != nil {
                throw PhysicsError.notApplicable(
                    "BRN and NIN counts apply to csi and combined (the "
                        + "argon release carries its own)")
            }
            return try argonAnalysis(set).limits
        case "csi", "combined":
            let csi = try csiAnalysis(set, counts: csiCounts)
            if dataset == "csi" { return csi.limits }
            let argon = try argonAnalysis(set).limits  // outside the cache's lock, which argonAnalysis() takes too
            let dir = try argonDirectory().path + "+" + csiDirectory().path
            return try AnalysisCache.shared.combined(
                "\(dir)|\(csi.predictor.inputs.cacheKey)|\(csi.counts.brn)|\(csi.counts.nin)"
            ) {
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
        lock.lock()
        defer { lock.unlock() }
        argonByKey = [:]
        csiByKey = [:]
        csiPredictorByKey = [:]
        combinedByKey = [:]
    }

    func argon(_ key: String, _ make: () throws -> ArgonAnalysis) throws -> ArgonAnalysis {
        try cached(
            &argonByKey,
            key, make)
    }

    func csi(_ key: String, _ make: () throws -> CsIAnalysis) throws -> CsIAnalysis { try cached(&csiByKey, key, make) }

    func csiPredictor(
        _ key: String,
        _ make: () throws -> CsIPredictor
    ) throws -> CsIPredictor { try cached(&csiPredictorByKey, key, make) }

    func combined(
        _ key: String,
        _ make: () throws -> LimitAnalysis
    ) throws -> LimitAnalysis { try cached(&combinedByKey, key, make) }

    private func cached<T>(_ store: inout [String: T], _ key: String, _ make: () throws -> T) throws -> T {
        lock.lock()
        defer { lock.unlock() }
        if let a = store[key] { return a }
        let a = try make()
        store[key] = a
        return a
    }
}
