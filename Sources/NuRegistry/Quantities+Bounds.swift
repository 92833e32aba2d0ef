import Foundation
import NuAnalyses
import NuCoherent
import NuPhysics

/// The keys of every scenario's experiments (the `of` and `to` choices).
private let boundKeys = Array(
    Set(ScenarioBounds.Scenario.allCases.flatMap { ScenarioBounds.experiments($0).map(\.key) })
).sorted()

extension QuantityRegistry {
    static let boundsCompare = Quantity(
        "bounds.compare",
        "002 Figs. 2-4: two experiments' 2σ bounds at mass M (`nucheck bounds`), in the coupling 002 draws: "
            + "ratio = bound(of)/bound(to); stronger = +1 when `of` bounds lower, −1 otherwise; comparable = 1 "
            + "when they are within a factor 2 (this harness's reading of 002's 'comparable'), 0 otherwise. Each "
            + "path computes both bounds (closed-form rates and χ² minima vs quadrature and GSL minimisers)",
        units: "dimensionless",
        inputs: [
            InputSpec(
                "scenario", .choice(ScenarioBounds.Scenario.allCases.map(\.rawValue)),
                "darkHypercharge (002 Fig. 2), darkZ (Fig. 3) or Lmu-Ltau (Fig. 4)"),
            InputSpec("mass", .energy, "mediator mass M"),
            InputSpec("of", .choice(boundKeys), "the experiment compared"),
            InputSpec("to", .choice(boundKeys), "the experiment it is compared with"),
            InputSpec(
                "measure", .choice(["ratio", "stronger", "comparable"]), default: "ratio",
                "ratio of the bounds, which is stronger, or whether they are within a factor 2"),
        ],
        decode: { v in
            let scenario = ScenarioBounds.Scenario(rawValue: try v.choice("scenario"))!
            let (of, to) = (try v.choice("of"), try v.choice("to"))
            let keys = ScenarioBounds.experiments(scenario).map(\.key)
            for key in [of, to] where !keys.contains(key) {
                throw InputError.conflicting(
                    "\(scenario.rawValue) has no '\(key)' bound (it has \(keys.joined(separator: ", ")))")
            }
            guard of != to else { throw InputError.conflicting("of and to name the same experiment, '\(of)'") }
            return (
                scenario: scenario, mass: try v.energy("mass"), of: of, to: to, measure: try v.choice("measure"),
                context: v.context
            )
        },
        closed: { i in try compareBounds(i, .closedForm) },
        numerical: { i in try compareBounds(i, .numerical) },
        ledger: Ledger(
            closed: ["NuAnalyses.ScenarioBounds.bound"], numerical: ["NuAnalyses.ScenarioBounds.bound"],
            shared: [
                (
                    .scan,
                    "ScenarioBounds.bound: each experiment's bound by its own analysis (COHERENT limits, "
                        + "Projection, APVBound, BorexinoBound), each run on the path asked for"
                ),
                (.data, "the COHERENT releases and Reference/ (projections, reactor, borexino, 002)"),
                (
                    .response,
                    "the current-COHERENT bound's folded response and closed-form CEvNS prediction (as "
                        + "coherent.bound: its two paths differ only in the χ² minimisers)"
                ),
            ]),
        agreement: { _ in .tolerance(relative: 1e-6, absolute: 1e-9) })
}

private func compareBounds(
    _ i: (
        scenario: ScenarioBounds.Scenario, mass: Double, of: String, to: String, measure: String,
        context: CoherentContext
    ),
    _ path: Path
) throws -> Double {
    func bound(_ key: String) throws -> Double {
        guard let b = try ScenarioBounds.bound(key, scenario: i.scenario, mass: i.mass, path: path, context: i.context)
        else {
            throw PhysicsError.notApplicable("\(key) sets no bound on \(i.scenario.rawValue) at this mass")
        }
        return b
    }
    let ratio = try bound(i.of) / bound(i.to)
    switch i.measure {
    case "stronger": return ratio < 1 ? 1 : -1
    case "comparable": return ratio >= 0.5 && ratio <= 2 ? 1 : 0
    default: return ratio
    }
}
