import Foundation
import NuClosedForm
import NuCoherent
import NuData
import NuNumerical
import NuPhysics

/// 004 Secs. IV-V: the (g−2)_μ 2σ band of a model against its COHERENT 2σ exclusion.
///
/// The band is the set of couplings for which the Z' (or scalar) explains
/// Δa_μ = (25.1 ± 5.9)×10⁻¹⁰ (004 Eq. (57)) within 2σ: at each mass, from the coupling to the muon
/// that gives Δa − 2σ to the one that gives Δa + 2σ (Eqs. (58)-(59)), divided by the model's muon
/// charge |Q_μ| to be a gauge coupling g (the scalar couples with g itself). The COHERENT bound is
/// the 2σ allowed region of g at that mass (`LimitPoint.allowed`: below the boundary, plus any strip);
/// the band's excluded part is its share, in ln g, outside the allowed intervals.
///
/// Two paths: closed-form Eqs. (58)-(59) and the closed-path χ² (normal equations / Newton), or GSL
/// quadrature with a Brent root and the GSL minimisations.
public enum MuonG2Band {
    /// One mass: the band's edges, the bound (first edge), the allowed intervals of g the bound
    /// is the first edge of, and the excluded fraction of the band.
    public struct Point: Sendable {
        public let mass: Double
        public let lower: Double, upper: Double
        public let bound: Double
        public let allowed: [(lower: Double, upper: Double?)]
        public let excludedFraction: Double
    }

    /// One mass of the band alone: the gauge couplings g that give Δa_μ − 2σ and Δa_μ + 2σ.
    public struct Edges: Sendable {
        public let mass: Double
        public let lower: Double, upper: Double
    }

    /// The masses where 004's figures and statements lie: 0.1 MeV to 10 GeV, one a decade (the
    /// golden cases run in `nucheck check`, whose speed target is 5 s; `nucheck g2` takes any grid).
    /// (004's Figs. 4-8 are not in the text extraction; this is the span its statements cover:
    /// M ≪ 10 MeV and M ≫ 1 GeV of Table 2, 20-30 MeV for L_e − L_μ, 200 MeV for LHCb.)
    public static let defaultMasses = (0...5).map { pow(10, -1 + Double($0)) }

    /// Δa_μ − 2σ and Δa_μ + 2σ from `Reference/` (004 Eq. (57)).
    public static func deltaARange(_ reference: ReferenceLibrary) throws -> (Double, Double) {
        let file = "004_atzori_corona_et_al.json"
        guard
            let central = try reference.entry(
                "\(file)#eq57.delta_a_mu", citedFrom: "MuonG2Band",
                field: "Δa_μ"
            ).value,
            let sigma = try reference.entry(
                "\(file)#eq57.delta_a_mu.sigma", citedFrom: "MuonG2Band",
                field: "σ(Δa_μ)"
            ).value
        else {
            throw HarnessError.file(
                path: reference.directory.path, field: "eq57",
                message: "Δa_μ and its σ must be numbers")
        }
        return (central - 2 * sigma, central + 2 * sigma)
    }

    /// The model's coupling to the muon per unit g (|Q_μ|; 1 for the scalar), refused when zero.
    static func muonCharge(_ model: String) throws -> (AsymptoticLimit.Mediator, Mediator, Double) {
        if model == "scalar" { return (.scalar, .scalar, 1) }
        let m = try ModelRegistry.lookup(model)
        let q = abs(m.charge(.mu))
        guard q > 0 else {
            throw PhysicsError.notApplicable(
                "\(m.name) does not couple to muons: it has no (g-2)_mu "
                    + "band (004 Sec. V)")
        }
        return (.vector(m), .vector, q)
    }

    /// The band's edges at each mass (MeV), without a bound: Eqs. (58)-(59) on the chosen path,
    /// divided by |Q_μ|. Refused (unphysical) for a model that does not couple to muons.
    public static func edges(
        model: String, masses: [Double], reference: ReferenceLibrary, path: Path
    ) throws -> [Edges] {
        let (_, g2Mediator, charge) = try muonCharge(model)
        let (low, high) = try deltaARange(reference)
        return try masses.map { mass in
            func coupling(_ deltaA: Double) throws -> Double {
                try
                    (path == .closedForm
                    ? MuonG2.coupling(g2Mediator, mass: mass, deltaA: deltaA)
                    : MuonG2Quadrature.coupling(g2Mediator, mass: mass, deltaA: deltaA)) / charge
            }
            return Edges(mass: mass, lower: try coupling(low), upper: try coupling(high))
        }
    }

    public static func compare(
        model: String, analysis: LimitAnalysis, masses: [Double], reference: ReferenceLibrary,
        path: Path
    ) throws -> [Point] {
        let (limitMediator, _, _) = try muonCharge(model)
        let band = try edges(model: model, masses: masses, reference: reference, path: path)
        let bounds = try analysis.curve(
            limitMediator, masses: masses, convention: .standard,
            minimisation: path)
        return zip(band, bounds).map { edges, bound in
            // ln-g length of the band inside the allowed intervals.
            let (a, b) = (log(edges.lower), log(edges.upper))
            let inside = bound.allowed.reduce(0.0) { sum, interval in
                let lo = interval.lower > 0 ? max(a, log(interval.lower)) : a
                let hi = interval.upper.map { min(b, log($0)) } ?? b
                return sum + max(0, hi - lo)
            }
            return Point(
                mass: edges.mass, lower: edges.lower, upper: edges.upper, bound: bound.g, allowed: bound.allowed,
                excludedFraction: 1 - inside / (b - a))
        }
    }

    /// The excluded share of the band over the masses (mean of the per-mass fractions) and the
    /// share of masses where the whole band is excluded.
    public static func summary(_ points: [Point]) -> (excluded: Double, fullyExcludedMasses: Double) {
        let n = Double(points.count)
        return (
            points.map(\.excludedFraction).reduce(0, +) / n,
            Double(points.filter { $0.excludedFraction >= 1 - 1e-12 }.count) / n
        )
    }
}
