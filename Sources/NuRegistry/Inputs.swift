import Foundation
import NuCoherent
import NuPhysics

/// The kinds of input a quantity takes on the command line and in fixtures.
public enum InputKind: Sendable, Equatable {
    /// An energy, mass or momentum written with its unit ("30MeV", "10keV"); stored in MeV.
    case energy
    /// A plain dimensionless number ("1e-4").
    case number
    /// One of a fixed set of words.
    case choice([String])
    /// Comma-separated dimensionless numbers ("10,12,9").
    case list
}

/// One input of a quantity: its name, kind, default (nil when required) and meaning.
public struct InputSpec: Sendable {
    public let name: String
    public let kind: InputKind
    public let defaultValue: String?
    public let summary: String

    public init(_ name: String, _ kind: InputKind, default defaultValue: String? = nil, _ summary: String) {
        self.name = name
        self.kind = kind
        self.defaultValue = defaultValue
        self.summary = summary
    }

    /// "energy (e.g. 30MeV)", "g (number)", for `nucheck list`.
    public var unitHint: String {
        switch kind {
        case .energy: return "energy with unit: eV, keV, MeV or GeV"
        case .number: return "dimensionless number"
        case .choice(let options): return options.joined(separator: "|")
        case .list: return "comma-separated numbers"
        }
    }
}

/// Inputs as given (`key=value` strings), checked against a quantity's specs: unknown keys and
/// missing required inputs are errors, defaults fill the rest. Every read is recorded, so that an
/// input that was given but that the evaluation never read is refused (`unusedInputs`), not
/// silently ignored.
public struct InputValues: Sendable {
    /// Every input, given or defaulted (as text).
    public let raw: [String: String]
    /// The keys the caller gave.
    public let given: Set<String>
    let specs: [String: InputSpec]
    /// Where data-reading quantities find the releases, `Reference/` and what is made from them.
    public let context: CoherentContext
    private let reads = ReadLog()

