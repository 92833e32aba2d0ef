import Foundation
import NuCoherent
import NuData
import NuPhysics

/// 002 Sec. V's projected experiments as `Reference/projections.json` describes them (detectors,
/// thresholds, exposures, backgrounds, bins, fluxes), with the reactor spectrum of
/// `Reference/reactor.json` (`ReactorSpectrumData`) and N_A from `coherent.json`. Every number is
/// checked where it enters: a missing, zero or negative one, a fractional number of bins or an
/// unknown target is an error naming the file and the entry (exit 5), never a number passed on.
public enum ProjectionSetup {
    /// The experiments `projections.json` must define, in this order (the quantities' choices).
    public static let experimentNames = [
        "reactor-Ge", "reactor-Si", "reactor-GeSi", "NaI-1t", "Ar-1t", "NaIAr-1t", "NaI-10t", "Ar-10t",
        "NaIAr-10t",
    ]

    /// Which SNS flux normalisation the π-DAR experiments use (`sns.flux.*` of projections.json).
    public enum SNSFlux: String, CaseIterable, Sendable, NamedChoice {
        /// 4.29e7 cm⁻²s⁻¹: 002's number with the exponent the SNS gives (the default).
        case corrected
        /// 4.29e9 cm⁻²s⁻¹ as 002 prints it.
        case printed
        public static let inputName = "snsFlux"
    }

    /// The choices an experiment is built with.
    public struct Options: Sendable, Hashable {
        public var snsFlux: SNSFlux
        public var belowFit: ReactorSpectrum.BelowFit
        public init(snsFlux: SNSFlux = .corrected, belowFit: ReactorSpectrum.BelowFit = .extrapolate) {
            self.snsFlux = snsFlux
            self.belowFit = belowFit
        }
    }

    /// One detector as the file describes it: its target's name, its source and the ids of its numbers.
    struct DetectorEntry: Sendable {
        let target: Target, source: String, threshold: String, exposure: String, background: String, bins: String
    }

    /// The file read once: the experiments' descriptions and every number, checked.
    struct Loaded: Sendable {
        let experiments: [(name: String, summary: String, detectors: [DetectorEntry])]
        let numbers: [String: Double]
        let reactor: ReactorSpectrum
        let avogadro: Double
    }

    static let file = "projections.json"

    /// Every experiment of the file, built with `options`.
    public static func experiments(
        _ context: CoherentContext = .shared, options: Options = Options()
    ) throws -> [ProjectionExperiment] {
        let loaded = try load(context)
        return try loaded.experiments.map { try build($0, loaded, options) }
    }

    /// The experiment called `name` (one of `experimentNames`).
    public static func experiment(
        _ name: String, context: CoherentContext = .shared, options: Options = Options()
    ) throws -> ProjectionExperiment {
        let loaded = try load(context)
        guard let found = loaded.experiments.first(where: { $0.name.lowercased() == name.lowercased() }) else {
            throw PhysicsError.unknown("experiment '\(name)' (known: \(experimentNames.joined(separator: ", ")))")
        }
        return try build(found, loaded, options)
    }

    /// The reactor spectrum of `reactor.json` with the flux of `projections.json` (extrapolated below 2 MeV).
    public static func reactorSpectrum(_ context: CoherentContext = .shared) throws -> ReactorSpectrum {
        try load(context).reactor
    }

    static func build(
        _ e: (name: String, summary: String, detectors: [DetectorEntry]), _ l: Loaded, _ options: Options
    ) throws -> ProjectionExperiment {
        let detectors = try e.detectors.map { d -> ProjectionDetector in
            let source: NeutrinoSource =
                d.source == "reactor"
                ? .reactor(l.reactor.with(belowFit: options.belowFit))
                : .pionDecayAtRest(totalFlux: l.numbers["sns.flux.\(options.snsFlux.rawValue)"]!)
            return try ProjectionDetector(
                target: d.target, source: source, threshold: l.numbers[d.threshold]! / 1000,
                exposure: l.numbers[d.exposure]!, background: l.numbers[d.background]!,
                bins: Int(l.numbers[d.bins]!), daysPerYear: l.numbers["daysPerYear"]!, avogadro: l.avogadro)
        }
        return try ProjectionExperiment(name: e.name, summary: e.summary, detectors: detectors)
    }

