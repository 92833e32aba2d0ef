import Foundation
import GSLKit
import NuClosedForm
import NuNumerical
import NuPhysics

/// The reach in g from event polynomials, one per data set: χ² is 000's Eq. (8) of each data set
/// (its own flux pull α of width `normalisation`, 0: statistics only), summed over the data sets.
///
/// A side is the open set of g where every data set is on it: N > N_SM (excess), N < N_SM
/// (deficit), or any g (reach). N − N_SM = g²(a + b g²) changes sign only at g² = −a/b, so a side
/// is one interval (lower, upper), its ends such g or 0, capped at g = 1 (no reach above). The
/// reach on a side is the infimum of {g on the side : χ² ≥ threshold}: the side's lower end when
/// χ² is already above the threshold there, else the first crossing found by a 1/20-decade scan
/// in ln g from it and refined by GSL Brent (ln g to 1e-12). A deficit region is closed in g (at
/// larger g the g⁴ term wins and N returns above N_SM): its upper edge is the supremum of the same
/// set, found the same way from the side's upper end down. No grid point is returned as a bound.
public enum ReachScan {
    /// One mass's reaches in g (nil where there is none below g = 1): on either side, by excess,
    /// by deficit, and the deficit region's upper edge (nil where the region reaches g = 1).
    public struct Reaches: Sendable, Equatable {
        public let reach: Double?, excess: Double?, deficit: Double?, deficitEnd: Double?
    }

    /// The reach on one side, or nil when there is none below g = 1.
    public static func reach(
        polynomials: [EventPolynomial], normalisation: Double, side: DuneSensitivity.Side, dof: Int, path: Path
    ) throws -> Double? {
        let scan = Scan(polynomials, normalisation, dof, path)
        guard let interval = scan.interval(side) else { return nil }
        return try scan.lowerEdge(interval)?.edge
    }

    /// The reaches on every side and the deficit region's upper edge.
    public static func reaches(
        polynomials: [EventPolynomial], normalisation: Double, dof: Int, path: Path
    ) throws -> Reaches {
        let scan = Scan(polynomials, normalisation, dof, path)
        func lower(_ side: DuneSensitivity.Side) throws -> (edge: Double, witness: Double)? {
            guard let interval = scan.interval(side) else { return nil }
            return try scan.lowerEdge(interval)
        }
        let deficit = try lower(.deficit)
        var deficitEnd: Double? = nil
        if let deficit, let interval = scan.interval(.deficit) {
            deficitEnd = try scan.upperEdge(interval, witness: deficit.witness)
        }
        return Reaches(
            reach: try lower(.reach)?.edge, excess: try lower(.excess)?.edge, deficit: deficit?.edge,
            deficitEnd: deficitEnd)
    }

    /// χ² − threshold over g for one set of data sets and one path.
    struct Scan {
        let polynomials: [EventPolynomial], normalisation: Double, threshold: Double, path: Path

        init(_ polynomials: [EventPolynomial], _ normalisation: Double, _ dof: Int, _ path: Path) {
            self.polynomials = polynomials
            self.normalisation = normalisation
            self.threshold = DuneSensitivity.deltaChi2(dof: dof)
            self.path = path
        }

        /// Σ Eq. (8) − threshold at g: ≥ 0 where g is reached.
        func excess(_ g: Double) throws -> Double {
            try polynomials.reduce(-threshold) { sum, p in
                let n = p.events(g)
                let chi2 =
                    path == .closedForm
                    ? try Chi2.devMinimum(expected: n, standardModel: p.standardModel, sigma: normalisation).chi2
                    : try Chi2Minimization.devMinimum(
                        expected: n, standardModel: p.standardModel, sigma: normalisation
                    ).chi2
                return sum + chi2
            }
        }

        /// The side as an open interval of g where every data set is on it, capped at g = 1
        /// (`capped`: the side goes on above 1); nil when empty.
        func interval(_ side: DuneSensitivity.Side) -> (lower: Double, upper: Double, capped: Bool)? {
            var lower = 0.0
            var upper = Double.infinity
            if side != .reach {
                for p in polynomials {
                    guard let x = p.interval(sign: side == .excess ? 1 : -1) else { return nil }
                    lower = max(lower, x.lower)
                    upper = min(upper, x.upper)
                }
            }
            let gLower = lower.squareRoot()
            let gUpper = min(upper.squareRoot(), 1)
            guard gLower < gUpper else { return nil }
            return (gLower, gUpper, upper.squareRoot() > 1)
        }

        /// The infimum of {g in the interval : χ² ≥ threshold}, with a point of the interval's
        /// closure where χ² ≥ threshold (`witness`), or nil when χ² stays below it.
        func lowerEdge(
            _ side: (lower: Double, upper: Double, capped: Bool)
        ) throws -> (edge: Double, witness: Double)? {
            if side.lower > 0 {
                // χ² is continuous: above the threshold where the side begins, the side's start is the reach.
                if try excess(side.lower) >= 0 { return (side.lower, side.lower) }
                return try crossing(from: side.lower, to: side.upper)
            }
            // From g = 0, where χ² = 0: start at 1e-8 (below every reach of the beams), lower while
            // χ² is above the threshold there.
            var start = min(1e-8, side.upper / 10)
            while try excess(start) >= 0 {
                start /= 10
                guard start > 1e-100 else {
                    throw PhysicsError.notConverged("χ² stays above the threshold down to g = \(start)")
                }
            }
            return try crossing(from: start, to: side.upper)
        }

        /// The supremum of {g in the interval : χ² ≥ threshold}, scanning down from its upper end to
        /// `witness` (a point where χ² ≥ threshold); nil when the interval is capped at g = 1 and
        /// χ² is still above the threshold there.
        func upperEdge(_ side: (lower: Double, upper: Double, capped: Bool), witness: Double) throws -> Double? {
            if try excess(side.upper) >= 0 { return side.capped ? nil : side.upper }
            guard let found = try crossing(from: side.upper, to: witness) else {
                throw PhysicsError.notConverged(
                    "χ² at g = \(witness) is above the threshold, but no crossing was found down to it from "
                        + "g = \(side.upper)")
            }
            return found.edge
        }

        /// From `start` (χ² below the threshold) toward `end` in 1/20-decade steps of ln g (the last
        /// step ends at `end`): the first crossing, refined by Brent, and the scan point above it.
        func crossing(from start: Double, to end: Double) throws -> (edge: Double, witness: Double)? {
            let span = log(end) - log(start)
            let step = log(10.0) / 20
            let steps = max(1, Int((abs(span) / step).rounded(.up)))
            var previous = start
            for k in 1...steps {
                let g = k == steps ? end : start * exp(Double(k) * step * (span < 0 ? -1 : 1))
                if try excess(g) >= 0 {
                    let root = try RootFinding.brent(
                        { lg in try excess(exp(lg)) }, lower: log(min(previous, g)), upper: log(max(previous, g)),
                        absoluteTolerance: 1e-14, relativeTolerance: 1e-12)
                    return (exp(root), g)
                }
                previous = g
            }
            return nil
        }
    }
}
