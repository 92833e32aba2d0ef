import Foundation

/// 004's exclusion figures from the allowed intervals of the coupling at each mass
/// (`LimitPoint.allowed`): what is excluded is the complement of what is allowed, so an allowed
/// strip above the bound (the universal model's near 178 MeV, L_μ − L_τ's above 100 MeV) stays
/// open. Between two neighbouring masses each edge of the allowed intervals is joined to its
/// counterpart (in order, nearest in ln g); a pair of edges with none (a strip that appears, an
/// excluded sliver that opens inside an allowed interval) narrows to a point at the other mass.
/// The region is interpolated linearly in the plot's coordinates (log-log here) and its lines
/// are exactly its edges.
public enum ExclusionShading {
    public typealias Interval = (lower: Double, upper: Double?)
    /// One mass (MeV) and its allowed intervals of the coupling.
    public typealias Column = (mass: Double, allowed: [Interval])

    /// The excluded intervals of g ≥ 0 at one mass: the complement of the allowed ones, i.e.
    /// below the first if it starts above 0, between consecutive ones, and above the last bounded
    /// one (upper nil: to the end of the scan). Nothing allowed: all of g ≥ 0 is excluded.
    public static func excluded(_ allowed: [Interval]) -> [Interval] {
        let e = transitions(allowed)
        return stride(from: 0, to: e.count, by: 2).compactMap { k -> Interval? in
            let upper: Double? = k + 1 < e.count ? e[k + 1] : nil
            guard e[k].isFinite, upper.map({ $0 > e[k] }) ?? true else { return nil }
            return (e[k], upper)
        }
    }

    /// The edges of one column where the coupling passes from allowed to excluded or back, in
    /// ascending g, always starting with an allowed → excluded edge (at 0 when g → 0 is excluded)
    /// and ending with one (at +∞ when the last interval is open at the top): excluded are
    /// [e₀, e₁), [e₂, e₃), …, [e_last, ∞).
    static func transitions(_ allowed: [Interval]) -> [Double] {
        let sorted = allowed.sorted { $0.lower < $1.lower }
        var e: [Double] = sorted.first?.lower == 0 ? [] : [0]
        for i in sorted {
            if i.lower > 0 { e.append(i.lower) }
            e.append(i.upper ?? .infinity)
        }
        return e
    }

    /// The cost of joining edge a at one mass to edge b at the next: |Δlog₁₀ g|; an edge at 0 or
    /// +∞ joins another kind only when nothing else can (a line from the plot's edge).
    static func joinCost(_ a: Double, _ b: Double) -> Double {
        if a == b { return 0 }
        guard a > 0, b > 0, a.isFinite, b.isFinite else { return 1000 }
        return abs(log10(a / b))
    }

    /// An unmatched pair costs five decades: columns with as many edges are joined in order even
    /// when the edges move a decade or more between them (every edge ∝ M), and where the counts
    /// differ the pair left out is the one whose omission leaves the nearest joins.
    static let pairCost = 5.0

    /// One step of an alignment: an edge joined to an edge, or a pair of neighbouring edges (a
    /// strip or an excluded sliver) present on one side only.
    enum Step { case join, leftPair, rightPair }

    /// The order-preserving alignment of two columns' edges with the least cost: `joinCost` per
    /// join, `pairCost` per unmatched pair.
    static func align(_ l: [Double], _ r: [Double]) -> [Step] {
        var cost = Array(repeating: Array(repeating: Double.infinity, count: r.count + 1), count: l.count + 1)
        cost[0][0] = 0
        for i in 0...l.count {
            for j in 0...r.count where (i + j) % 2 == 0 {
                if i > 0, j > 0 { cost[i][j] = min(cost[i][j], cost[i - 1][j - 1] + joinCost(l[i - 1], r[j - 1])) }
                if i > 1 { cost[i][j] = min(cost[i][j], cost[i - 2][j] + pairCost) }
                if j > 1 { cost[i][j] = min(cost[i][j], cost[i][j - 2] + pairCost) }
            }
        }
        var steps: [Step] = []
        var (i, j) = (l.count, r.count)
        while i > 0 || j > 0 {
            if i > 0, j > 0, cost[i][j] == cost[i - 1][j - 1] + joinCost(l[i - 1], r[j - 1]) {
                steps.append(.join)
                (i, j) = (i - 1, j - 1)
            } else if i > 1, cost[i][j] == cost[i - 2][j] + pairCost {
                steps.append(.leftPair)
                i -= 2
            } else {
                precondition(j > 1, "an alignment of two odd-length edge lists always exists")
                steps.append(.rightPair)
                j -= 2
            }
        }
        return steps.reversed()
    }

