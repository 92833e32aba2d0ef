import Foundation
import NuData
import NuPhysics
import NuRegistry

/// How close a value must be: |observed − expected| ≤ max(relative·|expected|, absolute), with
/// its class (`ToleranceClass`: the rule that sizes it) and the reason this tolerance and not another.
/// A derived class's numbers come from the printed text (or are fixed) and must not be typed; a
/// bounded class's number is typed and must lie in the class's range.
public struct Tolerance: Sendable {
    public let relative: Double
    public let absolute: Double
    public let reason: String
    public let toleranceClass: ToleranceClass

    public func allows(_ observed: Double, _ expected: Double) -> Bool {
        abs(observed - expected) <= max(relative * abs(expected), absolute)
    }

    /// "1e-12 rel" or "1e-12 rel, 1e-15 abs".
    public var text: String {
        absolute > 0 ? String(format: "%.1e rel, %.1e abs", relative, absolute) : String(format: "%.1e rel", relative)
    }

    /// Reads `{class, relative?, absolute?, reason}`. `printed` is the text and value a golden case
    /// cites (nil for a grid); `owner` names the case or grid in errors.
    init(_ o: JSONObject, printed: (text: String, value: Double)?, owner: String) throws {
        try o.allowOnly(["class", "relative", "absolute", "reason"])
        reason = try o.string("reason")
        let name = try o.string("class")
        func fail(_ field: String?, _ message: String) -> HarnessError {
            HarnessError.file(
                path: o.path, field: field.map { o.name($0) } ?? o.context,
                message: "\(owner): \(message)")
        }
        guard let kind = ToleranceClass(rawValue: name) else {
            throw fail(
                "class",
                "'\(name)' is not a tolerance class (one of "
                    + ToleranceClass.allCases.map(\.rawValue).joined(separator: ", ") + ")")
        }
        toleranceClass = kind
        if kind.isDerived {
            for field in ["relative", "absolute"] where o.has(field) {
                throw fail(field, "a \(name) tolerance is derived (\(kind.rule)), not typed: remove '\(field)'")
            }
            absolute = 0
            do {
                relative = try kind.derivedRelative(printed: printed) ?? 0
            } catch let error as PrintedPrecision.Failure {
                throw fail(
                    "class",
                    "\(name) does not follow from the printed text "
                        + "'\(printed?.text ?? "")': \(error.description)")
            }
        } else {
            relative = o.has("relative") ? try o.decimal("relative") : 0
            absolute = o.has("absolute") ? try o.decimal("absolute") : 0
            guard relative >= 0, absolute >= 0, relative > 0 || absolute > 0 else {
                throw fail(nil, "needs a positive relative or absolute tolerance")
            }
            let range = kind.relativeRange ?? 0...0
            if kind == .exact {
                guard relative == 0, absolute <= ToleranceClass.exactAbsoluteLimit else {
                    throw fail(
                        relative == 0 ? "absolute" : "relative",
                        "an exact tolerance is absolute only, at most \(ToleranceClass.exactAbsoluteLimit)")
                }
            } else if !range.contains(relative) {
                throw fail("relative", "\(relative) is outside the \(name) class (\(kind.rule))")
            }
        }
        // A relative tolerance above 50% passes any number of the right sign: not a check.
        guard relative <= 0.5 else {
            throw fail("relative", "\(relative) is not a tolerance (at most 0.5)")
        }
    }
}

/// One case: a golden value from a paper (checked against the listed paths), or a cross-path
/// point of a grid (numerical against closed form, or every closed form against the first).
public struct FixtureCase: Sendable {
    public enum Kind: Sendable {
        case golden(expected: Double, source: String, printed: String, units: String)
        case crossPaths
        case crossForms
    }

    public let id: String
    public let file: String
    public let quantity: String
    public let inputs: [String: String]
    public let kind: Kind
    public let tolerance: Tolerance
    public let paths: [Path]
    /// Non-nil when the value is recorded as irreproducible; the text is the reason found.
    public let irreproducible: String?

    public var source: String {
        switch kind {
        case .golden(_, let source, _, _): return source
        case .crossPaths: return "cross-path grid"
        case .crossForms: return "cross-form grid"
        }
    }

    /// A golden case's paper and place in it: its source is "citation, location" (nil for a grid).
    public var citation: String? { sourceParts?.citation }
    public var location: String? { sourceParts?.location }

    private var sourceParts: (citation: String, location: String)? {
        guard case .golden(_, let source, _, _) = kind, let comma = source.range(of: ", ") else { return nil }
        return (String(source[..<comma.lowerBound]), String(source[comma.upperBound...]))
    }
}

