import Foundation
import NuAnalyses
import NuPhysics

/// The models a projection takes: every vector U(1)' model, the dark Z and the dark hypercharge boson.
let projectionModelChoices = ModelRegistry.all.map(\.name) + ["darkZ", "GB(cB,ce,cmu,ctau)"]

/// The inputs every projection quantity takes: the experiment and how its source is normalised.
let projectionExperimentInputs = [
    InputSpec(
        "experiment", .choice(ProjectionSetup.experimentNames),
        "002 Sec. V experiment (Reference/projections.json): reactor Ge, Si, Ge+Si (100 kg yr each, 100 eV, 1 dru); "
            + "COHERENT NaI, Ar, NaI+Ar at 1 or 10 t yr each (2 keV, 5e-3 dru); 20 bins each"),
    InputSpec(
        "snsFlux", .choice(ProjectionSetup.SNSFlux.allCases.map(\.rawValue)), default: "corrected",
        "NaI/Ar only: corrected (4.29e7 cm^-2 s^-1, the default) or printed (002's 4.29e9)"),
    InputSpec(
        "belowFit", .choice(ReactorSpectrum.BelowFit.allCases.map(\.rawValue)), default: "extrapolate",
        "reactor only: the spectrum below Vogel-Engel's 2 MeV: extrapolate (default), flat or zero"),
]

/// The model inputs: a vector model, its mass and its coupling (g, or ε for a dark boson).
let projectionModelInputs = [
    InputSpec("model", .choice(projectionModelChoices), "vector model (darkZ, darkHypercharge: 002 Eqs. (7)-(8))"),
    InputSpec("mass", .energy, "mediator mass M"),
]

extension QuantityRegistry {
    static let projectionEvents = Quantity(
        "projection.events",
        "002 Sec. V: CEvNS events of a projected experiment (all bins, or bin k counted detector after detector), "
            + "N_SM + a g² + b g⁴ from each path's bins: closed-form dσ/dT (Helm) folded with the source by "
            + "Gauss-Legendre vs the numerical-path dσ/dT (form factors by quadrature) folded by GSL QAGS",
        units: "events",
        inputs: projectionExperimentInputs + [
            InputSpec("model", .choice(["SM"] + projectionModelChoices), default: "SM", "SM, or a vector model"),
            InputSpec("mass", .energy, "mediator mass M (with a model)"),
            InputSpec("g", .number, "gauge coupling of a U(1)' model"),
            InputSpec("eps", .number, "mixing ε of darkZ or darkHypercharge (002's normalisation)"),
            InputSpec("bin", .number, "1-based bin, detector after detector (absent: all bins)"),
        ],
        decode: { v in try v.projectionEventsInputs() },
        closed: { i in try evaluateProjectionEvents(i, .closedForm) },
        numerical: { i in try evaluateProjectionEvents(i, .numerical) },
        ledger: Ledger(
            closed: [
                "NuClosedForm.ProjectionRates.binCoefficients", "NuClosedForm.SourceFolding.kinematicIntegral",
                "NuClosedForm.SourceFolding.reactorNormalisation", "NuClosedForm.FluxFolding.energyIntegrals",
                "NuClosedForm.CEvNS.weakCharge", "NuClosedForm.GaussLegendre.adaptive",
                "NuAnalyses.Projection.events",
            ],
            numerical: [
                "NuNumerical.ProjectionRatesQuadrature.binCoefficients",
                "NuNumerical.SourceFoldingQuadrature.kinematicIntegral",
                "NuNumerical.SourceFoldingQuadrature.reactorNormalisation", "NuNumerical.CEvNSNumerical.weakCharge",
                "NuNumerical.CEvNSNumerical.nucleonFormFactors", "GSLKit.Quadrature.integrate",
                "NuAnalyses.Projection.events",
            ],
            shared: projectionShared))