    public init(_ given: [String: String], specs: [InputSpec], context: CoherentContext = .shared) throws {
        self.context = context
        let table = Dictionary(specs.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        for key in given.keys.sorted() where table[key] == nil {
            throw InputError.unknownKey(key, allowed: specs.map(\.name))
        }
        // An empty value (`flux=`) would read as a default or a path ("" is the working directory).
        if let key = given.filter({ $0.value.trimmingCharacters(in: .whitespaces).isEmpty }).keys.sorted().first {
            throw InputError.conflicting("input '\(key)' is empty (give it a value, or leave it out)")
        }
        var values = given
        for spec in specs where values[spec.name] == nil {
            if let d = spec.defaultValue { values[spec.name] = d }
        }
        raw = values
        self.given = Set(given.keys)
        self.specs = table
    }

    /// The value of `name` as text, if given or defaulted (recorded as read).
    func value(_ name: String) -> String? {
        reads.insert(name)
        return raw[name]
    }

    /// The text of `name`. A word input comes back as the spelling of its choice (matched
    /// case-insensitively); where the choices are all plain words, anything else is refused here.
    /// Choices with a pattern ("GB(cB,ce,cmu,ctau)", "A:w,B:w") leave other text to their parser.
    func text(_ name: String) throws -> String {
        guard let value = value(name) else { throw InputError.missing(name) }
        guard case .choice(let options)? = specs[name]?.kind else { return value }
        if let match = options.first(where: { $0.lowercased() == value.lowercased() }) { return match }
        guard options.contains(where: { $0.contains("(") || $0.contains(":") }) else {
            throw PhysicsError.unknown("\(name) '\(value)' (expected \(options.joined(separator: ", ")))")
        }
        return value
    }

    public func has(_ name: String) -> Bool { value(name) != nil }

    /// The inputs given or read (defaults the evaluation did not use are left out), word inputs
    /// in their choice's spelling: the agreement and the printed inputs follow what was evaluated.
    public var usedValues: [String: String] {
        let read = reads.names
        var used = raw.filter { given.contains($0.key) || read.contains($0.key) }
        for (key, value) in used {
            guard case .choice(let options)? = specs[key]?.kind else { continue }
            if let match = options.first(where: { $0.lowercased() == value.lowercased() }) { used[key] = match }
        }
        return used
    }

    /// The given inputs no evaluation has read so far, sorted.
    public var unusedInputs: [String] { given.subtracting(reads.names).sorted() }

    /// sin²θ_W from `sw2`, in (0, 1).
    public func sin2ThetaW() throws -> Double {
        let s = try number("sw2")
        guard s > 0, s < 1 else { throw PhysicsError.unphysical("sw2 = sin²θ_W must lie in (0, 1), got \(s)") }
        return s
    }

    /// The U(1)' model named by `key`; reads `sw2` only for a model whose charges depend on it.
    public func vectorModel(_ key: String = "model") throws -> VectorModel {
        let name = try text(key)
        if ["sm", "scalar", "custom"].contains(name.lowercased()) {
            let models = ModelRegistry.all.map(\.name).joined(separator: ", ")
            throw InputError.conflicting(
                "\(key)=\(name): this needs a U(1)' model (\(models), darkZ, "
                    + "GB(cB,ce,cmu,ctau))")
        }
        return try ModelRegistry.lookup(
            name,
            sin2ThetaW: ModelRegistry.dependsOnSin2ThetaW(name) ? try sin2ThetaW() : Constants.defaultSin2ThetaW)
    }

    /// An energy input in MeV: every energy, mass and momentum the harness takes is ≥ 0.
    public func energy(_ name: String) throws -> Double {
        let e = try UnitParser.energy(try text(name), name: name)
        guard e >= 0 else { throw PhysicsError.unphysical("input '\(name)' must be ≥ 0, got \(e) MeV") }
        return e
    }
    /// A dimensionless input.
    public func number(_ name: String) throws -> Double { try UnitParser.number(try text(name), name: name) }
    /// A word input, checked against the spec's choices (case-insensitive; see `text`).
    public func choice(_ name: String) throws -> String { try text(name) }
    public func list(_ name: String) throws -> [Double] {
        let parts = try text(name).split(separator: ",")
        guard !parts.isEmpty else { throw InputError.notANumber(name: name, text: "") }
        return try parts.map { try UnitParser.number(String($0), name: name) }
    }
    public func flavor(_ name: String = "flavor") throws -> Flavor { try Flavor.parse(try text(name)) }
    public func lepton(_ name: String) throws -> Lepton { try Lepton.parse(try text(name)) }

    /// The Z' from `model`, `g`, `mass` (and, for model=custom, gVe, gAe, gVmu, gAmu, gVtau,
    /// gAtau). model=SM or no model is the Standard Model.
    public func mediator() throws -> ZPrime {
        let name = value("model") ?? "SM"
        let customKeys = raw.keys.filter { $0.hasPrefix("gV") || $0.hasPrefix("gA") }.sorted()
        if name.lowercased() != "custom", let key = customKeys.first {
            throw InputError.conflicting("input '\(key)' is only used with model=custom")
        }
        if name.lowercased() == "sm" {
            if let key = ["g", "mass"].first(where: { raw[$0] != nil }) {
                throw InputError.conflicting("input '\(key)' needs a model (model=SM has no mediator)")
            }
            return .none
        }
        // The model first: an unknown name is the error to report, not a missing mass.
        let model = name.lowercased() == "custom" ? nil : try vectorModel()
        let mass = try energy("mass")
        if name.lowercased() == "custom" {
            if has("g") { throw InputError.conflicting("model=custom takes gVe … gAtau, not g") }
            var couplings: [Lepton: LeptonCouplings] = [:]
            for lepton in Lepton.allCases {
                let v = has("gV\(lepton.rawValue)") ? try number("gV\(lepton.rawValue)") : 0
                let a = has("gA\(lepton.rawValue)") ? try number("gA\(lepton.rawValue)") : 0
                couplings[lepton] = LeptonCouplings(vector: v, axial: a)
            }
            return try ZPrime(mass: mass, couplings: couplings)
        }
        guard let model else { throw InputError.missing("model") }
        guard model.chargedLeptonsVectorLike else {
            let models = ModelRegistry.nuElectronModels.map(\.name).joined(separator: ", ")
            throw InputError.conflicting(
                "model=\(model.name) couples chirally to charged leptons; ν-e scattering is "
                    + "not implemented for it (models: \(models), custom)")
        }
        return try ZPrime(model: model, g: try number("g"), mass: mass)
    }
}

/// Records the names of the inputs read (evaluations may read from several threads).
private final class ReadLog: @unchecked Sendable {
    private let lock = NSLock()
    private var set: Set<String> = []
    func insert(_ name: String) {
        lock.lock()
        set.insert(name)
        lock.unlock()
    }
    var names: Set<String> {
        lock.lock()
        defer { lock.unlock() }
        return set
    }
}

/// The inputs every Z' quantity takes.
let mediatorInputs: [InputSpec] =
    [
        InputSpec(
            "model", .choice(["SM"] + ModelRegistry.nuElectronModels.map(\.name) + ["custom", "GB(cB,ce,cmu,ctau)"]),
            default: "SM",
            "U(1)' model; SM for none; custom takes gVe, gAe, gVmu, gAmu, gVtau, gAtau"),
        InputSpec("g", .number, "gauge coupling g (dimensionless; required with a model)"),
        InputSpec("mass", .energy, "mediator mass M (required with a model)"),
    ]
    + Lepton.allCases.flatMap { lepton in
        [
            InputSpec(
                "gV\(lepton.rawValue)", .number, default: nil,
                "custom model: vector coupling of ν_\(lepton.rawValue) and \(lepton.rawValue) (Dev Eq. (9) "
                    + "convention)"),
            InputSpec(
                "gA\(lepton.rawValue)", .number, default: nil,
                "custom model: axial coupling of ν_\(lepton.rawValue) and \(lepton.rawValue)"),
        ]
    }

let sin2ThetaWInput = InputSpec(
    "sw2", .number, default: String(Constants.defaultSin2ThetaW),
    "sin²θ_W in (0, 1) (default: PDG 2020 MS-bar value at M_Z)")
