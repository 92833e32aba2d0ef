import Foundation
import GSLKit
import NuClosedForm
import NuCoherent
import NuData
import NuNumerical
import NuPhysics

/// 002 Sec. V's projections on either path: Asimov data, 002 Eq. (14) with σ_β from
/// `002_abdullah_et_al.json#eq14.sigma_beta`, and the bound on a vector model's coupling at a mass.
///
/// Data: the Asimov count of a bin is N_SM + N_bg; with the flat background known and subtracted,
/// the datum is N_exp = N_SM and its variance the total N_SM + N_bg, Eq. (14)'s denominator. The
/// prediction N_pred(g) = N_SM + a g² + b g⁴ (per bin, `ProjectionRates` / `ProjectionRatesQuadrature`);
/// the detectors' bins enter one sum with one β. χ²(g) is minimised over β: closed path by Eq. (15)
/// (`Chi2.abdullahMinimum`), numerical by GSL's simplex (`Chi2Minimization.abdullahMinimum`).
/// χ²(0) = 0, so the bound is where χ²(g) first reaches the 2σ threshold, Δχ² = 4 for the one
/// coupling at fixed M (`dof` 2: 6.18, the (M, g) plane), found by a 1/20-decade scan in ln g and
/// refined (closed: bisection, numerical: GSL Brent) to 1e-12 in ln g: the upper edge of the
/// allowed region holding the SM (a strip above it, where Q_SM+Z' ≈ −Q_SM, is not reported). The
/// bound is on g for U(1)' models, on ε for the dark bosons (`DrawnCoupling`).
public enum Projection {
    /// The names of the experiments (`Reference/projections.json`).
    public static var experimentNames: [String] { ProjectionSetup.experimentNames }

    /// Every experiment, built with `options`.
    public static func experiments(
        context: CoherentContext = .shared, options: ProjectionSetup.Options = .init()
    ) throws -> [ProjectionExperiment] {
        try ProjectionSetup.experiments(context, options: options)
    }

    /// σ_β of 002 Eq. (14), from Reference/002_abdullah_et_al.json.
    public static func sigmaBeta(_ context: CoherentContext = .shared) throws -> Double {
        try context.referenceLibrary().positiveValue(
            "002_abdullah_et_al.json", "eq14.sigma_beta", citedFrom: "Projection")
    }

    /// Each detector's bins as N_SM + a g² + b g⁴ at mass M (MeV; ignored without a model).
    public static func events(
        _ experiment: ProjectionExperiment, model: VectorModel?, mass: Double, path: Path
    ) throws -> [[EventPolynomial]] {
        try experiment.detectors.map { d in
            let rows =
                path == .closedForm
                ? try ProjectionRates.binCoefficients(d, model: model, mass: mass)
                : try ProjectionRatesQuadrature.binCoefficients(d, model: model, mass: mass)
            return rows.map { EventPolynomial(standardModel: $0.standardModel, a: $0.a, b: $0.b) }
        }
    }

    /// The bound on the model's coupling (g, or ε for a dark boson) at mass M (MeV), or nil when
    /// χ² stays below the threshold up to a coupling of 1.
    public static func bound(
        model: VectorModel, experiment: ProjectionExperiment, mass: Double, path: Path, dof: Int = 1,
        context: CoherentContext = .shared
    ) throws -> Double? {
        let scan = try Scan(
            polynomials: try events(experiment, model: model, mass: mass, path: path), experiment: experiment,
            sigma: try sigmaBeta(context), dof: dof, path: path)
        let perMixing = try DrawnCoupling.gaugePerMixing(model, sin2ThetaW: Constants.defaultSin2ThetaW) ?? 1
        return try scan.bound(cap: perMixing).map { $0 / perMixing }
    }

    /// χ² of 002 Eq. (14) minimised over β against the Asimov data, and its first crossing of the threshold.
    public struct Scan: Sendable {
        public let polynomials: [EventPolynomial]
        public let background: [Double]
        public let sigma: Double
        public let threshold: Double
        public let path: Path

        public init(
            polynomials: [[EventPolynomial]], experiment: ProjectionExperiment, sigma: Double, dof: Int, path: Path
        ) throws {
            self.polynomials = polynomials.flatMap { $0 }
            background = experiment.detectors.flatMap(\.backgroundCounts)
            guard self.polynomials.count == background.count else {
                throw PhysicsError.unphysical(
                    "\(self.polynomials.count) predicted bins for \(background.count) backgrounds")
            }
            self.sigma = sigma
            threshold = try LimitConvention(dof: dof).deltaChi2
            self.path = path
        }

        /// min over β of Eq. (14) at coupling g (the Asimov χ² is 0 at g = 0). N(g) is a square
        /// integrated (∫K(Q_SM + g²X)²), ≥ 0: a rounding below zero is set to 0.
        public func chi2(_ g: Double) throws -> Double {
            let observed = polynomials.map(\.standardModel)
            let predicted = polynomials.map { max(0, $0.events(g)) }
            return path == .closedForm
                ? try Chi2.abdullahMinimum(
                    observed: observed, predicted: predicted, background: background, sigma: sigma
                ).chi2
                : try Chi2Minimization.abdullahMinimum(
                    observed: observed, predicted: predicted, background: background, sigma: sigma
                ).chi2
        }

        /// The first g (from 1e-9 up, below `cap`) where χ² reaches the threshold, refined in ln g;
        /// nil when there is none below `cap`.
        public func bound(cap: Double) throws -> Double? {
            var start = min(1e-9, cap / 10)
            while try chi2(start) >= threshold {
                start /= 10
                guard start > 1e-100 else { throw PhysicsError.notConverged("χ² ≥ threshold down to g = \(start)") }
            }
            let step = log(10.0) / 20
            let steps = max(1, Int(((log(cap) - log(start)) / step).rounded(.up)))
            var previous = start
            for k in 1...steps {
                let g = k == steps ? cap : start * exp(Double(k) * step)
                if try chi2(g) >= threshold { return try refine(log(previous), log(g)) }
                previous = g
            }
            return nil
        }

        /// The crossing in [ln g₁, ln g₂] to 1e-12 in ln g: bisection (closed), GSL Brent (numerical).
        func refine(_ lower: Double, _ upper: Double) throws -> Double {
            let f = { (lg: Double) throws -> Double in try chi2(exp(lg)) - threshold }
            let root =
                path == .closedForm
                ? try BracketingRoot.bisect(
                    f, lower: lower, upper: upper, absoluteTolerance: 1e-12, relativeTolerance: 0)
                : try RootFinding.brent(
                    f, lower: lower, upper: upper, absoluteTolerance: 1e-12, relativeTolerance: 0)
            return exp(root)
        }
    }
}
