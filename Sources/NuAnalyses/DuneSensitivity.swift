import Foundation
import GSLKit
import NuBeams
import NuClosedForm
import NuCoherent
import NuData
import NuNumerical
import NuPhysics

/// 000's DUNE near-detector reach (Sec. IV, Fig. 2): ν-e events above a 30 MeV recoil threshold in
/// 67.5 t of argon with 4.8 MW·yr a mode (1.1e21 POT a year at 1.2 MW), the flux normalisation free
/// within σ = 5% (Eq. (8)), N_SM computed (000 took it from its Ref. [41]). Numbers from
/// `Reference/dune.json`.
///
/// At fixed M the events are N(g) = N_SM + a g² + b g⁴ (interference and pure Z'), found from three
/// evaluations of `nue.events`' closed-form or numerical σ. The reach is the smallest g whose
/// χ² reaches the 90% C.L. threshold (`ReachScan`): Δχ² = 2.71 for one parameter (g at fixed M) or
/// 4.61 for two (the (M, g) plane, the Table 2 choice). `combined` has two statistics (`Statistic`):
/// 000's χ²(ν mode + ν̄ mode), Eq. (8) of the summed events with one α, and footnote 4's
/// χ²(ν mode) + χ²(ν̄ mode), each mode with its own α. `excess` and `deficit` restrict to N > N_SM
/// or N < N_SM of what the statistic compares: the summed count against the summed N_SM, or every
/// mode counted (000's solid and dot-dashed contours); a side with no crossing below g = 1 has no
/// reach.
public enum DuneSensitivity {
    public enum Mode: String, CaseIterable, Sendable { case nu, nubar, combined }
    public enum Side: String, CaseIterable, Sendable { case reach, excess, deficit }
    /// The combined analysis' χ²: 000's χ²(ν mode + ν̄ mode), Eq. (8) of the summed events with one
    /// flux pull (`summedEvents`, the default), or footnote 4's χ²(ν mode) + χ²(ν̄ mode) (`chi2Sum`).
    public enum Statistic: String, CaseIterable, Sendable {
        case summedEvents = "summed-events", chi2Sum = "chi2-sum"
    }

    public struct Setup: Sendable {
        public let pot: Double, targetTon: Double, threshold: Double, sigma: Double
        public init(_ reference: ReferenceLibrary) throws {
            func v(_ id: String) throws -> Double {
                try reference.positiveValue("dune.json", id, citedFrom: "DuneSensitivity")
            }
            pot = try v("exposurePerMode") * (try v("potPerYear")) / (try v("beamPower"))
            targetTon = try v("targetTon")
            threshold = try v("threshold")
            sigma = try v("sigmaNorm")
            // A normalisation uncertainty is a fraction; 0 would drop the pull term, not mean "none".
            guard sigma < 1 else {
                throw HarnessError.file(
                    path: "dune.json", field: "sigmaNorm",
                    message: "is \(sigma); a normalisation uncertainty is a fraction in (0, 1)")
            }
        }
    }

    public static func deltaChi2(dof: Int) -> Double { dof == 1 ? 2.705543454095404 : 4.605170185988091 }

    /// Events of one mode as (N_SM, a, b) at mass M, by one path's σ.
    static func polynomial(
        flux: TabulatedFlux, setup: Setup, electrons: Double, model: VectorModel, mass: Double,
        sw2: Double,
        sigma: (
            Flavor, Double, Double, ZPrime,
            Double
        ) throws -> Double
    ) throws -> EventPolynomial {
        func events(_ g: Double) throws -> Double {
            let z = g == 0 ? ZPrime.none : try ZPrime(model: model, g: g, mass: mass)
            var sum = 0.0
            for flavor in TabulatedFlux.flavorColumns {
                sum += try flux.integrate(flavor) { e in
                    Kinematics.maximumRecoil(
                        energy: e,
                        targetMass: Constants.electronMass) > setup.threshold
                        ? try sigma(flavor, e, setup.threshold, z, sw2) : 0
                }
            }
            return sum * setup.pot * electrons * Constants.squaredHbarCInMeV2Cm2
        }
        // N is exactly quadratic in g²; g1 keeps g²/M² fixed so that the Z' part is well above the
        // paths' 1e-10 accuracy at every mass (a tiny g1 at a heavy M would leave only rounding).
        return try quadraticInG2(mass: mass, events)
    }

