import Foundation
import GSLKit
import NuPhysics

/// 004 Eqs. (7)-(9): the Gaussian least-squares χ² of the CENNS-10 data in 12 energy × 10 time
/// bins with four components z (CEvNS, steady state, prompt BRN, delayed BRN), their
/// normalisation nuisances η_z (σ = 0.13, 0.0079, 0.32, 1), and the release's shape systematics
/// ε_l (CEvNS F90 energy dependence and t_trig mean; BRN energy, t_trig mean and t_trig width),
///
///     χ² = Σ_ij [(N_ij^exp − Σ_z (1 + η_z + Σ_l ε_l s_zl,ij) N_ij^z)/σ_ij]² + Σ_z (η_z/σ_z)² + Σ_l ε_l²,
///
/// σ_ij² = N_ij^exp + N_ij^SS/5, s_zl,ij = (N^sys − N^CV)/N^CV from the released ±1σ PDFs
/// (the half-difference (N⁺ − N⁻)/(2N^CV) where both are released). The CEvNS shape
/// systematics of the release are applied as relative changes to the model's prediction. Bins with
/// σ_ij = 0 (no data and no steady state) carry no information and are skipped.
public struct ArgonChi2: Sendable {
    public static let normalisationSigmas: [Double] = [0.13, 0.0079, 0.32, 1]

    let data: [Double]
    let steadyState: [Double], promptBRN: [Double], delayedBRN: [Double]
    let sigma2: [Double]
    /// Relative shape changes per systematic: (component index, s_ij).
    let shapes: [(component: Int, s: [Double])]
    /// The parts of the normal equations that do not depend on the CEvNS prediction (`NormalEquations`).
    let normal: NormalEquations

    /// Row-major flattening of an (energy, time) histogram.
    public static func flat(_ h: [[Double]]) -> [Double] { h.flatMap { $0 } }

    public init(release: ArgonRelease, directory: URL) throws {
        let base = directory.appendingPathComponent("SystErrors")
        // A shape systematic moves its PDF by tens of per cent at most: a total outside half to
        // twice the central value's is a damaged file, not a systematic.
        func pdf(_ name: String) throws -> [Double] {
            let url = base.appendingPathComponent(name)
            let h = Self.flat(try ArgonRelease.histogram(url))
            let nominal = Self.flat(name.hasPrefix("cevns") ? release.cevns : release.promptBRN).reduce(
                0,
                +)
            let total = h.reduce(0, +)
            guard total >= 0.5 * nominal, total <= 2 * nominal else {
                throw CoherentDataError.malformed(
                    file: url.path, line: 0,
                    message: "sums to \(total), outside half to twice the central PDF's \(nominal)")
            }
            return h
        }
        data = Self.flat(release.data)
        steadyState = Self.flat(release.steadyState)
        promptBRN = Self.flat(release.promptBRN)
        delayedBRN = Self.flat(release.delayedBRN)
        sigma2 = zip(data, steadyState).map { $0 + $1 / 5 }
        let cevns = Self.flat(release.cevns)
        let brn = promptBRN
        func relative(_ plus: [Double], _ minus: [Double]?, _ cv: [Double]) -> [Double] {
            cv.indices.map { k in
                guard cv[k] > 0 else { return 0 }
                if let minus { return (plus[k] - minus[k]) / (2 * cv[k]) }
                return (plus[k] - cv[k]) / cv[k]
            }
        }
        shapes = [
            (0, relative(try pdf("cevnspdf+1sigF90.txt"), try pdf("cevnspdf-1sigF90.txt"), cevns)),
            (0, relative(try pdf("cevnspdfCEvNSTimingMeanSyst.txt"), nil, cevns)),
            (2, relative(try pdf("brnpdf+1sigEnergy.txt"), try pdf("brnpdf-1sigEnergy.txt"), brn)),
            (2, relative(try pdf("brnpdf+1sigBRNTimingMean.txt"), try pdf("brnpdf-1sigBRNTimingMean.txt"), brn)),
            (2, relative(try pdf("brnpdfBRNTimingWidthSyst.txt"), nil, brn)),
        ]
        normal = NormalEquations(
            data: data, sigma2: sigma2, constant: [steadyState, promptBRN, delayedBRN],
            shapes: shapes)
    }

