import Foundation
import GSLKit
import NuPhysics

/// 004 Eq. (6): the Poisson (Baker-Cousins) χ² of the CsI data in 9 PE × 11 time bins,
///
///     χ² = 2 Σ_ij [μ_ij − N_ij^exp + N_ij^exp ln(N_ij^exp/μ_ij)] + Σ_z (η_z/σ_z)²,
///     μ_ij = Σ_z (1 + η_z) N_ij^z,
///
/// z = CEvNS, BRN, NIN, SS with σ_z = 0.12, 0.25, 0.35, 0.021; a bin with N^exp = 0 contributes
/// 2μ (the limit of N ln N). N^SS is the anti-coincidence data binned as the signal window.
/// BRN and NIN are the released PE and time spectra (taken as the detected shapes, the product of
/// their marginals), the time marginal weighted by the time efficiency, scaled to the predicted
/// counts before the efficiency (`CsINeutronCounts`: derived from the release, or given).
///
/// No closed form for the minimum over η (χ² is not quadratic in η): it is found by Newton's
/// method on the analytic gradient and Hessian (χ² is convex in η), and independently by GSL's
/// BFGS, which uses χ² and its gradient only.
public struct CsIChi2: Sendable {
    public static let normalisationSigmas: [Double] = [0.12, 0.25, 0.35, 0.021]
    public static let nuisanceCount = 4

    let data: [Double]
    /// The backgrounds per bin, flattened [PE][time] (events, after the time efficiency).
    public let brn: [Double], nin: [Double], steadyState: [Double]
    /// The backgrounds' totals and shapes (BRN, NIN, SS) as `Scaled` holds them, made once.
    let backgroundTotals: [Double], backgroundShapes: [[Double]]
    /// Σ N^exp.
    let observed: Double

    /// `counts`: BRN and NIN events in 0-60 PE, 0-6 µs before the time efficiency.
    public init(release: CsIRelease, counts: CsINeutronCounts, timeEfficiency: CsITimeEfficiency) throws {
        func shape(
            _ energy: [(pe: Double, weight: Double)], _ time: [(time: Double, weight: Double)],
            _ file: String
        ) throws -> [Double] {
            let e = Self.marginal(energy.map { ($0.pe, $0.weight) }, edges: CsIRelease.peEdges)
            let t = Self.marginal(time.map { ($0.time, $0.weight) }, edges: CsIRelease.timeEdges)
            let tEfficient = Self.marginal(
                time.map { ($0.time, $0.weight * timeEfficiency($0.time)) },
                edges: CsIRelease.timeEdges)
            let total = e.reduce(0, +) * t.reduce(0, +)
            guard total > 0 else {
                throw CoherentDataError.malformed(
                    file: file, line: 0,
                    message: "no weight in the analysis region")
            }
            return e.flatMap { x in tEfficient.map { x * $0 / total } }
        }
        data = ArgonChi2.flat(CsIRelease.binned(release.coincidence))
        steadyState = ArgonChi2.flat(CsIRelease.binned(release.anticoincidence))
        brn = try shape(release.brnEnergy, release.brnTime, "csi2021/brnPE.txt, brnTrec.txt").map { $0 * counts.brn }
        nin = try shape(release.ninEnergy, release.ninTime, "csi2021/ninPE.txt, ninTrec.txt").map { $0 * counts.nin }
        let background = Scaled([brn, nin, steadyState])
        backgroundTotals = background.totals
        backgroundShapes = background.shapes
        observed = data.reduce(0, +)
    }

    /// Weights of bin centres summed into the analysis bins [edges[i], edges[i+1]).
    static func marginal(_ bins: [(Double, Double)], edges: [Double]) -> [Double] {
        var sums = Array(repeating: 0.0, count: edges.count - 1)
        for (x, w) in bins {
            if let i = edges.indices.dropLast().first(where: { x >= edges[$0] && x < edges[$0 + 1] }) { sums[i] += w }
        }
        return sums
    }

