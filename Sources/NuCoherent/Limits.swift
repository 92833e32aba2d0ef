import Foundation
import GSLKit
import NuPhysics

/// The choices a bound depends on beyond the data and the model, made explicit.
///
/// 004 quotes "2σ (95.45% C.L.)" limits without saying for how many parameters: one (Δχ² = 4,
/// the profile in g at fixed M, as a Table 2 entry is) or the two of the (M, g) plane its figures
/// show (Δχ² = 6.18). Δχ² can be counted from the global minimum of χ² or from the SM point
/// g = 0, and an allowed region with a strip has two upper edges (`Edge`).
public struct LimitConvention: Sendable, Equatable, CustomStringConvertible {
    public enum Reference: String, Sendable, CaseIterable {
        /// Δχ² from the smallest χ² over the coupling (every local minimum refined).
        case minimum
        /// Δχ² from χ² at g = 0 (the SM).
        case standardModel
    }

    /// 2σ as a probability: erf(2/√2) = 0.954500.
    public static let confidenceLevel = erf(2 / 2.0.squareRoot())

    public let dof: Int
    public let reference: Reference
    public let edge: AsymptoticLimit.Edge

    public init(dof: Int = 1, reference: Reference = .minimum, edge: AsymptoticLimit.Edge = .first) throws {
        guard dof == 1 || dof == 2 else { throw PhysicsError.unknown("dof \(dof) (expected 1 or 2)") }
        self.dof = dof
        self.reference = reference
        self.edge = edge
    }

    /// 004's convention as the 66 entries of Table 2 reveal it (README, "Table 2"): two parameters
    /// (Δχ² = 6.18) counted from the χ² minimum, the first edge.
    public static let standard = try! LimitConvention(dof: 2)

    /// The χ² quantile of the 2σ probability for `dof` parameters: 4 for one (2²), and
    /// −2 ln(1 − CL) = −2 ln erfc(√2) = 6.1801 for two (the χ²₂ CDF is 1 − e^(−x/2)).
    public var deltaChi2: Double { dof == 1 ? 4 : -2 * log(erfc(2.0.squareRoot())) }

    public func with(edge: AsymptoticLimit.Edge) -> LimitConvention {
        try! LimitConvention(dof: dof, reference: reference, edge: edge)  // dof already checked
    }

    public var description: String {
        String(
            format: "95.45%% CL (2σ), %d dof: Δχ² = %.4g from the %@, %@ edge", dof, deltaChi2,
            reference == .minimum ? "χ² minimum" : "SM point", edge.rawValue)
    }
}

/// Upper bounds on a mediator's coupling from a one-parameter χ² scan. In the two asymptotic
/// regimes of 004 Table 2 the prediction depends on one combination: for M ≪ q the propagator is
/// 1/q² and it depends on x = g² only; for M ≫ q it is 1/M² and it depends on x = g²/M² only. At
/// any fixed mass every bin is a quadratic in x (the Z' amplitude is linear in x, the rate
/// quadratic), N(x) = A + Bx + Cx², read off three predictions, and χ²(x) minimised over the
/// nuisances is scanned (0.1 decades, minima refined and crossings found by Brent) for
/// the crossings of the threshold the `LimitConvention` sets.
public enum AsymptoticLimit {
    public enum Regime: String, CaseIterable, Sendable {
        /// M ≪ q: the bound on g (evaluated at M = 0.01 MeV).
        case lowMass
        /// M ≫ q: the bound on g/M in GeV⁻¹ (evaluated at M = 100 GeV).
        case highMass

        public var mass: Double { self == .lowMass ? 0.01 : 1e5 }
    }

    /// Which boundary of the allowed region is the bound.
    public enum Edge: String, Sendable, CaseIterable {
        /// The first crossing of the threshold above the minimum nearest x = 0: the upper edge of the
        /// allowed region that contains the SM.
        case first
        /// The last crossing: the largest x still allowed, across an excluded cancellation sliver
        /// and an allowed strip where the Z' term reverses the weak charge.
        case outer
    }

