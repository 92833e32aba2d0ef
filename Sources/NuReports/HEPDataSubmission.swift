import Foundation
import NuPhysics

/// A HEPData submission folder (hepdata-submission format, schema 1.1.1): `submission.yaml`,
/// whose first document says what applies to every table and whose further documents describe
/// one table each (name, description, keywords, data file), and one data file per table holding
/// only `independent_variables` and `dependent_variables`.
public struct HEPDataSubmission: Sendable {
    /// One column: a header (name, units), qualifiers, and values (nil: none, written '-').
    public struct Variable: Sendable {
        public let name: String, units: String
        public let qualifiers: [(name: String, value: String)]
        public let values: [Double?]
        public init(
            name: String, units: String, qualifiers: [(name: String, value: String)] = [],
            values: [Double?]
        ) {
            self.name = name
            self.units = units
            self.qualifiers = qualifiers
            self.values = values
        }
    }

    public struct Table: Sendable {
        public let name: String, description: String, dataFile: String
        /// HEPData's keyword kinds: observables, reactions, phrases (cmenergies has no meaning here).
        public let observables: [String], reactions: [String], phrases: [String]
        public let independent: Variable
        public let dependent: [Variable]
        /// Comment lines for this table's data file: the data sets it was computed from.
        public let provenance: [String]
        public init(
            name: String, description: String, dataFile: String, observables: [String],
            reactions: [String], phrases: [String], independent: Variable, dependent: [Variable],
            provenance: [String]
        ) {
            self.name = name
            self.description = description
            self.dataFile = dataFile
            self.observables = observables
            self.reactions = reactions
            self.phrases = phrases
            self.independent = independent
            self.dependent = dependent
            self.provenance = provenance
        }
    }

    /// What applies to every table (analysis, harness, data sets); `harness` heads every file
    /// as a YAML comment, followed by the data sets the file's tables read.
    public let comment: String
    public let harness: String
    public let tables: [Table]

    public init(comment: String, harness: String, tables: [Table]) {
        self.comment = comment
        self.harness = harness
        self.tables = tables
    }

    /// HEPData's limit on a table name (submission schema 1.1.1).
    static let nameLength = 64

    /// The folder's files, `submission.yaml` first. Refuses what the format cannot hold: no table,
    /// a name over 64 characters or twice, a data file named twice or not `*.yaml`, columns of
    /// unequal length, a value that is not finite.
    public func files() throws -> [(name: String, text: String)] {
        guard !tables.isEmpty else { throw PhysicsError.notApplicable("HEPData submission: no table to write") }
        for (i, t) in tables.enumerated() {
            if t.name.count > Self.nameLength {
                throw PhysicsError.notApplicable("HEPData table name '\(t.name)' is over \(Self.nameLength) characters")
            }
            if tables.prefix(i).contains(where: { $0.name == t.name || $0.dataFile == t.dataFile }) {
                throw PhysicsError.notApplicable("HEPData table '\(t.name)' (\(t.dataFile)) is named twice")
            }
            guard t.dataFile.hasSuffix(".yaml"), t.dataFile != "submission.yaml", !t.dataFile.contains("/") else {
                throw PhysicsError.notApplicable("HEPData data file '\(t.dataFile)' must be NAME.yaml in the folder")
            }
            let n = t.independent.values.count
            for v in [t.independent] + t.dependent {
                guard v.values.count == n else {
                    throw PhysicsError.notApplicable(
                        "HEPData table '\(t.name)': column '\(v.name)' has "
                            + "\(v.values.count) values, the independent variable \(n)")
                }
                guard v.values.allSatisfy({ $0?.isFinite ?? true }) else {
                    throw PhysicsError.notApplicable(
                        "HEPData table '\(t.name)': column '\(v.name)' holds a "
                            + "value that is not finite")
                }
            }
            guard t.independent.values.allSatisfy({ $0 != nil }) else {
                throw PhysicsError.notApplicable("HEPData table '\(t.name)': an independent value is missing")
            }
        }
        return [("submission.yaml", submission())] + tables.map { ($0.dataFile, data($0)) }
    }

    func commentLines(_ provenance: [String]) -> [String] {
        ([harness] + provenance.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }).map { "# " + $0 }
    }

    func submission() -> String {
        var y =
            commentLines(tables.flatMap(\.provenance)) + ["comment: |"]
            + comment.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }
        for t in tables {
            y += ["---", "name: \(Self.quoted(t.name))", "description: \(Self.quoted(t.description))", "keywords:"]
            for (kind, values) in [
                ("observables", t.observables), ("reactions", t.reactions),
                ("phrases", t.phrases),
            ] where !values.isEmpty {
                y.append("- {name: \(kind), values: [\(values.map(Self.quoted).joined(separator: ", "))]}")
            }
            y.append("data_file: \(t.dataFile)")
        }
        return y.joined(separator: "\n") + "\n"
    }

    func data(_ t: Table) -> String {
        var y =
            commentLines(t.provenance) + ["independent_variables:"] + column(t.independent)
            + ["dependent_variables:"]
        for v in t.dependent { y += column(v) }
        return y.joined(separator: "\n") + "\n"
    }

    func column(_ v: Variable) -> [String] {
        var y = ["- header: {name: \(Self.quoted(v.name)), units: \(Self.quoted(v.units))}"]
        if !v.qualifiers.isEmpty {
            y.append("  qualifiers:")
            y += v.qualifiers.map { "  - {name: \(Self.quoted($0.name)), value: \(Self.quoted($0.value))}" }
        }
        y.append("  values:")
        y += v.values.map { "  - {value: \($0.map(Self.number) ?? "'-'")}" }
        return y
    }

    /// A single-quoted YAML scalar ('' stands for ').
    static func quoted(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "''") + "'" }

    /// Eight significant digits that YAML 1.1 reads as a float: `%g` writes 1e-05, which PyYAML
    /// (HEPData's reader) takes for a string, so a mantissa without a point gets ".0".
    static func number(_ x: Double) -> String {
        var s = String(format: "%.8g", x)
        if let e = s.firstIndex(of: "e"), !s[..<e].contains(".") { s.insert(contentsOf: ".0", at: e) }
        return s
    }

    /// A data file name from free text: letters, digits, '-' and '_' kept, the rest '_'.
    public static func fileName(_ parts: String...) -> String {
        parts.joined(separator: "_").map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") ? $0 : "_" }
            .map(String.init).joined() + ".yaml"
    }
}