    func components(_ cevns: [Double]) -> [[Double]] { [cevns, brn, nin, steadyState] }

    /// χ² at given nuisances η (CEvNS, BRN, NIN, SS) for a CEvNS prediction (flattened [PE][time]).
    /// Throws when a bin with data is predicted ≤ 0 (χ² is infinite there).
    public func chi2(cevns: [Double], nuisances v: [Double]) throws -> Double {
        let comps = components(cevns)
        return try Scaled(comps).chi2(data, events: comps.indices.map { (1 + v[$0]) * Scaled.total(comps[$0]) })
    }

    /// Eq. (6) in the fitted event counts u_z = (1 + η_z) T_z, T_z the component's predicted total:
    /// μ = Σ_z u_z f_z with f_z = N^z/T_z, prior ((u_z/T_z − 1)/σ_z)². The same function as in η, but
    /// far out in a limit scan (T_CEvNS ~ 1e20 events) the fit wants 1 + η ~ 1e-18, which η cannot
    /// express in double precision while u can. Components with T_z = 0 drop out (their η_z = 0).
    struct Scaled {
        let shapes: [[Double]], totals: [Double]
        /// The shapes bin-major, [k × components + z], for the hot loop of χ².
        let binMajor: [Double]

        static func total(_ h: [Double]) -> Double { h.reduce(0, +) }

        init(_ comps: [[Double]]) {
            totals = comps.map(Self.total)
            let shapes = zip(comps, totals).map { h, t in Self.shape(h, t) }
            self.shapes = shapes
            binMajor = (0..<(comps.first?.count ?? 0)).flatMap { k in shapes.map { $0[k] } }
        }

        /// The same for the CEvNS prediction and the backgrounds' totals and shapes made once
        /// (each component is scaled on its own, so the numbers are those of `init(_:)`).
        init(cevns: [Double], backgroundTotals: [Double], backgroundShapes: [[Double]]) {
            let t = Self.total(cevns)
            let shapes = [Self.shape(cevns, t)] + backgroundShapes
            let m = shapes.count
            totals = [t] + backgroundTotals
            self.shapes = shapes
            var flat: [Double] = []
            flat.reserveCapacity(cevns.count * m)
            for k in cevns.indices { for shape in shapes { flat.append(shape[k]) } }
            binMajor = flat
        }

        /// N/T, or 0 in every bin when T ≤ 0 (the component drops out).
        static func shape(_ h: [Double], _ t: Double) -> [Double] { t > 0 ? h.map { $0 / t } : h.map { _ in 0 } }

        func mu(_ k: Int, _ u: [Double]) -> Double {
            var m = 0.0
            for z in 0..<u.count { m += u[z] * shapes[z][k] }
            return m
        }

        func chi2(_ data: [Double], events u: [Double]) throws -> Double {
            let (sum, bad) = data.withUnsafeBufferPointer { d in
                u.withUnsafeBufferPointer { w in evaluate(d, w.baseAddress!, count: w.count) }
            }
            if let (
                k,
                mu
            ) = bad {
                throw PhysicsError.notApplicable(
                    "CsI χ²: bin \(k) has \(Int(data[k])) events but a "
                        + "prediction \(mu) ≤ 0")
            }
            guard sum.isFinite else {
                throw PhysicsError.notApplicable(
                    "CsI χ² overflows at these counts "
                        + "(\(totals.map { String(format: "%.3g", $0) }.joined(separator: ", ")) events)")
            }
            return sum
        }