    public enum Mediator: Sendable, Equatable {
        case vector(VectorModel)
        case scalar
    }

    /// The per-bin quadratic N(x) = A + Bx + Cx² of a mediator in a regime, read off three
    /// predictions (exact for a quadratic), with the regime's mass.
    public struct Quadratic: Sendable {
        public let a: [Double], b: [Double], c: [Double]
        public let mass: Double
        public func at(_ x: Double) -> [Double] { a.indices.map { k in a[k] + b[k] * x + c[k] * x * x } }
    }

    public static func quadratic(
        _ mediator: Mediator, regime: Regime,
        predict: (SignalModel) throws -> [Double]
    ) throws -> Quadratic {
        try quadratic(mediator, mass: regime.mass, predict: predict)
    }

    /// A coupling near the expected bound at mass M (MeV), so that the Z' part of each bin is resolved
    /// in double precision (the quadratic read-off is exact for any x₁, but N(x₁) − N(0) must not
    /// cancel): the low-mass scale, growing like M above the typical |q| ≈ 30 MeV.
    static func probeCoupling(_ mediator: Mediator, mass: Double) -> Double {
        let growth = max(1, mass / 30)
        switch mediator {
        case .vector(let m): return (m.isLeptonic ? 1e-3 : 3e-5) * growth
        case .scalar: return 2e-5 * growth
        }
    }

    /// The quadratic in x = g² at a fixed mass M (MeV); for the asymptotic regimes x is then
    /// reinterpreted (g² at M ≪ q, g²/M² at M ≫ q).
    public static func quadratic(
        _ mediator: Mediator, mass: Double,
        predict: (SignalModel) throws -> [Double]
    ) throws -> Quadratic {
        try quadratic(mediator, mass: mass, standardModel: try predict(SignalModel()), predict: predict)
    }

    /// The same with the SM prediction N(0) = A given (it is the same at every mass).
    static func quadratic(
        _ mediator: Mediator, mass: Double, standardModel n0: [Double],
        predict: (SignalModel) throws -> [Double]
    ) throws -> Quadratic {
        let g1 = probeCoupling(mediator, mass: mass)
        func signal(_ g: Double) -> SignalModel {
            switch mediator {
            case .vector(let m): return SignalModel(mediator: .vector(model: m, g: g, mass: mass))
            case .scalar: return SignalModel(mediator: .scalar(g: g, mass: mass, sigmaPiNRatio: 17.3))
            }
        }
        let n1 = try predict(signal(g1))
        let n2 = try predict(signal(g1 * 2.0.squareRoot()))
        let x1 = g1 * g1
        return Quadratic(
            a: n0, b: n0.indices.map { k in (4 * n1[k] - n2[k] - 3 * n0[k]) / (2 * x1) },
            c: n0.indices.map { k in (n2[k] - 2 * n1[k] + n0[k]) / (2 * x1 * x1) }, mass: mass)
    }

    /// An allowed interval of x (g² or g²/M² in the quadratic's units); `upper` nil: still allowed
    /// at the end of the scan (x = 1e2).
    public struct Interval: Sendable, Equatable {
        public let lower: Double
        public let upper: Double?
    }

    /// χ²(x) scanned for a convention: the grid, the χ² Δχ² is counted from, the allowed
    /// intervals, the bound (x at the chosen edge) and any ridge, a local maximum of χ² within 1.5
    /// of the threshold within a decade of x of the bound, which makes the bound ill-conditioned (a small change of
    /// the data or the analysis moves the crossing across a strip).
    public struct Scan: Sendable {
        public let xs: [Double], chi2: [Double]
        public let reference: Double, threshold: Double
        public let intervals: [Interval]
        public let bound: Double
        public let ridges: [(x: Double, deltaChi2: Double)]
        public var isIllConditioned: Bool { !ridges.isEmpty }
    }