    static let projectionBound = Quantity(
        "projection.bound",
        "002 Sec. V: the 2σ bound on g (U(1)' models) or ε (darkZ, darkHypercharge) of a projected experiment at "
            + "mass M: Asimov data, Eq. (14) with the flat background and σ_β = 0.1 (002_abdullah_et_al.json), "
            + "minimised over β (Eq. (15) vs GSL simplex), first crossing of Δχ² = 4 (dof=1) or 6.18 (dof=2) "
            + "refined in ln g (bisection vs GSL Brent); measure=exists (+1/−1: a bound below coupling 1), "
            + "range (+1 when low < bound < high), compare (+1 when stronger than `against`), ratio (bound over "
            + "`against`'s)",
        units: "dimensionless (g or eps; +1/-1 for exists, range, compare)",
        inputs: projectionExperimentInputs + projectionModelInputs + [
            InputSpec("dof", .choice(["1", "2"]), default: "1", "2σ threshold for 1 (Δχ² = 4) or 2 (6.18) parameters"),
            InputSpec(
                "measure", .choice(["bound", "exists", "range", "compare", "ratio"]), default: "bound",
                "bound; exists; range (needs low, high); compare or ratio (need against)"),
            InputSpec("low", .number, "measure=range: lower end"),
            InputSpec("high", .number, "measure=range: upper end"),
            InputSpec(
                "against", .choice(ProjectionSetup.experimentNames), "measure=compare|ratio: the other experiment"),
        ],
        decode: { v in try v.projectionBoundInputs() },
        closed: { i in try evaluateProjectionBound(i, .closedForm) },
        numerical: { i in try evaluateProjectionBound(i, .numerical) },
        ledger: Ledger(
            closed: [
                "NuClosedForm.ProjectionRates.binCoefficients", "NuClosedForm.SourceFolding.kinematicIntegral",
                "NuClosedForm.FluxFolding.energyIntegrals", "NuClosedForm.CEvNS.weakCharge",
                "NuClosedForm.GaussLegendre.adaptive", "NuClosedForm.Chi2.abdullahMinimum",
                "NuClosedForm.BracketingRoot.bisect", "NuAnalyses.Projection.bound",
            ],
            numerical: [
                "NuNumerical.ProjectionRatesQuadrature.binCoefficients",
                "NuNumerical.SourceFoldingQuadrature.kinematicIntegral", "NuNumerical.CEvNSNumerical.weakCharge",
                "GSLKit.Quadrature.integrate", "NuNumerical.Chi2Minimization.abdullahMinimum",
                "GSLKit.Minimizer.simplex", "GSLKit.RootFinding.brent", "NuAnalyses.Projection.bound",
            ],
            shared: projectionShared + [
                (
                    .scan,
                    "Projection.bound and Projection.Scan: the Asimov data N_SM, the 1/20-decade scan in ln g "
                        + "from 1e-9 to a coupling of 1 through which each path's χ² goes; σ_β from "
                        + "002_abdullah_et_al.json"
                )
            ]),
        agreement: { inputs in
            ["exists", "range", "compare"].contains(inputs["measure"] ?? "bound")
                ? .tolerance(relative: 0, absolute: 0) : .tolerance(relative: 1e-6, absolute: 0)
        })
}

let projectionShared: [(Ledger.Shared.Kind, String)] = [
    (
        .data,
        "Reference/projections.json (thresholds, exposures, backgrounds, bins, fluxes, the experiments), "
            + "Reference/reactor.json (Vogel-Engel spectrum, fission fractions, checked against Huber-Mueller), N_A"
    ),
    (
        .physicsInputs,
        "ReactorSpectrum's S(E), PionDecayFlux's spectra, ProjectionDetector's bins, exposure normalisation and "
            + "backgrounds, ModelRegistry's charges (darkZ at the default s_W²), DrawnCoupling's g/ε"
    ),
    (.nuclearData, "Z, N, masses, radii and abundances of NuclearData and TargetRegistry"),
    (
        .response,
        "ProjectionDetector.binSums: each path's per-bin terms summed over the target's nuclei and the source's "
            + "flavours, times the events per rate"
    ),
    (.scan, "Projection.events: turns each path's (N_SM, a, b) per bin into EventPolynomial"),
]

/// Decoded inputs of projection.events.
private struct ProjectionEventsInputs {
    let experiment: ProjectionExperiment
    let model: VectorModel?, mass: Double, g: Double
    let bin: Int?
}

/// Decoded inputs of projection.bound.
private struct ProjectionBoundInputs {
    enum Measure {
        case bound, exists, range(Double, Double), compare(ProjectionExperiment), ratio(ProjectionExperiment)
    }
    let experiment: ProjectionExperiment
    let model: VectorModel, mass: Double, dof: Int
    let measure: Measure
}

extension InputValues {
    /// The options of the experiments named (`experiment`, and `against` where the measure reads it):
    /// snsFlux is refused unless one of them is NaI/Ar, belowFit unless one is a reactor.
    fileprivate func projectionOptions(_ names: [String]) throws -> ProjectionSetup.Options {
        let reactor = names.contains { $0.hasPrefix("reactor") }
        let sns = names.contains { !$0.hasPrefix("reactor") }
        if !sns, given.contains("snsFlux") {
            throw InputError.conflicting(
                "snsFlux is for the NaI/Ar experiments, not \(names.joined(separator: ", "))")
        }
        if !reactor, given.contains("belowFit") {
            throw InputError.conflicting(
                "belowFit is for the reactor experiments, not \(names.joined(separator: ", "))")
        }
        var options = ProjectionSetup.Options()
        if reactor { options.belowFit = try ReactorSpectrum.BelowFit.parse(try choice("belowFit")) }
        if sns { options.snsFlux = try ProjectionSetup.SNSFlux.parse(try choice("snsFlux")) }
        return options
    }