    /// (N_SM, a, b) of N(g) = N_SM + a g² + b g⁴ from N at g = 0, g1, 2g1.
    static func quadraticInG2(mass: Double, _ events: (Double) throws -> Double) throws -> EventPolynomial {
        let g1 = 1e-4 * max(1, mass / 10)
        let n0 = try events(0)
        let n1 = try events(g1)
        let n2 = try events(2 * g1)
        // n1 − n0 = a g1² + b g1⁴, n2 − n0 = 4a g1² + 16 b g1⁴.
        let x = g1 * g1
        let d1 = n1 - n0
        let d2 = n2 - n0
        let b = (d2 - 4 * d1) / (12 * x * x)
        let a = (d1 - b * x * x) / x
        guard [n0, a, b].allSatisfy(\.isFinite) else {
            throw PhysicsError.unphysical("the event counts overflow at M = \(mass) MeV (coupling scale g = \(g1))")
        }
        return EventPolynomial(standardModel: n0, a: a, b: b)
    }

    /// The data sets the χ² of `mode` sums over at mass M, by one path: one mode's events, or for
    /// `combined` the two modes' events added (`summedEvents`) or kept apart (`chi2Sum`).
    public static func polynomials(
        model: VectorModel, mass: Double, mode: Mode, statistic: Statistic, path: Path,
        fluxes: [Mode: TabulatedFlux], setup: Setup, electrons: Double, sw2: Double
    ) throws -> [EventPolynomial] {
        let sigma: (Flavor, Double, Double, ZPrime, Double) throws -> Double =
            path == .closedForm
            ? { f, e, t, z, s in
                try NuElectronTotal.crossSection(f, energy: e, recoilMin: t, mediator: z, sin2ThetaW: s)
            }
            : { f, e, t, z, s in
                try NuElectronIntegrated.crossSection(f, energy: e, recoilMin: t, mediator: z, sin2ThetaW: s)
            }
        let modes: [Mode] = mode == .combined ? [.nu, .nubar] : [mode]
        let polys = try modes.map { m -> EventPolynomial in
            guard let flux = fluxes[m] else { throw PhysicsError.notApplicable("no flux for the \(m.rawValue) mode") }
            return try polynomial(
                flux: flux, setup: setup, electrons: electrons, model: model, mass: mass, sw2: sw2,
                sigma: sigma)
        }
        return mode == .combined ? combined(nu: polys[0], nubar: polys[1], statistic: statistic) : polys
    }

    /// The data sets of the combined analysis: the two modes' events added into one (000's
    /// χ²(ν mode + ν̄ mode), one α) or the two modes apart (χ²(ν mode) + χ²(ν̄ mode), an α each).
    public static func combined(
        nu: EventPolynomial, nubar: EventPolynomial, statistic: Statistic
    ) -> [EventPolynomial] {
        statistic == .summedEvents ? [EventPolynomial.sum([nu, nubar])] : [nu, nubar]
    }

    /// The reach g at mass M for one side, or nil when there is none below g = 1.
    public static func reach(
        model: VectorModel, mass: Double, mode: Mode, statistic: Statistic = .summedEvents, side: Side, dof: Int,
        path: Path, fluxes: [Mode: TabulatedFlux], setup: Setup, electrons: Double, sw2: Double
    ) throws -> Double? {
        let polys = try polynomials(
            model: model, mass: mass, mode: mode, statistic: statistic, path: path, fluxes: fluxes, setup: setup,
            electrons: electrons, sw2: sw2)
        return try ReachScan.reach(polynomials: polys, normalisation: setup.sigma, side: side, dof: dof, path: path)
    }

    /// Every side's reach at mass M and the deficit region's upper edge, the events computed once.
    public static func reaches(
        model: VectorModel, mass: Double, mode: Mode, statistic: Statistic = .summedEvents, dof: Int, path: Path,
        fluxes: [Mode: TabulatedFlux], setup: Setup, electrons: Double, sw2: Double
    ) throws -> ReachScan.Reaches {
        let polys = try polynomials(
            model: model, mass: mass, mode: mode, statistic: statistic, path: path, fluxes: fluxes, setup: setup,
            electrons: electrons, sw2: sw2)
        return try ReachScan.reaches(polynomials: polys, normalisation: setup.sigma, dof: dof, path: path)
    }
}