        /// Eq. (6) at the counts u[0..<m], or the first bin with data whose μ is not > 0 (then the
        /// sum is meaningless); an infinite or NaN sum is left to the caller.
        func evaluate(
            _ d: UnsafeBufferPointer<Double>, _ w: UnsafePointer<Double>,
            count m: Int
        ) -> (sum: Double, bad: (Int, Double)?) {
            var sum = 0.0
            let bad: (Int, Double)? = binMajor.withUnsafeBufferPointer { s in
                for k in 0..<d.count {
                    var mu = 0.0
                    for z in 0..<m { mu += w[z] * s[k * m + z] }
                    let n = d[k]
                    if n > 0 {
                        if !(mu > 0) { return (k, mu) }
                        sum += 2 * (mu - n + n * log(n / mu))
                    } else {
                        sum += 2 * mu
                    }
                }
                return nil
            }
            if bad != nil { return (sum, bad) }
            for z in 0..<m where totals[z] > 0 {
                sum += pow((w[z] / totals[z] - 1) / CsIChi2.normalisationSigmas[z], 2)
            }
            return (sum, nil)
        }

        func nuisances(_ u: [Double]) -> [Double] { u.indices.map { totals[$0] > 0 ? u[$0] / totals[$0] - 1 : 0 } }
    }

    /// Newton's method in the event counts u with the analytic derivatives
    ///     ∂χ²/∂u_z = 2 Σ f_z (1 − N^exp/μ) + 2(u_z/T_z − 1)/(T_z σ_z)²,
    ///     ∂²χ²/∂u_z∂u_w = 2 Σ f_z f_w N^exp/μ² + 2δ_zw/(T_z σ_z)²,
    /// halving a step that would leave a bin with data at μ ≤ 0 or raise χ²; stops when the Newton
    /// decrement falls below 1e-12 χ² (the rounding of a sum of ~100 terms).
    public func minimumNewton(cevns: [Double]) throws -> (chi2: Double, nuisances: [Double]) {
        let (chi2, counts, f) = try newton(cevns: cevns, start: nil)
        return (chi2, f.nuisances(counts))
    }

    /// The minimum and the fitted counts u_z by Newton's method from `start` (counts, e.g. the
    /// minimum at the neighbouring coupling of a limit scan) where χ² is finite there, else from
    /// the nominal start. χ² is convex, so the start only sets the number of steps (a scan's next
    /// minimum is one or two steps away); the stopping rule is the same. The counts, not the η,
    /// carry a minimum far out in a scan (1 + η_CEvNS ~ 1e-18 there).
    func minimumNewton(cevns: [Double], start: [Double]?) throws -> (chi2: Double, counts: [Double]) {
        let (chi2, counts, _) = try newton(cevns: cevns, start: start)
        return (chi2, counts)
    }