    /// The x grid of a scan: 0, then 10^−16 to 10^2 by `step` decades.
    static func grid(step: Double) -> [Double] {
        [0.0]
            + stride(
                from: -16.0, through: 2.0 + 1e-9,
                by: step
            ).map { pow(10, $0) }
    }
    static let standardGrid = grid(step: 0.1)

    /// `decadeStep`: the grid spacing in decades of x (0.1; the benchmark times a finer one).
    public static func scan(
        _ q: Quadratic, convention: LimitConvention = .standard,
        chi2: @escaping ([Double]) throws -> Double,
        decadeStep: Double = 0.1
    ) throws -> Scan {
        let f: (Double) throws -> Double = { x in try chi2(q.at(x)) }
        let xs = decadeStep == 0.1 ? standardGrid : grid(step: decadeStep)
        let values = try xs.map(f)
        if let k = values.firstIndex(where: { !$0.isFinite }) {
            throw PhysicsError.notApplicable("χ² is not finite at x = \(xs[k]) in the limit scan")
        }
        // Grid minima refined by Brent's minimisation in ln x between the neighbouring grid points,
        // so that the threshold does not depend on the grid.
        func refined(_ i: Int) throws -> Double {
            guard i > 0, i + 1 < xs.count else { return values[i] }
            // Down to a bracket of ~2e-9 in ln x (as 40 golden-section steps shrink the 0.46 between
            // grid points): χ², flat at its minimum, is then within ~1e-16 relative of it.
            return min(
                values[i],
                try minimum(
                    { try f(exp($0)) }, lower: log(max(xs[i - 1], 1e-300)),
                    upper: log(xs[i + 1]), start: log(xs[i]), value: values[i], tolerance: 5e-10))
        }
        let delta = convention.deltaChi2
        let reference: Double
        switch convention.reference {
        case .standardModel:
            reference = values[0]
        case .minimum:
            // The global minimum may lie in a narrow strip far from x = 0: every local minimum of the
            // grid within Δχ² of the lowest grid value is refined (refining only the lowest grid point
            // can miss a strip whose bottom falls between grid points; the far, saturated end of the
            // scan, ~(1/σ_CEvNS)² ≈ 60 above, is flat to rounding and would offer many spurious minima).
            guard let lowest = values.min() else { throw PhysicsError.notApplicable("empty limit scan") }
            let localMinima = values.indices.filter { i in
                values[i] < lowest + delta && (i == 0 || values[i] <= values[i - 1])
                    && (i + 1 == values.count
                        || values[i] <= values[i + 1])
            }
            // Grid minima joined by grid values that all lie within 1e-11 (relative) of one another are
            // a plateau, not separate basins: χ² is flat there to the minimisers' own precision (Newton
            // stops within ~1e-12 χ², BFGS ~1e-14), and its many points no higher than their neighbours
            // (~60 for a scalar at high mass, where N − A ∝ x² is below 1e-13 of N up to x ~ 1e-9) are
            // that noise. Only the lowest minimum of such a run is refined: the threshold moves by less
            // than 1e-11 χ² for it, the bound by less than its root tolerance.
            var runs: [Int] = []
            var low = 0.0
            var high = 0.0
            for i in localMinima {
                if let kept = runs.last {
                    let stretch = values[kept...i]
                    let lo = min(low, stretch.min()!)
                    let hi = max(high, stretch.max()!)
                    if hi - lo <= 1e-11 * abs(lo) {
                        (low, high) = (lo, hi)
                        if values[i] < values[kept] { runs[runs.count - 1] = i }
                        continue
                    }
                }
                runs.append(i)
                (low, high) = (values[i], values[i])
            }
            guard let best = try runs.map(refined).min() else {
                throw PhysicsError.notApplicable(
                    "no minimum of χ² within Δχ² of the lowest scanned value (χ² + Δχ² "
                        + "below one ulp?)")
            }
            reference = best
        }
        let threshold = reference + delta
        func crossing(_ i: Int) throws -> Double {
            let lo = max(xs[i], 1e-300)
            let hi = xs[i + 1]
            return exp(
                try RootFinding.brent(
                    { lx in try f(exp(lx)) - threshold }, lower: log(lo), upper: log(hi),
                    relativeTolerance: 1e-10))
        }
        // Allowed intervals: every change of side of the threshold between grid points, refined.
        var intervals: [Interval] = []
        var open: Double? = values[0] < threshold ? 0 : nil
        for i in 0..<(values.count - 1) {
            let inside = values[i] < threshold
            let next = values[i + 1] < threshold
            if inside == next { continue }
            let x = try crossing(i)
            if next {
                open = x
            } else if let lower = open {
                intervals.append(
                    Interval(
                        lower: lower,
                        upper: x))
                open = nil
            }
        }
        if let lower = open { intervals.append(Interval(lower: lower, upper: nil)) }
        // The minimum nearest x = 0: walk up from x = 0 while χ² decreases.
        var k = 0
        while k + 1 < values.count && values[k + 1] <= values[k] { k += 1 }
        let crossings = (k..<(values.count - 1)).filter { values[$0] < threshold && values[$0 + 1] >= threshold }
        guard let cross = convention.edge == .first ? crossings.first : crossings.last else {
            throw PhysicsError.notApplicable("Δχ² never reaches \(String(format: "%.4g", delta)) in the scanned range")
        }
        let bound = try crossing(cross)
        func isRidge(_ i: Int) -> Bool {
            let peak = values[i] >= values[i - 1] && values[i] >= values[i + 1]
            return peak && xs[i] > bound / 10 && xs[i] < bound * 10 && abs(values[i] - threshold) < 1.5
        }
        let ridges: [(x: Double, deltaChi2: Double)] = (1..<(values.count - 1)).filter(isRidge).map {
            (
                xs[$0],
                values[$0] - reference
            )
        }
        return Scan(
            xs: xs, chi2: values, reference: reference, threshold: threshold, intervals: intervals,
            bound: bound, ridges: ridges)
    }

