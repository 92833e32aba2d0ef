import Foundation
import GSLKit
import NuPhysics

/// 2σ (95.45% CL, one parameter: Δχ² = 4) upper bounds on a mediator's coupling in the two
/// asymptotic regimes of 004 Table 2, from an independent one-parameter computation: for M ≪ q the
/// propagator is 1/q² and the prediction depends on x = g² only; for M ≫ q it is 1/M² and it depends
/// on x = g²/M² only. In either case every bin's prediction is a quadratic in x (the Z' amplitude is
/// linear in x, the rate quadratic), N(x) = A + Bx + Cx², read off three predictions, and
/// χ²(x) minimised over the nuisances is scanned (0.1 decades, minima refined by golden section,
/// crossings by Brent) for the crossing of χ²_min + 4 above the minimum nearest x = 0.
public enum AsymptoticLimit {
    public enum Regime: String, CaseIterable, Sendable {
        /// M ≪ q: the bound on g (evaluated at M = 0.01 MeV).
        case lowMass
        /// M ≫ q: the bound on g/M in GeV⁻¹ (evaluated at M = 100 GeV).
        case highMass

        var mass: Double { self == .lowMass ? 0.01 : 1e5 }
    }

    /// Which boundary of the allowed region is the bound.
    public enum Edge: String, Sendable {
        /// The first crossing of χ²_min + 4 above the minimum nearest x = 0: the upper edge of the
        /// allowed region that contains the SM.
        case first
        /// The last crossing: the largest x still allowed, across an excluded cancellation sliver
        /// and an allowed strip where the Z' term reverses the weak charge.
        case outer
    }

    public enum Mediator: Sendable {
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

    public static func quadratic(_ mediator: Mediator, regime: Regime, predict: (SignalModel) throws -> [Double]) throws -> Quadratic {
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
    public static func quadratic(_ mediator: Mediator, mass: Double, predict: (SignalModel) throws -> [Double]) throws -> Quadratic {
        let g1 = probeCoupling(mediator, mass: mass)
        func signal(_ g: Double) -> SignalModel {
            switch mediator {
            case .vector(let m): return SignalModel(mediator: .vector(model: m, g: g, mass: mass))
            case .scalar: return SignalModel(mediator: .scalar(g: g, mass: mass, sigmaPiNRatio: 17.3))
            }
        }
        let n0 = try predict(SignalModel())
        let n1 = try predict(signal(g1)), n2 = try predict(signal(g1 * 2.0.squareRoot()))
        let x1 = g1 * g1
        return Quadratic(a: n0, b: n0.indices.map { k in (4 * n1[k] - n2[k] - 3 * n0[k]) / (2 * x1) },
                         c: n0.indices.map { k in (n2[k] - 2 * n1[k] + n0[k]) / (2 * x1 * x1) }, mass: mass)
    }

    /// The bound (g, or g/M in GeV⁻¹ for the high-mass regime) from a quadratic and a χ².
    public static func bound(_ q: Quadratic, regime: Regime, edge: Edge = .first, chi2: @escaping ([Double]) throws -> Double) throws -> Double {
        let f: (Double) throws -> Double = { x in try chi2(q.at(x)) }
        // Scan x on a log grid from far below to far above the sensitivity.
        let xs = [0.0] + stride(from: -16.0, through: 2.0, by: 0.1).map { pow(10, $0) }
        let values = try xs.map(f)
        if let k = values.firstIndex(where: { !$0.isFinite }) {
            throw PhysicsError.notApplicable("χ² is not finite at x = \(xs[k]) in the limit scan")
        }
        // Grid minima refined by golden-section search in ln x between the neighbouring grid points,
        // so that the threshold χ²_min + 4 does not depend on the grid.
        func refined(_ i: Int) throws -> Double {
            guard i > 0, i + 1 < xs.count else { return values[i] }
            var a = log(max(xs[i - 1], 1e-300)), b = log(xs[i + 1])
            let ratio = (5.0.squareRoot() - 1) / 2
            var c = b - ratio * (b - a), d = a + ratio * (b - a)
            var fc = try f(exp(c)), fd = try f(exp(d))
            for _ in 0..<80 {
                if fc < fd { b = d; d = c; fd = fc; c = b - ratio * (b - a); fc = try f(exp(c)) }
                else { a = c; c = d; fc = fd; d = a + ratio * (b - a); fd = try f(exp(d)) }
            }
            return min(values[i], fc, fd)
        }
        // Δχ² is counted from the global minimum, which may lie in a narrow strip far from x = 0:
        // every local minimum of the grid within 4 of the lowest grid value is refined (refining
        // only the lowest grid point can miss a strip whose bottom falls between grid points, and
        // then depends on the grid; the far, saturated end of the scan, ~(1/σ_CEvNS)² ≈ 60 above,
        // is flat to rounding and would offer many spurious minima).
        let lowest = values.min()!
        let localMinima = values.indices.filter { i in
            values[i] < lowest + 4 && (i == 0 || values[i] <= values[i - 1]) && (i + 1 == values.count || values[i] <= values[i + 1])
        }
        let threshold = try localMinima.map(refined).min()! + 4
        // The minimum nearest x = 0: walk up from x = 0 while χ² decreases.
        var k = 0
        while k + 1 < values.count && values[k + 1] <= values[k] { k += 1 }
        let crossings = (k..<(values.count - 1)).filter { values[$0] < threshold && values[$0 + 1] >= threshold }
        guard let cross = edge == .first ? crossings.first : crossings.last else {
            throw PhysicsError.notApplicable("Δχ² never reaches 4 in the scanned range")
        }
        let lo = max(xs[cross], 1e-300), hi = xs[cross + 1]
        let x = try RootFinding.brent({ lx in try f(exp(lx)) - threshold }, lower: log(lo), upper: log(hi), relativeTolerance: 1e-10)
        let g = exp(x).squareRoot()  // x = g² (scalar: x = g̃²)
        return regime == .lowMass ? g : g / (q.mass / 1000)
    }

    public static func bound(_ mediator: Mediator, regime: Regime, edge: Edge = .first, predict: (SignalModel) throws -> [Double],
                             chi2: @escaping ([Double]) throws -> Double) throws -> Double {
        try bound(try quadratic(mediator, regime: regime, predict: predict), regime: regime, edge: edge, chi2: chi2)
    }
}

extension AsymptoticLimit {
    /// The exclusion boundary g(M) on a log grid of masses (MeV): at each fixed M the prediction is
    /// a quadratic in g², so the 2σ bound follows from the same one-parameter scan (first edge).
    public static func curve(_ mediator: Mediator, masses: [Double], predict: (SignalModel) throws -> [Double],
                             chi2: @escaping ([Double]) throws -> Double) throws -> [(mass: Double, g: Double)] {
        try masses.map { m in
            let q = try quadratic(mediator, mass: m, predict: predict)
            // The scan of `bound` covers x = g² up to 1e2; above |q| ~ 30 MeV the bound grows like M,
            // so scan x' = x/s with s = (M/30 MeV)² instead: the same quadratic, rescaled.
            let s = pow(max(1, m / 30), 2)
            let scaled = Quadratic(a: q.a, b: q.b.map { $0 * s }, c: q.c.map { $0 * s * s }, mass: m)
            return (m, try bound(scaled, regime: .lowMass, edge: .first, chi2: chi2) * s.squareRoot())
        }
    }
}