/// Loads `Fixtures/golden/*.json` and `Fixtures/grids/*.json`. Every file must exist, parse and
/// hold at least one case; every field is checked, and an error names the file and field.
public struct FixtureSet: Sendable {
    public let cases: [FixtureCase]
    /// Statements `Reference/` records as irreproducible (lost in extraction, or without a quantity
    /// to evaluate): no case can run them, so `check` and the reports list them with their reasons.
    public let notEvaluable: [ReferenceEntry]

    public init(fixtures: URL, reference: ReferenceLibrary) throws {
        var cases: [FixtureCase] = []
        let golden = try Self.files(in: fixtures.appendingPathComponent("golden"))
        let grids = try Self.files(in: fixtures.appendingPathComponent("grids"))
        let manifest = try FixtureManifest(fixtures: fixtures)
        let relative = { (url: URL) in "\(url.deletingLastPathComponent().lastPathComponent)/\(url.lastPathComponent)" }
        try manifest.check(present: (golden + grids).map(relative), fixtures: fixtures)
        for url in golden {
            let loaded = try Self.loadGolden(url, reference: reference)
            try manifest.check(file: relative(url), url: url, entries: loaded.count)
            cases += loaded
        }
        for url in grids {
            let (loaded, entries) = try Self.loadGrids(url)
            try manifest.check(file: relative(url), url: url, entries: entries)
            cases += loaded
        }
        var seen = Set<String>()
        for c in cases {
            guard seen.insert(c.id).inserted else {
                throw HarnessError.file(path: c.file, field: "id", message: "case id '\(c.id)' is used twice")
            }
        }
        guard !cases.isEmpty else {
            throw HarnessError.file(
                path: fixtures.path, field: nil,
                message: "no fixture cases found")
        }
        self.cases = cases
        notEvaluable = reference.entries.values.filter { $0.irreproducible != nil }
            .sorted { ($0.file, $0.id) < ($1.file, $1.id) }
    }