    /// Two columns' edges aligned to the same length: a pair present on one side only faces a
    /// point on the other (0 or +∞ when the pair reaches there), at the pair's centre scaled as
    /// the joined edge below it, kept between its neighbours.
    static func paired(_ l: [Double], _ r: [Double]) -> ([Double], [Double]) {
        var (a, b) = ([Double](), [Double]())
        var (i, j) = (0, 0)
        func point(_ low: Double, _ high: Double, mine: Double?, other: Double?, next: Double) -> Double {
            if low == 0 { return 0 }
            if !high.isFinite { return .infinity }
            var p = (low * high).squareRoot()
            if let mine, let other, mine > 0, other > 0, mine.isFinite, other.isFinite { p *= other / mine }
            let floor = other ?? 0
            guard p < floor || p > next else { return p }
            return next.isFinite ? (floor > 0 ? (floor * next).squareRoot() : next / 2) : 2 * floor
        }
        for step in align(l, r) {
            switch step {
            case .join:
                a.append(l[i])
                b.append(r[j])
                (i, j) = (i + 1, j + 1)
            case .leftPair:
                let p = point(l[i], l[i + 1], mine: a.last, other: b.last, next: j < r.count ? r[j] : .infinity)
                a += [l[i], l[i + 1]]
                b += [p, p]
                i += 2
            case .rightPair:
                let p = point(r[j], r[j + 1], mine: b.last, other: a.last, next: i < l.count ? l[i] : .infinity)
                a += [p, p]
                b += [r[j], r[j + 1]]
                j += 2
            }
        }
        return (a, b)
    }

    /// Neighbouring columns, mass ascending, with their edges aligned.
    static func pieces(_ columns: [Column]) -> [(Double, Double, [Double], [Double])] {
        let sorted = columns.sorted { $0.mass < $1.mass }
        return zip(sorted, sorted.dropFirst()).map { x, y in
            let (l, r) = paired(transitions(x.allowed), transitions(y.allowed))
            return (x.mass, y.mass, l, r)
        }
    }

    /// The excluded region as polygons in (mass, g): for each pair of neighbouring masses, one
    /// quadrilateral per excluded gap (lower-left, lower-right, upper-right, upper-left); g = +∞
    /// is the top of the plot and g = 0 its bottom.
    public static func polygons(_ columns: [Column]) -> [[(Double, Double)]] {
        pieces(columns).flatMap { m0, m1, l, r in
            stride(from: 0, to: l.count, by: 2).compactMap { k -> [(Double, Double)]? in
                let (lt, rt) = k + 1 < l.count ? (l[k + 1], r[k + 1]) : (.infinity, .infinity)
                guard lt > l[k] || rt > r[k] else { return nil }
                return [(m0, l[k]), (m1, r[k]), (m1, rt), (m0, lt)]
            }
        }
    }

    /// The region's edges as polylines in (mass, g): every edge of the allowed intervals (a
    /// strip is two lines, meeting where it narrows to a point), joined across masses.
    public static func edges(_ columns: [Column]) -> [[(Double, Double)]] {
        var segments: [((Double, Double), (Double, Double))] = []
        for (m0, m1, l, r) in pieces(columns) {
            for (a, b) in zip(l, r) where !(a == 0 && b == 0) && (a.isFinite || b.isFinite) {
                segments.append(((m0, a), (m1, b)))
            }
        }
        return chained(segments)
    }

    /// Segments joined into polylines where one ends at the point the next starts.
    static func chained(_ segments: [((Double, Double), (Double, Double))]) -> [[(Double, Double)]] {
        struct Key: Hashable {
            let x: Double, y: Double
        }
        var lines: [[(Double, Double)]] = []
        var openEnds: [Key: Int] = [:]
        for (p, q) in segments {
            if let i = openEnds.removeValue(forKey: Key(x: p.0, y: p.1)) {
                lines[i].append(q)
                openEnds[Key(x: q.0, y: q.1)] = i
            } else {
                lines.append([p, q])
                openEnds[Key(x: q.0, y: q.1)] = lines.count - 1
            }
        }
        return lines
    }
}
