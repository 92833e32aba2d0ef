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

    /// Row-major flattening of an (energy, time) histogram.
    public static func flat(_ h: [[Double]]) -> [Double] { h.flatMap { $0 } }

    public init(release: ArgonRelease, directory: URL) throws {
        let base = directory.appendingPathComponent("SystErrors")
        // A shape systematic moves its PDF by tens of per cent at most: a total outside half to
        // twice the central value's is a damaged file, not a systematic.
        func pdf(_ name: String) throws -> [Double] {
            let url = base.appendingPathComponent(name)
            let h = Self.flat(try ArgonRelease.histogram(url))
            let nominal = Self.flat(name.hasPrefix("cevns") ? release.cevns : release.promptBRN).reduce(0,
                +), total = h.reduce(0, +)
            guard total >= 0.5 * nominal, total <= 2 * nominal else {
                throw CoherentDataError.malformed(file: url.path, line: 0,
                    message: "sums to \(total), outside half to twice the central PDF's \(nominal)")
            }
            return h
        }
        data = Self.flat(release.data)
        steadyState = Self.flat(release.steadyState)
        promptBRN = Self.flat(release.promptBRN)
        delayedBRN = Self.flat(release.delayedBRN)
        sigma2 = zip(data, steadyState).map { $0 + $1 / 5 }
        let cevns = Self.flat(release.cevns), brn = promptBRN
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
        let comps = components(cevns), n = Self.nuisanceCount
        let precision = (0..<n).map { $0 < 4 ? 1 / pow(Self.normalisationSigmas[$0], 2) : 1.0 }
        let centre = (0..<n).map { $0 < 4 ? 1.0 : 0.0 }
        var a = Array(repeating: Array(repeating: 0.0, count: n), count: n), b = Array(repeating: 0.0, count: n)
        var columns: [(k: Int, column: [Double])] = []
        for k in data.indices where sigma2[k] > 0 {
            let column = (0..<4).map { comps[$0][k] } + shapes.map { $0.s[k] * comps[$0.component][k] }
            columns.append((k, column))
            let w = 1 / sigma2[k]
            for p in 0..<n {
                b[p] += w * column[p] * data[k]
                for q in 0..<n { a[p][q] += w * column[p] * column[q] }
            }
        }
        for p in 0..<n { a[p][p] += precision[p]; b[p] += precision[p] * centre[p] }
        let scale = (0..<n).map { 1 / a[$0][$0].squareRoot() }
        let scaled = (0..<n).map { p in (0..<n).map { q in a[p][q] * scale[p] * scale[q] } }
        let theta = zip(try LinearSystem.solve(scaled, zip(b, scale).map { $0 * $1 }), scale).map { $0 * $1 }
        var sum = 0.0
        for (k, column) in columns {
            let r = data[k] - zip(column, theta).reduce(0) { $0 + $1.0 * $1.1 }
            sum += r * r / sigma2[k]
        }
        for p in 0..<n { sum += precision[p] * (theta[p] - centre[p]) * (theta[p] - centre[p]) }
        return (sum, theta.enumerated().map { $0.offset < 4 ? $0.element - 1 : $0.element })
    }

    /// The same minimum by GSL's weighted linear least squares (SVD, `LinearLeastSquares`), with
    /// the priors as pseudo-observations and the normalisations as multipliers u_z = 1 + η_z:
    /// rows N_ij^exp = Σ_z u_z N_ij^z + Σ_l ε_l s_l,ij N_ij^z(l) with weight 1/σ_ij², rows 1 = u_z with
    /// weight 1/σ_z², rows 0 = ε_l with weight 1. Far out in a limit scan the fit drives u_CEvNS to
    /// ~1e-16, which u carries exactly and 1 + η would round away.
    public func minimumNumerical(cevns: [Double]) throws -> (chi2: Double, nuisances: [Double]) {
        try requireFinite(cevns, "argon χ²")
        let comps = components(cevns), n = Self.nuisanceCount
        var rows: [[Double]] = [], y: [Double] = [], weights: [Double] = []
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