    private func newton(cevns: [Double], start: [Double]?) throws -> (Double, [Double], Scaled) {
        try requireFinite(cevns, "CsI χ²")
        guard cevns.count == data.count else {
            throw PhysicsError.notApplicable("CsI χ²: \(cevns.count) predicted bins for \(data.count) data bins")
        }
        let f = Scaled(cevns: cevns, backgroundTotals: backgroundTotals, backgroundShapes: backgroundShapes)
        let m = f.totals.count
        let bins = data.count
        let active = f.totals.indices.filter { f.totals[$0] > 0 }
        let a = active.count
        // χ² is convex, so the start only sets the work: each component at its nominal count, but
        // no more than all the observed events (an absurd count would start where the Hessian
        // underflows against the gradient).
        var u = f.totals.map { min($0, observed) }
        // A warm start where χ² is finite there; else the nominal one, else the totals.
        var initial: Double? = nil
        if let start, start.count == m {
            var warm = u
            for z in active { warm[z] = start[z] }
            if let c = try? f.chi2(data, events: warm) {
                u = warm
                initial = c
            }
        }
        if initial == nil {
            initial = try? f.chi2(data, events: u)
            if initial == nil { u = f.totals }
        }
        var value = try initial ?? f.chi2(data, events: u)
        let (solution, stalled) = try withUnsafeTemporaryAllocation(
            of: Double.self,
            capacity: 2 * a + a * a + m
        ) { buffer -> (Double, Double?) in
            let g = buffer.baseAddress!
            let step = g + a
            let h = step + a
            let trial = h + a * a
            return try data.withUnsafeBufferPointer { d in
                try f.binMajor.withUnsafeBufferPointer { s in
                    try u.withUnsafeMutableBufferPointer { u in
                        for _ in 0..<200 {
                            for p in 0..<a { g[p] = 0 }
                            for p in 0..<(a * a) { h[p] = 0 }
                            // ∂χ²/∂u_z = 2 Σ f_z (1 − N^exp/μ), ∂²χ²/∂u_z∂u_w = 2 Σ f_z f_w N^exp/μ² (term by term
                            // as ((2 f_z) f_w N^exp/μ)/μ), then the priors.
                            for k in 0..<bins {
                                var mu = 0.0
                                for z in 0..<m { mu += u[z] * s[k * m + z] }
                                let ratio = d[k] > 0 ? d[k] / mu : 0
                                for p in 0..<a {
                                    let fz = s[k * m + active[p]]
                                    g[p] += 2 * fz * (1 - ratio)
                                    guard d[k] > 0 else { continue }
                                    for q in 0..<a { h[p * a + q] += 2 * fz * s[k * m + active[q]] * ratio / mu }
                                }
                            }
                            for p in 0..<a {
                                let z = active[p]
                                let sigma = Self.normalisationSigmas[z]
                                let width2 = pow(f.totals[z] * sigma, 2)
                                g[p] += 2 * (u[z] / f.totals[z] - 1) / (f.totals[z] * sigma * sigma)
                                h[p * a + p] += 2 / width2
                            }
                            for p in 0..<a { step[p] = -g[p] }
                            try LinearSystem.solveInPlace(h, step, a)
                            var gs = 0.0
                            for p in 0..<a { gs += g[p] * step[p] }
                            let decrement = -gs
                            if decrement <= 1e-12 * max(1, value) { return (value, nil as Double?) }
                            var t = 1.0
                            var accepted = false
                            for _ in 0..<60 {
                                for z in 0..<m { trial[z] = u[z] }
                                for p in 0..<a { trial[active[p]] += t * step[p] }
                                let (c, bad) = f.evaluate(d, trial, count: m)
                                if bad == nil, c.isFinite, c < value {
                                    for z in 0..<m { u[z] = trial[z] }
                                    value = c
                                    accepted = true
                                    break
                                }
                                t /= 2
                            }
                            // No decrease along a descent direction with a decrement above rounding: stalled.
                            if !accepted {
                                if decrement <= 1e-9 * max(1, value) { return (value, nil) }
                                return (value, decrement)
                            }
                        }
                        throw PhysicsError.notConverged("CsI χ²: Newton's method did not converge in 200 steps")
                    }
                }
            }
        }
        if let decrement = stalled {
            throw PhysicsError.notConverged(
                "CsI χ²: Newton's line search stalled at χ² = \(solution) with a Newton "
                    + "decrement \(decrement)")
        }
        return (solution, u, f)
    }

    /// The same minimum by GSL's BFGS (vector_bfgs2) on χ² and its gradient
    ///     ∂χ²/∂u_z = 2 Σ_k f_zk (1 − N_k^exp/μ_k) + 2(u_z/T_z − 1)/(T_z σ_z²)
    /// (no Hessian: independent of Newton's method), in the event counts u_z measured in units of
    /// their width 1/√(Σ_{N^exp>0} f_z²/N^exp + 1/(T_z σ_z)²), the curvature where μ fits the data
    /// (Jacobi scaling: CEvNS is fixed to 6%, SS to 2%, NIN hardly at all, and an unscaled
    /// minimiser crawls along that valley). In those units χ² ≈ χ²_min + Σ δw², so stopping at
    /// |∇χ²| < 1e-7 leaves χ² within ~1e-14 of its minimum.
    /// Outside the domain (a bin with data predicted ≤ 0) χ² is +∞; the line search sees a large
    /// finite value with a zero gradient there and steps back, without an infinity passed to GSL.
    public func minimumNumerical(cevns: [Double]) throws -> (chi2: Double, nuisances: [Double]) {
        let (chi2, counts, f) = try bfgs(cevns: cevns, start: nil)
        return (chi2, f.nuisances(counts))
    }