    /// The smallest value of f on [lower, upper] by Brent's method (parabolic steps through the
    /// three best points, a golden-section step where a parabola is not trusted), from an interior
    /// `start` with f(start) = `value` no larger than f at the ends; stops when the best point lies
    /// within 2 `tolerance` (absolute) of the middle of a bracket about 4 `tolerance` wide. An
    /// exhausted iteration budget is an error.
    static func minimum(
        _ f: (Double) throws -> Double, lower: Double, upper: Double, start: Double, value: Double,
        tolerance: Double, maxIterations: Int = 200
    ) throws -> Double {
        let golden = (3 - 5.0.squareRoot()) / 2
        var a = lower
        var b = upper
        var x = start
        var w = start
        var v = start
        var fx = value
        var fw = value
        var fv = value
        var d = 0.0
        var e = 0.0
        for _ in 0..<maxIterations {
            let middle = (a + b) / 2
            let tol1 = tolerance
            let tol2 = 2 * tol1
            if abs(x - middle) <= tol2 - (b - a) / 2 { return fx }
            var parabolic = false
            if abs(e) > tol1 {
                // The parabola through (v, fv), (w, fw), (x, fx): its vertex is x + p/q.
                let r = (x - w) * (fx - fv)
                var q = (x - v) * (fx - fw)
                var p = (x - v) * q - (x - w) * r
                q = 2 * (q - r)
                if q > 0 { p = -p }
                q = abs(q)
                let previous = e
                e = d
                // Accepted when inside the bracket and less than half the step before last.
                if abs(p) < abs(q * previous / 2), p > q * (a - x), p < q * (b - x) {
                    d = p / q
                    parabolic = true
                    if x + d - a < tol2 || b - (x + d) < tol2 { d = middle >= x ? tol1 : -tol1 }
                }
            }
            if !parabolic {
                e = x >= middle ? a - x : b - x
                d = golden * e
            }
            let u = abs(d) >= tol1 ? x + d : x + (d >= 0 ? tol1 : -tol1)
            let fu = try f(u)
            if fu <= fx {
                if u >= x { a = x } else { b = x }
                (v, fv) = (w, fw)
                (w, fw) = (x, fx)
                (x, fx) = (u, fu)
            } else {
                if u < x { a = u } else { b = u }
                if fu <= fw || w == x {
                    (v, fv) = (w, fw)
                    (w, fw) = (u, fu)
                } else if fu <= fv || v == x || v == w {
                    (v, fv) = (u, fu)
                }
            }
        }
        throw PhysicsError.notConverged(
            "limit scan: the minimum of χ² in [\(lower), \(upper)] (ln x) did not "
                + "converge in \(maxIterations) steps")
    }

