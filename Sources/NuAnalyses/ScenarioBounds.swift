import Foundation
import NuCoherent
import NuPhysics

/// 002's Figs. 2-4: every bound the harness computes for one of 002's three scenarios, as a
/// function of M, in the coupling 002 draws (ε_B, ε_Z, or g_Z' for L_μ − L_τ).
///
/// - Current COHERENT: the CsI 2021 + Ar 2020 releases (002 used the 2017 CsI data, which the
///   harness does not ship), 2σ with one parameter (Δχ² = 4 from the χ² minimum, the first edge
///   of the allowed region), 002's "2σ level" for a bound at fixed M.
/// - Future COHERENT and the reactor: `Projection` (002 Sec. V, Asimov data).
/// - Atomic parity violation (`APVBound`) for the dark bosons; Borexino ⁷Be (`BorexinoBound`) for
///   L_μ − L_τ, whose electron coupling the ν-e code takes.
/// A curve with no bound at a mass (none below a gauge coupling g = 1) has nil there; an experiment
/// that cannot bound the scenario at all is listed in `absent` with the reason, never drawn as a curve.
public enum ScenarioBounds {
    public enum Scenario: String, CaseIterable, Sendable {
        case darkHypercharge, darkZ
        case lmuMinusLtau = "Lmu-Ltau"

        public var model: VectorModel {
            switch self {
            case .darkHypercharge: return ModelRegistry.darkHypercharge
            case .darkZ: return ModelRegistry.darkZ(sin2ThetaW: Constants.defaultSin2ThetaW)
            case .lmuMinusLtau: return ModelRegistry.lmuMinusLtau
            }
        }

        /// 002's figure of this scenario.
        public var figure: String {
            switch self {
            case .darkHypercharge: return "002 Fig. 2"
            case .darkZ: return "002 Fig. 3"
            case .lmuMinusLtau: return "002 Fig. 4"
            }
        }

        /// The drawn coupling's name: ε_B, ε_Z or g_Z'.
        public var couplingName: String {
            switch self {
            case .darkHypercharge: return "epsilon_B"
            case .darkZ: return "epsilon_Z"
            case .lmuMinusLtau: return "g_Z'"
            }
        }
    }

    /// One experiment's bound over the masses (nil: none below the coupling's cap at that mass).
    public struct Curve: Sendable {
        /// A stable name for the experiment (e.g. "coherent-current", "apv").
        public let key: String
        public let label: String
        public let values: [Double?]
    }

    public struct Result: Sendable {
        public let scenario: Scenario
        public let masses: [Double]
        public let curves: [Curve]
        /// Experiments 002 draws that cannot be computed here, with the reason.
        public let absent: [(label: String, why: String)]
    }

    /// The convention of the current COHERENT bound: 2σ, one parameter.
    public static let coherentConvention = try! LimitConvention(dof: 1)  // dof 1 is valid

    /// The drawn coupling per harness gauge coupling g (1 for L_μ − L_τ).
    static func drawnPerGauge(_ scenario: Scenario) throws -> Double {
        guard let dark = DarkBoson(scenario.model) else { return 1 }
        return 1 / (try dark.couplingPerEpsilon(sin2ThetaW: Constants.defaultSin2ThetaW))
    }

    /// The experiments of each scenario, by key, with their legend words (002's figure captions).
    public static func experiments(_ scenario: Scenario) -> [(key: String, label: String)] {
        let common = [
            ("coherent-current", "COHERENT CsI (2021) + Ar (2020), current"),
            ("coherent-future-1t", "COHERENT future, NaI + Ar, 1 t·yr"),
            ("coherent-future-10t", "COHERENT future, NaI + Ar, 10 t·yr"),
        ]
        switch scenario {
        case .darkHypercharge, .darkZ:
            return common + [("reactor", "reactor, Ge + Si, 100 kg·yr each"), ("apv", "atomic parity violation (Cs)")]
        case .lmuMinusLtau: return common + [("borexino", "Borexino ⁷Be")]
        }
    }

    /// Experiments 002 draws for the scenario that the harness does not, with the reason.
    public static func absent(_ scenario: Scenario) -> [(label: String, why: String)] {
        switch scenario {
        case .darkHypercharge, .darkZ:
            return [("fixed target (E774, E141, E137)", "not in the seeds: draw its edge with --overlay FILE.csv")]
        case .lmuMinusLtau:
            return [
                ("CCFR (neutrino trident)", "not computed yet: trident production, issue 22"),
                ("reactor", "no bound: ν̄_e has no L_μ − L_τ coupling"),
                ("atomic parity violation", "no bound: the loop-induced electron coupling is vector"),
            ]
        }
    }

    /// One experiment's bound (key of `experiments`) at mass M (MeV) in the drawn coupling, nil where
    /// there is none below a coupling of 1.
    public static func bound(
        _ key: String, scenario: Scenario, mass: Double, path: Path, context: CoherentContext = .shared
    ) throws -> Double? {
        let model = scenario.model
        func projected(_ name: String) throws -> Double? {
            try Projection.bound(
                model: model, experiment: try ProjectionSetup.experiment(name, context: context), mass: mass,
                path: path, context: context)
        }
        switch key {
        case "coherent-current":
            let point = try context.limitAnalysis("combined").curve(
                .vector(model), masses: [mass], convention: coherentConvention, minimisation: path)[0]
            // As for the projections: no bound below a gauge coupling of 1 is no bound.
            guard point.g <= 1 else { return nil }
            return point.g * (try drawnPerGauge(scenario))
        case "coherent-future-1t": return try projected("NaIAr-1t")
        case "coherent-future-10t": return try projected("NaIAr-10t")
        case "reactor" where scenario != .lmuMinusLtau: return try projected("reactor-GeSi")
        case "apv" where scenario != .lmuMinusLtau:
            return try APVBound.bound(model: model, mass: mass, path: path, context: context)
        case "borexino" where scenario == .lmuMinusLtau:
            return try BorexinoBound.bound(model: model, mass: mass, path: path, context: context)
        default:
            throw PhysicsError.unknown(
                "experiment '\(key)' for \(scenario.rawValue) (expected "
                    + experiments(scenario).map(\.key).joined(separator: ", ") + ")")
        }
    }

    /// Every bound of the scenario over `masses` (MeV).
    public static func compute(
        _ scenario: Scenario, masses: [Double], path: Path = .closedForm, context: CoherentContext = .shared
    ) throws -> Result {
        let curves = try experiments(scenario).map { e in
            Curve(
                key: e.key, label: e.label,
                values: try masses.map { try bound(e.key, scenario: scenario, mass: $0, path: path, context: context) })
        }
        return Result(scenario: scenario, masses: masses, curves: curves, absent: absent(scenario))
    }
}
