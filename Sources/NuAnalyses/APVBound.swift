import Foundation
import GSLKit
import NuClosedForm
import NuCoherent
import NuNumerical
import NuPhysics

/// 002's atomic-parity-violation bound (Sec. IV.C, Figs. 2-3): the coupling at which the ¹³³Cs weak
/// charge moved by a Z' leaves the measurement by `sigmas` standard deviations,
///
///     |Q_W^SM + ΔQ_W(c) − Q_W^exp| = n σ,   σ = √(σ_SM² + σ_exp²)   (`APVMeasurement`),
///
/// in the coupling c 002 draws: ε for the dark Z and dark hypercharge, g for a vector-like U(1)'
/// (`DrawnCoupling`). ΔQ_W = k c² with k from each path's own ΔQ_W (`APVWeakChargeShift`,
/// `APVContactExtraction`) at momentum scale q (default 002's 30 MeV). Closed path: the root of the
/// linear equation in c², exactly; numerical path: decades up from c = 1e-12 to the first where the
/// condition is met, then GSL Brent in ln c (1e-13 relative). nil where ΔQ_W vanishes (every
/// vector-like model, L_μ − L_τ included: a purely vector electron coupling moves no parity-violating
/// term). 002 draws 2σ bounds (Sec. V), so `sigmas` defaults to 2.
public enum APVBound {
    /// ΔQ_W (dimensionless) of ¹³³Cs, or of `nucleus`, for the drawn coupling `coupling` on one path.
    public static func shift(
        model: VectorModel, coupling: Double, mass: Double, momentum q: Double, path: Path,
        sin2ThetaW: Double = Constants.defaultSin2ThetaW, nucleus: Nucleus = NuclearData.cs133
    ) throws -> Double {
        let g = try DrawnCoupling.gaugeCoupling(coupling, model: model, sin2ThetaW: sin2ThetaW)
        switch path {
        case .closedForm:
            return try APVWeakChargeShift.shift(model: model, g: g, mass: mass, momentum: q, nucleus: nucleus)
        case .numerical:
            return try APVContactExtraction.weakChargeShift(
                model: model, g: g, mass: mass, momentum: q, nucleus: nucleus, sin2ThetaW: sin2ThetaW)
        }
    }

    /// The bound on the drawn coupling at mass M (MeV), or nil where the model shifts no Q_W. `momentum`
    /// defaults to the measurement's scale. Throws if the SM alone is already `sigmas` away.
    public static func bound(
        model: VectorModel, mass: Double, path: Path, sigmas: Double = 2, momentum: Double? = nil,
        sin2ThetaW: Double = Constants.defaultSin2ThetaW, context: CoherentContext = .shared
    ) throws -> Double? {
        let m = try APVMeasurement.read(context)
        try requirePositive(sigmas, "sigmas", unit: "")
        let q = momentum ?? m.momentumScale
        let offset = m.standardModel - m.measured
        let target = sigmas * m.combinedUncertainty
        guard abs(offset) < target else {
            throw PhysicsError.notApplicable(
                "the SM weak charge is already \(abs(offset) / m.combinedUncertainty)σ from the measurement")
        }
        func shift(_ c: Double) throws -> Double {
            try Self.shift(
                model: model, coupling: c, mass: mass, momentum: q, path: path, sin2ThetaW: sin2ThetaW,
                nucleus: m.nucleus)
        }
        // A vector-like electron coupling moves no Q_W: no bound. Otherwise a zero or non-finite
        // shift is the propagator under- or overflowing at this mass, an error, not "no bound".
        if model.chargedLeptonsVectorLike { return nil }
        let unit = try shift(1)
        guard unit != 0, unit.isFinite else {
            throw PhysicsError.unphysical(
                "the APV shift of \(model.name) at coupling 1 is \(unit) at M = \(mass) MeV: the propagator "
                    + "under- or overflows there")
        }
        switch path {
        case .closedForm:
            // |offset + k x| = target, x = c² > 0: the root on the side k pushes toward.
            let x = ((unit > 0 ? target : -target) - offset) / unit
            return x.squareRoot()
        case .numerical:
            let excess = { (lnC: Double) in abs(offset + (try shift(exp(lnC)))) - target }
            var lower = 1e-12
            guard try excess(log(lower)) < 0 else {
                throw PhysicsError.notConverged("the APV condition is met already at coupling \(lower)")
            }
            while try excess(log(10 * lower)) < 0 {
                lower *= 10
                guard lower < 1e6 else {
                    throw PhysicsError.notConverged("no APV bound below coupling 1e6 although ΔQ_W ≠ 0")
                }
            }
            let root = try RootFinding.brent(
                excess, lower: log(lower), upper: log(10 * lower), absoluteTolerance: 1e-14,
                relativeTolerance: 1e-13)
            return exp(root)
        }
    }

    /// The mass (MeV) where the bound has risen by √2 above its M → 0 plateau: the end of the plateau,
    /// 002's "energy scale of the experiment" (Sec. VI), which the propagator 1/(M² + q²) puts at M = q.
    /// Closed path: bisection; numerical path: GSL Brent; each in ln M on its own bound, over
    /// [10⁻³ q, 10³ q]. nil where the model has no bound.
    public static func plateauEnd(
        model: VectorModel, path: Path, sigmas: Double = 2, momentum: Double? = nil,
        sin2ThetaW: Double = Constants.defaultSin2ThetaW, context: CoherentContext = .shared
    ) throws -> Double? {
        let q = try momentum ?? APVMeasurement.read(context).momentumScale
        try requirePositive(q, "momentum scale q")
        func at(_ mass: Double) throws -> Double? {
            try bound(
                model: model, mass: mass, path: path, sigmas: sigmas, momentum: q, sin2ThetaW: sin2ThetaW,
                context: context)
        }
        guard let plateau = try at(0) else { return nil }
        let rise = { (lnM: Double) in try (at(exp(lnM)) ?? .nan) / plateau - 2.0.squareRoot() }
        let (a, b) = (log(1e-3 * q), log(1e3 * q))
        let root =
            path == .closedForm
            ? try BracketingRoot.bisect(rise, lower: a, upper: b, relativeTolerance: 1e-14)
            : try RootFinding.brent(rise, lower: a, upper: b, absoluteTolerance: 1e-14, relativeTolerance: 1e-13)
        return exp(root)
    }
}
