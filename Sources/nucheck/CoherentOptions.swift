import ArgumentParser
import Foundation
import NuAnalyses
import NuCoherent
import NuPhysics
import NuRegistry
import NuReports
import NuValidation

/// The CsI BRN and NIN counts: the release's unless both are given.
struct CsIBackgroundOptions: ParsableArguments {
    @Option(
        name: .customLong("csi-brn"),
        help: ArgumentHelp(
            "CsI beam-related-neutron events in 0-60 PE, 0-6 µs before the time efficiency (default: 18.4, from the "
                + "release files).")
    )
    var brn: Double?
    @Option(
        name: .customLong("csi-nin"),
        help: ArgumentHelp(
            "CsI neutrino-induced-neutron events in 0-60 PE, 0-6 µs before the time efficiency (default: 5.6, from the "
                + "release files).")
    )
    var nin: Double?

    func counts() throws -> CsINeutronCounts? {
        switch (brn, nin) {
        case (nil, nil): return nil
        case (let b?, let n?): return try CsINeutronCounts(brn: b, nin: n)
        default:
            throw PhysicsError.notApplicable("give both --csi-brn and --csi-nin, or neither for the release's counts")
        }
    }
}

/// The analysis inputs and the convention of a bound.
struct LimitConventionOptions: ParsableArguments {
    @Option(help: "Analysis inputs: release (the data release's exposure numbers) or paper (004's printed ones).")
    var inputs: String = "release"
    @Option(
        help: ArgumentHelp(
            "Parameters of the 2σ (95.45% CL) threshold: 1 (Δχ² = 4) or 2 (Δχ² = 6.18, the (M, g) plane; 004's Table 2 "
                + "convention).")
    )
    var dof: Int = 2
    @Option(
        name: .customLong("delta-from"),
        help: "Count Δχ² from the χ² minimum over the coupling (minimum) or from the SM point (standardModel).")
    var deltaFrom: String = "minimum"

    func inputSet() throws -> InputSet {
        guard let set = InputSet(rawValue: inputs) else {
            throw PhysicsError.unknown("input set '\(inputs)' (expected release or paper)")
        }
        return set
    }

    func reference() throws -> LimitConvention.Reference {
        guard let r = LimitConvention.Reference(rawValue: deltaFrom) else {
            throw PhysicsError.unknown("--delta-from '\(deltaFrom)' (expected minimum or standardModel)")
        }
        return r
    }

    func edge(_ text: String?) throws -> AsymptoticLimit.Edge? {
        guard let text else { return nil }
        guard let e = AsymptoticLimit.Edge(rawValue: text) else {
            throw PhysicsError.unknown("edge '\(text)' (expected first or outer)")
        }
        return e
    }
}