    /// The minimum and the fitted counts u_z by BFGS from `start` (counts: the previous minimum
    /// of a limit scan by this same method) where χ² is finite there, else from the nominal start.
    func minimumNumerical(cevns: [Double], start: [Double]?) throws -> (chi2: Double, counts: [Double]) {
        let (chi2, counts, _) = try bfgs(cevns: cevns, start: start)
        return (chi2, counts)
    }

    private func bfgs(cevns: [Double], start warm: [Double]?) throws -> (Double, [Double], Scaled) {
        try requireFinite(cevns, "CsI χ²")
        guard cevns.count == data.count else {
            throw PhysicsError.notApplicable("CsI χ²: \(cevns.count) predicted bins for \(data.count) data bins")
        }
        let f = Scaled(cevns: cevns, backgroundTotals: backgroundTotals, backgroundShapes: backgroundShapes)
        let active = f.totals.indices.filter { f.totals[$0] > 0 }
        let widths = active.map { z in
            1
                / (data.indices.reduce(1 / pow(f.totals[z] * Self.normalisationSigmas[z], 2)) { s, k in
                    data[k] > 0 ? s + f.shapes[z][k] * f.shapes[z][k] / data[k] : s
                }).squareRoot()
        }
        // Absolute coordinates u_z = w_z × width_z (not offsets from T_z: far out in a limit scan
        // T_CEvNS ~ 1e18, whose rounding step exceeds the ~100 events the fit settles at).
        func events(_ w: [Double]) -> [Double] {
            var u = f.totals
            for (p, z) in active.enumerated() { u[z] = w[p] * widths[p] }
            return u
        }
        let outside = 1e300
        let value: ([Double]) -> Double = { w in (try? f.chi2(self.data, events: events(w))) ?? outside }
        let gradient: ([Double]) -> [Double] = { w in
            let u = events(w)
            var g = Array(repeating: 0.0, count: active.count)
            for k in self.data.indices {
                let mu = f.mu(k, u)
                let n = self.data[k]
                if n > 0 && !(mu > 0) { return g }
                let factor = n > 0 ? 2 * (1 - n / mu) : 2
                for (p, z) in active.enumerated() { g[p] += factor * f.shapes[z][k] }
            }
            for (p, z) in active.enumerated() {
                let sigma = Self.normalisationSigmas[z]
                g[p] += 2 * (u[z] / f.totals[z] - 1) / (f.totals[z] * sigma * sigma)
                g[p] *= widths[p]  // chain rule for u = width × w
            }
            return g
        }
        // χ² is convex, so the start only sets the work: each component at its nominal count, but
        // no more than all the observed events (far out in a scan T_CEvNS is absurdly large).
        var start = active.indices.map { min(f.totals[active[$0]], observed) / widths[$0] }
        if let warm, warm.count == f.totals.count {
            let w = active.indices.map { warm[active[$0]] / widths[$0] }
            if value(w) < outside { start = w }
        }
        guard value(start) < outside else {
            throw PhysicsError.notApplicable(
                "CsI χ²: a bin with data is predicted ≤ "
                    + "0 at the nominal counts")
        }
        let result = try Minimizer.bfgs(
            value, gradient: gradient, start: start, stepSize: 0.5,
            gradientTolerance: 1e-7, maxIterations: 2000)
        guard result.value < outside else {
            throw PhysicsError.notApplicable(
                "CsI χ²: BFGS left the domain where "
                    + "every bin with data is predicted > 0")
        }
        return (result.value, events(result.point), f)
    }
}