    /// The normal equations of `minimumAnalytic` split by what the CEvNS prediction N^CEvNS enters:
    /// a column p of the design matrix J (bin k) is N_k^CEvNS (p = 0), N_k^z (p = 1-3), or
    /// s_l,k N_k^z(l) (p = 4 + l), so the columns p ∈ D = {0} ∪ {4 + l : z(l) = CEvNS} scale with the
    /// prediction and the others are fixed. The fixed block Σ_k w_k J_kp J_kq (p, q ∉ D) and
    /// Σ_k w_k J_kp N_k^exp (p ∉ D), w_k = 1/σ_k², are summed once, term by term and in the order of
    /// the bins as a full accumulation would, so the result carries the same bits.
    struct NormalEquations: Sendable {
        static let n = ArgonChi2.nuisanceCount
        /// The bins with σ² > 0, their data, 1/σ² and σ².
        let bins: [Int], data: [Double], weights: [Double], sigma2: [Double]
        /// [bin × n + p]: the fixed columns (0 where p ∈ D).
        let fixedColumns: [Double]
        /// [bin × n + p]: the factor of N^CEvNS in column p ∈ D (1 for p = 0, s_l,k for a CEvNS shape), else 0.
        let cevnsFactor: [Double]
        let dependent: [Bool]
        /// Σ_k w_k J_kp J_kq for p, q ∉ D (0 elsewhere), row-major n × n; Σ_k w_k J_kp N_k^exp for p ∉ D.
        let fixedA: [Double], fixedB: [Double]
        let precision: [Double], centre: [Double]

        init(
            data all: [Double], sigma2 allSigma2: [Double], constant: [[Double]],
            shapes: [(component: Int, s: [Double])]
        ) {
            let n = Self.n
            bins = all.indices.filter { allSigma2[$0] > 0 }
            data = bins.map { all[$0] }
            sigma2 = bins.map { allSigma2[$0] }
            weights = sigma2.map { 1 / $0 }
            dependent = (0..<n).map { p in p == 0 || (p >= 4 && shapes[p - 4].component == 0) }
            var fixed = Array(repeating: 0.0, count: bins.count * n)
            var factor = fixed
            for (i, k) in bins.enumerated() {
                fixed[i * n + 1] = constant[0][k]
                fixed[i * n + 2] = constant[1][k]
                fixed[i * n + 3] = constant[2][k]
                factor[i * n] = 1
                for (l, shape) in shapes.enumerated() {
                    if shape.component == 0 {
                        factor[i * n + 4 + l] = shape.s[k]
                    } else {
                        fixed[i * n + 4 + l] = shape.s[k] * constant[shape.component - 1][k]
                    }
                }
            }
            var a = Array(repeating: 0.0, count: n * n)
            var b = Array(repeating: 0.0, count: n)
            for i in bins.indices {
                let w = weights[i]
                for p in 0..<n where !dependent[p] {
                    b[p] += w * fixed[i * n + p] * data[i]
                    for q in 0..<n where !dependent[q] { a[p * n + q] += w * fixed[i * n + p] * fixed[i * n + q] }
                }
            }
            fixedColumns = fixed
            cevnsFactor = factor
            fixedA = a
            fixedB = b
            precision = (0..<n).map { $0 < 4 ? 1 / pow(ArgonChi2.normalisationSigmas[$0], 2) : 1.0 }
            centre = (0..<n).map { $0 < 4 ? 1.0 : 0.0 }
        }
    }

    /// The nine nuisances: η_CEvNS, η_SS, η_PBRN, η_DBRN, then the five ε_l.
    public static let nuisanceCount = 9

    func components(_ cevns: [Double]) -> [[Double]] { [cevns, steadyState, promptBRN, delayedBRN] }

    /// χ² at given nuisances for a CEvNS prediction (flattened [energy][time]).
    public func chi2(cevns: [Double], nuisances v: [Double]) -> Double {
        let comps = components(cevns)
        var sum = 0.0
        for k in data.indices where sigma2[k] > 0 {
            var predicted = 0.0
            for z in 0..<4 { predicted += (1 + v[z]) * comps[z][k] }
            for (l, shape) in shapes.enumerated() { predicted += v[4 + l] * shape.s[k] * comps[shape.component][k] }
            let d = data[k] - predicted
            sum += d * d / sigma2[k]
        }
        for z in 0..<4 { sum += pow(v[z] / Self.normalisationSigmas[z], 2) }
        for l in 0..<shapes.count { sum += v[4 + l] * v[4 + l] }
        return sum
    }