    static func files(in directory: URL) throws -> [URL] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else {
            throw HarnessError.file(path: directory.path, field: nil, message: "fixture directory is missing")
        }
        let json = names.filter { $0.hasSuffix(".json") }.sorted()
        guard !json.isEmpty else {
            throw HarnessError.file(
                path: directory.path, field: nil,
                message: "holds no .json fixture files")
        }
        return json.map { directory.appendingPathComponent($0) }
    }

    static func loadGolden(_ url: URL, reference: ReferenceLibrary) throws -> [FixtureCase] {
        let root = try JSONObject.load(url)
        try root.allowOnly(["description", "cases"])
        let list = try root.array("cases")
        guard !list.isEmpty else {
            throw HarnessError.file(
                path: url.path, field: "cases",
                message: "is empty: a fixture file must hold at least one case")
        }
        return try list.enumerated().map { i, raw in
            let c = try JSONObject(raw, path: url.path, context: "cases[\(i)]")
            try c.allowOnly([
                "id", "quantity", "inputs", "reference", "expected", "provenance", "paths", "tolerance",
                "irreproducible",
            ])
            let id = try c.string("id")
            let quantity = try c.string("quantity")
            guard (try? QuantityRegistry.named(quantity)) != nil else {
                throw HarnessError.file(
                    path: url.path, field: c.name("quantity"),
                    message: "'\(quantity)' is not a known quantity")
            }
            let inputs = c.has("inputs") ? try c.stringMap("inputs") : [:]
            let kind: FixtureCase.Kind
            if c.has("reference") {
                let key = try c.string("reference")
                let entry = try reference.entry(key, citedFrom: url.path, field: c.name("reference"))
                let sw2 = Double(inputs["sw2"] ?? "") ?? Constants.defaultSin2ThetaW
                guard let expected = entry.value(sin2ThetaW: sw2) else {
                    throw HarnessError.file(
                        path: url.path, field: c.name("reference"),
                        message: "cites '\(key)', a printed formula with no number; give "
                            + "'expected' and 'provenance' instead")
                }
                kind = .golden(expected: expected, source: entry.source, printed: entry.printed, units: entry.units)
            } else {
                let expected = try c.decimal("expected")
                let p = try c.object("provenance")
                try p.allowOnly(["paper", "location", "printed", "units", "derivation"])
                let source = "\(reference.citation(forPaper: try p.string("paper"))), \(try p.string("location"))"
                _ = try p.string("derivation")
                kind = .golden(
                    expected: expected, source: source, printed: try p.string("printed"),
                    units: try p.string("units"))
            }
            let paths = try c.strings("paths").enumerated().map { j, name in
                guard let path = Path(rawValue: name) else {
                    throw HarnessError.file(
                        path: url.path, field: "\(c.name("paths"))[\(j)]",
                        message: "'\(name)' is not closedForm or numerical")
                }
                return path
            }
            guard !paths.isEmpty else {
                throw HarnessError.file(
                    path: url.path, field: c.name("paths"),
                    message: "is empty")
            }
            var printed: (text: String, value: Double)? = nil
            if case .golden(let expected, _, let text, _) = kind { printed = (text, expected) }
            let tolerance = try Tolerance(try c.object("tolerance"), printed: printed, owner: "case '\(id)'")
            return FixtureCase(
                id: id, file: url.path, quantity: quantity, inputs: inputs, kind: kind,
                tolerance: tolerance, paths: paths,
                irreproducible: try c.optionalString("irreproducible"))
        }
    }

    /// The most points one grid may span (the largest committed grid has a few hundred).
    static let maximumGridPoints = 100_000

    /// A grid is the Cartesian product of its axes, added to its fixed inputs. An axis named
    /// "recoil@Tmax" gives the electron recoil as a fraction of T_max(energy) of the same point.
    /// The expanded cases of a grid file and the number of grid entries it holds.
    static func loadGrids(_ url: URL) throws -> (cases: [FixtureCase], entries: Int) {
        let root = try JSONObject.load(url)
        try root.allowOnly(["description", "grids"])
        let list = try root.array("grids")
        guard !list.isEmpty else { throw HarnessError.file(path: url.path, field: "grids", message: "is empty") }
        var cases: [FixtureCase] = []
        for (i, raw) in list.enumerated() {
            let g = try JSONObject(raw, path: url.path, context: "grids[\(i)]")
            try g.allowOnly(["id", "quantity", "compare", "fixed", "axes", "tolerance"])
            let id = try g.string("id")
            let quantity = try g.string("quantity")
            guard (try? QuantityRegistry.named(quantity)) != nil else {
                throw HarnessError.file(
                    path: url.path, field: g.name("quantity"),
                    message: "'\(quantity)' is not a known quantity")
            }
            let compare = try g.string("compare")
            guard compare == "paths" || compare == "forms" else {
                throw HarnessError.file(path: url.path, field: g.name("compare"), message: "must be 'paths' or 'forms'")
            }
            let fixed = g.has("fixed") ? try g.stringMap("fixed") : [:]
            let axesObject = try g.object("axes")
            guard !axesObject.storage.isEmpty else {
                throw HarnessError.file(
                    path: url.path, field: g.name("axes"),
                    message: "has no axis: a grid needs at least one (a single point is a golden case)")
            }
            // The size is checked before anything is built: a typo'd axis must not allocate 1e12 points.
            var size = 1.0
            for key in axesObject.storage.keys { size *= Double(try axesObject.strings(key).count) }
            guard size <= Double(Self.maximumGridPoints) else {
                throw HarnessError.file(
                    path: url.path, field: g.name("axes"),
                    message: "spans \(size) points, more than the \(Self.maximumGridPoints) a grid may hold")
            }
            var points: [[(String, String)]] = [[]]
            for key in axesObject.storage.keys.sorted() {
                let values = try axesObject.strings(key)
                guard !values.isEmpty else {
                    throw HarnessError.file(
                        path: url.path, field: axesObject.name(key),
                        message: "is empty")
                }
                guard Set(values).count == values.count else {
                    throw HarnessError.file(path: url.path, field: axesObject.name(key), message: "repeats a value")
                }
                points = points.flatMap { p in values.map { p + [(key, $0)] } }
            }
            let tolerance = try Tolerance(try g.object("tolerance"), printed: nil, owner: "grid '\(id)'")
            for point in points {
                var inputs = fixed
                var label: [String] = []
                for (key, value) in point {
                    label.append("\(key)=\(value)")
                    if key == "recoil@Tmax" {
                        guard let fraction = Double(value),
                            let energyText = inputs["energy"]
                                ?? point.first(where: { $0.0 == "energy" })?.1
                        else {
                            throw HarnessError.file(
                                path: url.path, field: axesObject.name(key),
                                message: "needs numeric fractions and an energy input")
                        }
                        let energy = try UnitParser.energy(energyText, name: "energy")
                        let tMax = Kinematics.maximumRecoil(energy: energy, targetMass: Constants.electronMass)
                        inputs["recoil"] = "\(fraction * tMax)MeV"
                    } else {
                        inputs[key] = value
                    }
                }
                cases.append(
                    FixtureCase(
                        id: "\(id)[\(label.joined(separator: ","))]", file: url.path,
                        quantity: quantity, inputs: inputs, kind: compare == "paths" ? .crossPaths : .crossForms,
                        tolerance: tolerance, paths: compare == "paths" ? [.numerical] : [.closedForm],
                        irreproducible: nil))
            }
        }
        return (cases, list.count)
    }
}
