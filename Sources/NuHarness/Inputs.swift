import Foundation
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
/// missing required inputs are errors, defaults fill the rest.
public struct InputValues: Sendable {
    public let raw: [String: String]
    let specs: [String: InputSpec]

    public init(_ given: [String: String], specs: [InputSpec]) throws {
        let table = Dictionary(uniqueKeysWithValues: specs.map { ($0.name, $0) })
        for key in given.keys where table[key] == nil {
            throw InputError.unknownKey(key, allowed: specs.map(\.name))
        }
        var values = given
        for spec in specs where values[spec.name] == nil {
            if let d = spec.defaultValue { values[spec.name] = d }
        }
        raw = values
        self.specs = table
    }

    func text(_ name: String) throws -> String {
        guard let value = raw[name] else { throw InputError.missing(name) }
        return value
    }

    public func has(_ name: String) -> Bool { raw[name] != nil }

    /// An energy input in MeV.
    public func energy(_ name: String) throws -> Double { try UnitParser.energy(try text(name), name: name) }
    /// A dimensionless input.
    public func number(_ name: String) throws -> Double { try UnitParser.number(try text(name), name: name) }
    /// A word input, checked against the spec's choices (case-insensitive).
    public func choice(_ name: String) throws -> String {
        let value = try text(name)
        if case .choice(let options)? = specs[name]?.kind {
            guard let match = options.first(where: { $0.lowercased() == value.lowercased() }) else {
                throw PhysicsError.unknown("\(name) '\(value)' (expected \(options.joined(separator: ", ")))")
            }
            return match
        }
        return value
    }
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
        let name = raw["model"] ?? "SM"
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
        let mass = try energy("mass")
        guard mass >= 0 else { throw PhysicsError.unphysical("mediator mass must be ≥ 0, got \(mass) MeV") }
        if name.lowercased() == "custom" {
            if raw["g"] != nil { throw InputError.conflicting("model=custom takes gVe … gAtau, not g") }
            var couplings: [Lepton: LeptonCouplings] = [:]
            for lepton in Lepton.allCases {
                let v = has("gV\(lepton.rawValue)") ? try number("gV\(lepton.rawValue)") : 0
                let a = has("gA\(lepton.rawValue)") ? try number("gA\(lepton.rawValue)") : 0
                couplings[lepton] = LeptonCouplings(vector: v, axial: a)
            }
            return try ZPrime(mass: mass, couplings: couplings)
        }
        return try ZPrime(model: try ModelRegistry.lookup(name), g: try number("g"), mass: mass)
    }
}

/// The inputs every Z' quantity takes.
let mediatorInputs: [InputSpec] = [
    InputSpec("model", .choice(["SM"] + ModelRegistry.all.map(\.name) + ["custom"]), default: "SM",
              "U(1)' model; SM for none; custom takes gVe, gAe, gVmu, gAmu, gVtau, gAtau"),
    InputSpec("g", .number, "gauge coupling g (dimensionless; required with a model)"),
    InputSpec("mass", .energy, "mediator mass M (required with a model)"),
] + Lepton.allCases.flatMap { lepton in
    [InputSpec("gV\(lepton.rawValue)", .number, default: nil, "custom model: vector coupling of ν_\(lepton.rawValue) and \(lepton.rawValue) (Dev Eq. (9) convention)"),
     InputSpec("gA\(lepton.rawValue)", .number, default: nil, "custom model: axial coupling of ν_\(lepton.rawValue) and \(lepton.rawValue)")]
}

let sin2ThetaWInput = InputSpec("sw2", .number, default: String(Constants.defaultSin2ThetaW),
                                "sin²θ_W (default: PDG 2020 MS-bar value at M_Z)")