    static func load(_ context: CoherentContext) throws -> Loaded {
        try context.memo("projections") { try read(context) }
    }

    private static func read(_ context: CoherentContext) throws -> Loaded {
        let library = try context.referenceLibrary()
        let url = try context.referenceDirectory().appendingPathComponent(file)
        let root = try JSONObject.load(url)
        var numbers: [String: Double] = [:]
        // Every number of the file is checked, whichever experiment is asked for.
        for key in library.entries.keys where key.hasPrefix("\(file)#") {
            let id = String(key.dropFirst(file.count + 1))
            numbers[id] = try library.positiveValue(file, id, citedFrom: "ProjectionSetup")
        }
        for required in ["daysPerYear", "sns.flux.printed", "sns.flux.corrected", "reactor.flux"]
        where numbers[required] == nil {
            throw HarnessError.file(path: file, field: required, message: "is missing")
        }
        var experiments: [(name: String, summary: String, detectors: [DetectorEntry])] = []
        for (i, raw) in try root.array("experiments").enumerated() {
            let o = try JSONObject(raw, path: file, context: "experiments[\(i)]")
            try o.allowOnly(["name", "summary", "detectors"])
            let detectors = try o.array("detectors").enumerated().map { j, rawDetector in
                try detector(JSONObject(rawDetector, path: file, context: "\(o.context).detectors[\(j)]"), numbers)
            }
            guard !detectors.isEmpty else {
                throw HarnessError.file(path: file, field: o.name("detectors"), message: "is empty")
            }
            experiments.append((try o.string("name"), try o.string("summary"), detectors))
        }
        guard experiments.map(\.name) == experimentNames else {
            throw HarnessError.file(
                path: file, field: "experiments",
                message: "must define \(experimentNames.joined(separator: ", ")) in this order (the quantities' "
                    + "choices), got \(experiments.map(\.name).joined(separator: ", "))")
        }
        let avogadro = try context.inputs(.release)("avogadro")
        let reactor = try ReactorSpectrumData.spectrum(library, totalFlux: numbers["reactor.flux"]!)
        return Loaded(experiments: experiments, numbers: numbers, reactor: reactor, avogadro: avogadro)
    }

    private static func detector(_ o: JSONObject, _ numbers: [String: Double]) throws -> DetectorEntry {
        try o.allowOnly(["target", "source", "threshold", "exposure", "background", "bins"])
        let target: Target
        do { target = try TargetRegistry.lookup(try o.string("target")) } catch let error as PhysicsError {
            throw HarnessError.file(path: o.path, field: o.name("target"), message: error.description)
        }
        let source = try o.string("source")
        guard ["reactor", "sns"].contains(source) else {
            throw HarnessError.file(path: o.path, field: o.name("source"), message: "'\(source)' is not reactor or sns")
        }
        var ids: [String] = []
        for field in ["threshold", "exposure", "background", "bins"] {
            let id = try o.string(field)
            guard numbers[id] != nil else {
                throw HarnessError.file(
                    path: o.path, field: o.name(field), message: "names '\(id)', which has no entry")
            }
            ids.append(id)
        }
        let bins = numbers[ids[3]]!
        guard bins == bins.rounded(), bins <= 10_000 else {
            throw HarnessError.file(
                path: o.path, field: ids[3], message: "is \(bins); a number of bins is a whole number ≤ 10000")
        }
        return DetectorEntry(
            target: target, source: source, threshold: ids[0], exposure: ids[1], background: ids[2], bins: ids[3])
    }
}