    /// x (g² or g²/M²) turned into the quoted coupling: g at low mass, g/M in GeV⁻¹ at high mass.
    public static func coupling(_ x: Double, regime: Regime, mass: Double) -> Double {
        regime == .lowMass ? x.squareRoot() : x.squareRoot() / (mass / 1000)
    }

    /// The bound (g, or g/M in GeV⁻¹ for the high-mass regime) from a quadratic and a χ².
    public static func bound(
        _ q: Quadratic, regime: Regime, convention: LimitConvention = .standard,
        chi2: @escaping ([Double]) throws -> Double
    ) throws -> Double {
        coupling(try scan(q, convention: convention, chi2: chi2).bound, regime: regime, mass: q.mass)
    }

    public static func bound(
        _ mediator: Mediator, regime: Regime, convention: LimitConvention = .standard,
        predict: (SignalModel) throws -> [Double], chi2: @escaping ([Double]) throws -> Double
    ) throws -> Double {
        try bound(
            try quadratic(mediator, regime: regime, predict: predict), regime: regime, convention: convention,
            chi2: chi2)
    }
}

/// One mass of an exclusion curve: the bound at the convention's edge and every allowed interval
/// of g (upper nil: allowed up to the end of the scan).
public struct LimitPoint: Sendable {
    public let mass: Double
    public let g: Double
    public let allowed: [(lower: Double, upper: Double?)]
    public let illConditioned: Bool

    public init(mass: Double, g: Double, allowed: [(lower: Double, upper: Double?)], illConditioned: Bool) {
        self.mass = mass
        self.g = g
        self.allowed = allowed
        self.illConditioned = illConditioned
    }
}

extension AsymptoticLimit {
    /// The exclusion boundary g(M) on masses (MeV): at each fixed M the prediction is a quadratic in
    /// g², so the bound follows from the same one-parameter scan.
    public static func curve(
        _ mediator: Mediator, masses: [Double], convention: LimitConvention = .standard,
        predict: (SignalModel) throws -> [Double], chi2: @escaping ([Double]) throws -> Double
    ) throws -> [LimitPoint] {
        try masses.map { m in
            try point(
                try quadratic(mediator, mass: m, predict: predict), convention: convention,
                chi2: chi2)
        }
    }

    /// One point of a curve from the quadratic at its mass.
    public static func point(
        _ q: Quadratic, convention: LimitConvention,
        chi2: @escaping ([Double]) throws -> Double
    ) throws -> LimitPoint {
        // The scan covers x = g² up to 1e2; above |q| ~ 30 MeV the bound grows like M, so scan
        // x' = x/s with s = (M/30 MeV)² instead: the same quadratic, rescaled.
        let m = q.mass
        let s = pow(max(1, m / 30), 2)
        let scaled = Quadratic(a: q.a, b: q.b.map { $0 * s }, c: q.c.map { $0 * s * s }, mass: m)
        let scan = try scan(scaled, convention: convention, chi2: chi2)
        let g = { (x: Double) in (x * s).squareRoot() }
        return LimitPoint(
            mass: m, g: g(scan.bound), allowed: scan.intervals.map { (g($0.lower), $0.upper.map(g)) },
            illConditioned: scan.isIllConditioned)
    }
}
