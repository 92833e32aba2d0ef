import Foundation
import GSLKit
import NuPhysics

/// The CENNS-10 analysis of 004 put together: the released data and response, the SM and model
/// predictions, and the χ² of Eqs. (7)-(9), cached per data directory.
public final class ArgonAnalysis: @unchecked Sendable {
    public let release: ArgonRelease
    public let predictor: ArgonPredictor
    public let chi2: ArgonChi2
    /// Simpson intervals over the recoil range for the limit scans (the total moves by < 1e-6
    /// against 1500 intervals).
    public static let limitSteps = 600

    public init(directory: URL) throws {
        release = try ArgonRelease(directory: directory)
        predictor = try ArgonPredictor(release: release)
        chi2 = try ArgonChi2(release: release, directory: directory)
    }

    public enum Minimisation: Sendable { case analytic, simplex }

    private let lock = NSLock()
    private var quadratics: [String: AsymptoticLimit.Quadratic] = [:]

    /// The predictions' quadratic in x for a mediator and regime, computed once and shared by both
    /// minimisations (which are what the two paths of a Table 2 entry compare).
    func quadratic(_ mediator: AsymptoticLimit.Mediator, _ regime: AsymptoticLimit.Regime) throws -> AsymptoticLimit.Quadratic {
        let key: String
        switch mediator {
        case .vector(let m): key = "\(m.name)|\(regime.rawValue)"
        case .scalar: key = "scalar|\(regime.rawValue)"
        }
        lock.lock()
        if let q = quadratics[key] { lock.unlock(); return q }
        lock.unlock()
        let q = try AsymptoticLimit.quadratic(mediator, regime: regime, predict: { ArgonChi2.flat(try self.predictor.cevns($0, steps: Self.limitSteps)) })
        lock.lock(); quadratics[key] = q; lock.unlock()
        return q
    }

    public func bound(_ mediator: AsymptoticLimit.Mediator, regime: AsymptoticLimit.Regime, edge: AsymptoticLimit.Edge = .first,
                      minimisation: Minimisation) throws -> Double {
        try AsymptoticLimit.bound(try quadratic(mediator, regime), regime: regime, edge: edge,
                                  chi2: { cevns in
                                      minimisation == .analytic ? try self.chi2.minimumAnalytic(cevns: cevns).chi2
                                                                : try self.chi2.minimumNumerical(cevns: cevns).chi2
                                  })
    }
}

extension CoherentContext {
    public func argonAnalysis() throws -> ArgonAnalysis {
        let dir = try requireDirectory()
        return try AnalysisCache.shared.argon(dir)
    }
}

/// One analysis per data directory, built once (loading and preparing the release takes time).
final class AnalysisCache: @unchecked Sendable {
    static let shared = AnalysisCache()
    private let lock = NSLock()
    private var argonByPath: [String: ArgonAnalysis] = [:]

    func argon(_ dir: URL) throws -> ArgonAnalysis {
        lock.lock(); defer { lock.unlock() }
        if let a = argonByPath[dir.path] { return a }
        let a = try ArgonAnalysis(directory: dir)
        argonByPath[dir.path] = a
        return a
    }
}