    /// The model (s_W² at its default: the dark Z's charges and g/ε use the same).
    fileprivate func projectionModel() throws -> VectorModel {
        let name = try text("model")
        return try ModelRegistry.lookup(name)
    }

    fileprivate func projectionEventsInputs() throws -> ProjectionEventsInputs {
        let name = try choice("experiment")
        let experiment = try ProjectionSetup.experiment(name, context: context, options: try projectionOptions([name]))
        var bin: Int? = nil
        if has("bin") {
            let k = try number("bin")
            let total = experiment.detectors.reduce(0) { $0 + $1.bins }
            guard k == k.rounded(), k >= 1, k <= Double(total) else {
                throw InputError.conflicting("bin must be a whole number from 1 to \(total), got \(k)")
            }
            bin = Int(k)
        }
        guard (try text("model")).lowercased() != "sm" else {
            if let key = ["g", "eps", "mass"].first(where: { given.contains($0) }) {
                throw InputError.conflicting("input '\(key)' needs a model (model=SM has no mediator)")
            }
            return ProjectionEventsInputs(experiment: experiment, model: nil, mass: 0, g: 0, bin: bin)
        }
        let model = try projectionModel()
        let mass = try energy("mass")
        let perMixing = try DrawnCoupling.gaugePerMixing(model, sin2ThetaW: Constants.defaultSin2ThetaW)
        let (wanted, other) = perMixing == nil ? ("g", "eps") : ("eps", "g")
        if given.contains(other) {
            throw InputError.conflicting("\(model.name) takes its coupling as \(wanted), not \(other)")
        }
        let coupling = try number(wanted)
        try requireFinite(coupling, wanted)
        return ProjectionEventsInputs(
            experiment: experiment, model: model, mass: mass, g: coupling * (perMixing ?? 1), bin: bin)
    }

    fileprivate func projectionBoundInputs() throws -> ProjectionBoundInputs {
        let measureName = try choice("measure")
        for (key, users) in [("low", ["range"]), ("high", ["range"]), ("against", ["compare", "ratio"])]
        where given.contains(key) && !users.contains(measureName) {
            throw InputError.conflicting("\(key) is only used with measure=\(users.joined(separator: "|"))")
        }
        let name = try choice("experiment")
        let against = ["compare", "ratio"].contains(measureName) ? try choice("against") : nil
        let options = try projectionOptions([name] + (against.map { [$0] } ?? []))
        let experiment = try ProjectionSetup.experiment(name, context: context, options: options)
        let model = try projectionModel()
        let mass = try energy("mass")
        try requirePositive(mass, "mediator mass")
        let dof = Int(try choice("dof"))!
        let measure: ProjectionBoundInputs.Measure
        switch measureName {
        case "exists": measure = .exists
        case "range":
            let (low, high) = (try number("low"), try number("high"))
            guard low.isFinite, high.isFinite, low > 0, low < high else {
                throw InputError.conflicting("measure=range needs 0 < low < high, got \(low), \(high)")
            }
            measure = .range(low, high)
        case "compare", "ratio":
            let other = try ProjectionSetup.experiment(against!, context: context, options: options)
            measure = measureName == "compare" ? .compare(other) : .ratio(other)
        default: measure = .bound
        }
        return ProjectionBoundInputs(experiment: experiment, model: model, mass: mass, dof: dof, measure: measure)
    }
}

private func evaluateProjectionEvents(_ i: ProjectionEventsInputs, _ path: Path) throws -> Double {
    let bins = try Projection.events(i.experiment, model: i.model, mass: i.mass, path: path).flatMap { $0 }
    if let k = i.bin { return bins[k - 1].events(i.g) }
    return bins.reduce(0) { $0 + $1.events(i.g) }
}

private func evaluateProjectionBound(_ i: ProjectionBoundInputs, _ path: Path) throws -> Double {
    let bound = { (e: ProjectionExperiment) in
        try Projection.bound(model: i.model, experiment: e, mass: i.mass, path: path, dof: i.dof)
    }
    let own = try bound(i.experiment)
    switch i.measure {
    case .bound:
        guard let own else {
            throw PhysicsError.notApplicable(
                "\(i.experiment.name) sets no bound on \(i.model.name) below a coupling of 1 at M = \(i.mass) MeV")
        }
        return own
    case .exists: return own == nil ? -1 : 1
    case .range(let low, let high): return own.map { low < $0 && $0 < high ? 1 : -1 } ?? -1
    case .compare(let other):
        guard let own else { return -1 }
        return (try bound(other)).map { own < $0 ? 1 : -1 } ?? 1
    case .ratio(let other):
        guard let own, let theirs = try bound(other) else {
            throw PhysicsError.notApplicable("the ratio needs a bound from both \(i.experiment.name) and the other")
        }
        return own / theirs
    }
}