    /// The minimum over the nuisances in closed form: the predictions are linear in them, so the
    /// minimum solves the normal equations (JᵀWJ + P)θ = JᵀW N^exp + P θ₀, P the prior
    /// precisions, in the multipliers u_z = 1 + η_z (prior centre θ₀ = 1) and the ε_l (θ₀ = 0).
    /// In u, far out in a limit scan (u_CEvNS ~ 1e-12), nothing cancels: χ² is evaluated from
    /// u·N^z, not from (1 + η)·N^z with η ≈ −1. The system is Jacobi-scaled before it is solved
    /// (its diagonal spans 24 decades there).
    public func minimumAnalytic(cevns: [Double]) throws -> (chi2: Double, nuisances: [Double]) {
        try requireFinite(cevns, "argon χ²")
        let e = normal
        let n = Self.nuisanceCount
        var theta = Array(repeating: 0.0, count: n)
        let sum = try withUnsafeTemporaryAllocation(of: Double.self, capacity: 2 * n * n + 2 * n) { buffer in
            let a = buffer.baseAddress!
            let scaled = a + n * n
            let column = scaled + n * n
            let scale = column + n
            return try cevns.withUnsafeBufferPointer { cevns in
                try e.fixedColumns.withUnsafeBufferPointer { fixed in
                    try e.cevnsFactor.withUnsafeBufferPointer { factor in
                        try theta.withUnsafeMutableBufferPointer { b in
                            for i in 0..<(n * n) { a[i] = e.fixedA[i] }
                            for p in 0..<n { b[p] = e.fixedB[p] }
                            /// J_kp of bin i (index into `bins`).
                            func fill(_ i: Int) {
                                for p in 0..<n {
                                    column[p] = e.dependent[p] ? factor[i * n + p] * cevns[e.bins[i]] : fixed[i * n + p]
                                }
                            }
                            // Σ_k w_k J_kp J_kq and Σ_k w_k J_kp N_k^exp for the entries with p or q ∈ D,
                            // each term w·J_kp·J_kq (left to right) added bin by bin.
                            for i in e.bins.indices {
                                fill(i)
                                let w = e.weights[i]
                                for p in 0..<n {
                                    if e.dependent[p] {
                                        b[p] += w * column[p] * e.data[i]
                                        for q in 0..<n { a[p * n + q] += w * column[p] * column[q] }
                                    } else {
                                        for q in 0..<n where e.dependent[q] {
                                            a[p * n + q] += w * column[p] * column[q]
                                        }
                                    }
                                }
                            }
                            for p in 0..<n {
                                a[p * n + p] += e.precision[p]
                                b[p] += e.precision[p] * e.centre[p]
                            }
                            // Jacobi scaling and the solve: θ = S (S A S)⁻¹ S b, S = diag(1/√A_pp).
                            for p in 0..<n { scale[p] = 1 / a[p * n + p].squareRoot() }
                            for p in 0..<n { for q in 0..<n { scaled[p * n + q] = a[p * n + q] * scale[p] * scale[q] } }
                            for p in 0..<n { b[p] *= scale[p] }
                            try LinearSystem.solveInPlace(scaled, b.baseAddress!, n)
                            for p in 0..<n { b[p] *= scale[p] }
                            // χ² at the solution from the residuals (the normal equations' form would cancel).
                            var sum = 0.0
                            for i in e.bins.indices {
                                fill(i)
                                var fit = 0.0
                                for p in 0..<n { fit += column[p] * b[p] }
                                let r = e.data[i] - fit
                                sum += r * r / e.sigma2[i]
                            }
                            for p in 0..<n { sum += e.precision[p] * (b[p] - e.centre[p]) * (b[p] - e.centre[p]) }
                            return sum
                        }
                    }
                }
            }
        }
        return (sum, theta.enumerated().map { $0.offset < 4 ? $0.element - 1 : $0.element })
    }

    /// The same minimum by GSL's weighted linear least squares (SVD, `LinearLeastSquares`), with
    /// the priors as pseudo-observations and the normalisations as multipliers u_z = 1 + η_z:
    /// rows N_ij^exp = Σ_z u_z N_ij^z + Σ_l ε_l s_l,ij N_ij^z(l) with weight 1/σ_ij², rows 1 = u_z with
    /// weight 1/σ_z², rows 0 = ε_l with weight 1. Far out in a limit scan the fit drives u_CEvNS to
    /// ~1e-16, which u carries exactly and 1 + η would round away.
    public func minimumNumerical(cevns: [Double]) throws -> (chi2: Double, nuisances: [Double]) {
        try requireFinite(cevns, "argon χ²")
        let comps = components(cevns)
        let n = Self.nuisanceCount
        var rows: [[Double]] = []
        var y: [Double] = []
        var weights: [Double] = []
        for k in data.indices where sigma2[k] > 0 {
            rows.append((0..<4).map { comps[$0][k] } + shapes.map { $0.s[k] * comps[$0.component][k] })
            y.append(data[k])
            weights.append(1 / sigma2[k])
        }
        for p in 0..<n {
            var row = Array(repeating: 0.0, count: n)
            row[p] = 1
            rows.append(row)
            y.append(p < 4 ? 1 : 0)
            weights.append(p < 4 ? 1 / pow(Self.normalisationSigmas[p], 2) : 1)
        }
        let fit = try LinearLeastSquares.fit(rows: rows, y: y, weights: weights)
        return (fit.chi2, fit.parameters.enumerated().map { $0.offset < 4 ? $0.element - 1 : $0.element })
    }
}
