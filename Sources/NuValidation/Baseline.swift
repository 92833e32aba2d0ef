import Foundation
import NuCoherent
import NuData
import NuPhysics
import NuRegistry

/// Physics regression baselines: every quantity evaluated on a fixed grid (the inputs of every
/// fixture case, golden and grid, in `Fixtures/`), both paths, one value per line at full
/// precision, so that a change that moves a number shows up in a diff and in `baseline compare`.
///
/// File format (text, sorted, diff-friendly):
///
///     # nucheck baseline
///     # harness-version: 0.3.0
///     # constant: G_F = 1.1663787e-11 MeV^-2
///     <case id> | <path> | <value, %.17g> | <units> | <quantity>
///
/// where path is closedForm, numerical or form:<name>, and a case whose evaluation throws is
/// recorded as `error: <message>` in place of the value.
public enum Baseline {
    public struct Entry: Equatable, Sendable {
        public let key: String  // "<case id> | <path>"
        public let quantity: String
        public let value: Double?
        public let error: String?
        public let units: String
        /// True when the case could not be evaluated because a user's data folder lacks a file it
        /// reads: such a value is neither recorded nor compared.
        public let dataAbsent: Bool

        public init(
            key: String, quantity: String, value: Double?, error: String?, units: String,
            dataAbsent: Bool = false
        ) {
            self.dataAbsent = dataAbsent
            self.key = key
            self.quantity = quantity
            self.value = value
            self.error = error
            self.units = units
        }
    }

    public static let header = "# nucheck baseline"

    /// The constants written into the header (the inputs every value depends on).
    public static var constants: [(String, String)] {
        [
            ("G_F", "\(Constants.fermiConstant) MeV^-2"), ("m_e", "\(Constants.electronMass) MeV"),
            ("m_mu", "\(Constants.muonMass) MeV"), ("m_tau", "\(Constants.tauMass) MeV"),
            ("m_pi", "\(Constants.chargedPionMass) MeV"), ("alpha", "\(Constants.fineStructure)"),
            ("hbar_c", "\(Constants.hbarC) MeV fm"), ("u", "\(Constants.atomicMassUnit) MeV"),
            ("sin2thetaW_default", "\(Constants.defaultSin2ThetaW)"),
            ("gVp_nue", "\(Constants.protonCouplingNuE)"), ("gVp_numu", "\(Constants.protonCouplingNuMu)"),
            ("gVn", "\(Constants.neutronCoupling)"),
        ]
    }

    /// Evaluates every case (on every core) into baseline entries. A case whose data file is absent
    /// from a user's data folder gives an entry marked `dataAbsent` (refused by `record`, skipped
    /// by `compare`); the package's own copy is never absent.
    public static func evaluate(_ cases: [FixtureCase]) -> [Entry] {
        let rows = Runner.evaluateAll(cases)
        var entries: [Entry] = []
        for (c, outcome) in zip(cases, rows) {
            switch outcome {
            case .failure(let error):
                var absent = false
                if case .absent? = error as? DataFileError { absent = true }
                entries.append(
                    Entry(
                        key: "\(c.id) | error", quantity: c.quantity, value: nil,
                        error: ExitStatus.message(for: error), units: "", dataAbsent: absent))
            case .success(let e):
                if let v = e.closedForm {
                    entries.append(
                        Entry(
                            key: "\(c.id) | closedForm", quantity: c.quantity,
                            value: v, error: nil, units: e.units))
                }
                if let v = e.numerical {
                    entries.append(
                        Entry(
                            key: "\(c.id) | numerical", quantity: c.quantity,
                            value: v, error: nil, units: e.units))
                }
                for (name, v) in e.forms.sorted(by: { $0.key < $1.key }) {
                    entries.append(
                        Entry(
                            key: "\(c.id) | form:\(name)", quantity: c.quantity, value: v, error: nil,
                            units: e.units))
                }
            }
        }
        return entries.sorted { $0.key < $1.key }
    }

    /// The last line, with the number of values: a file cut at a line boundary lacks it.
    static let trailer = "# end: "

    public static func render(_ entries: [Entry]) -> String {
        var lines = [
            header, "# harness-version: \(HarnessVersion.string)",
            "# grid: the inputs of every case in Fixtures/golden and Fixtures/grids",
        ]
        lines += constants.map { "# constant: \($0.0) = \($0.1)" }
        for e in entries {
            let value = e.value.map { String(format: "%.17g", $0) } ?? "error: \(e.error ?? "")"
            lines.append("\(e.key) | \(value) | \(e.units) | \(e.quantity)")
        }
        lines.append("\(trailer)\(entries.count) values")
        return lines.joined(separator: "\n") + "\n"
    }

    /// Writes to a temporary file beside `url`, then renames it over `url`: never a half-written
    /// baseline (`OutputFiles`). Temporaries a killed earlier write left behind are removed first;
    /// a concurrent writer's are not.
    public static func write(_ entries: [Entry], to url: URL) throws {
        let absent = entries.filter(\.dataAbsent)
        if let first = absent.first {
            throw HarnessError.file(
                path: url.path, field: nil,
                message: "not written: \(absent.count) cases could not be "
                    + "evaluated because a data file is absent (\(first.error ?? "")); a baseline is recorded whole or "
                    + "not at all"
            )
        }
        let directory = url.deletingLastPathComponent()
        do { try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true) } catch {
            throw HarnessError.file(
                path: url.path, field: nil,
                message: "cannot be written: cannot create '\(directory.path)'")
        }
        OutputFiles.removeStaleTemporaries(of: url.path)
        try OutputFiles.write([(url.path, render(entries))])
    }

    /// Parses a baseline file; a missing, empty, truncated or malformed file is an error naming
    /// the file and the line.
    public static func read(_ url: URL) throws -> [Entry] {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw HarnessError.file(
                path: url.path, field: nil,
                message: "baseline is missing; record one with `nucheck baseline record`")
        }
        let text = String(decoding: data, as: UTF8.self)
        guard text.hasPrefix(header) else {
            throw HarnessError.file(
                path: url.path, field: "line 1",
                message: "is not a nucheck baseline (expected '\(header)')")
        }
        guard text.hasSuffix("\n") else {
            throw HarnessError.file(
                path: url.path, field: "end of file",
                message: "baseline is truncated (no final newline)")
        }
        var entries: [Entry] = []
        var lineOfKey: [String: Int] = [:]
        for (index, line) in text.split(
            separator: "\n",
            omittingEmptySubsequences: false
        ).enumerated() where !line.isEmpty && !line.hasPrefix("#") {
            let fields = line.components(separatedBy: " | ")
            guard fields.count == 5 else {
                throw HarnessError.file(
                    path: url.path, field: "line \(index + 1)",
                    message: "corrupt: expected 5 fields separated by ' | ', got \(fields.count): \(line.prefix(120))")
            }
            let key = "\(fields[0]) | \(fields[1])"
            if let first = lineOfKey[key] {
                throw HarnessError.file(
                    path: url.path, field: "line \(index + 1)",
                    message: "duplicate key '\(key)' (first on line \(first))")
            }
            lineOfKey[key] = index + 1
            if fields[2].hasPrefix("error: ") {
                entries.append(
                    Entry(
                        key: key, quantity: fields[4], value: nil, error: String(fields[2].dropFirst(7)),
                        units: fields[3]))
            } else {
                guard let v = Double(fields[2]), v.isFinite else {
                    throw HarnessError.file(
                        path: url.path, field: "line \(index + 1)",
                        message: "corrupt: '\(fields[2])' is not a finite number")
                }
                entries.append(Entry(key: key, quantity: fields[4], value: v, error: nil, units: fields[3]))
            }
        }
        guard !entries.isEmpty else {
            throw HarnessError.file(
                path: url.path, field: nil,
                message: "baseline holds no values")
        }
        let last = text.split(separator: "\n").last.map(String.init) ?? ""
        guard last.hasPrefix(trailer),
            Int(last.dropFirst(trailer.count).split(separator: " ").first ?? "") == entries.count
        else {
            throw HarnessError.file(
                path: url.path, field: "end of file",
                message:
                    "baseline is truncated or altered: expected the trailer '\(trailer)\(entries.count) values', found "
                        + "'\(last.prefix(80))'"
            )
        }
        return entries
    }

    /// A value that moved, appeared or disappeared.
    public struct Change: Sendable {
        public let key: String
        public let quantity: String
        public let old: String
        public let new: String
        public let relativeChange: Double?
    }

    /// Values whose relative change exceeds `tolerance` (or that changed between a number and an
    /// error, or that exist on one side only).
    public static func compare(old: [Entry], new: [Entry], tolerance: Double) -> [Change] {
        // Cases whose data a user's folder lacks are not compared (reported by `notCompared`).
        let skipped = Set(new.filter(\.dataAbsent).map { $0.key.components(separatedBy: " | ")[0] })
        let old = old.filter { !skipped.contains($0.key.components(separatedBy: " | ")[0]) }
        let new = new.filter { !$0.dataAbsent }
        let before = Dictionary(old.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        let after = Dictionary(new.map { ($0.key, $0) }, uniquingKeysWith: { a, _ in a })
        func text(_ e: Entry?) -> String {
            e.map {
                $0.value.map {
                    String(
                        format: "%.17g",
                        $0)
                } ?? "error: \($0.error ?? "")"
            } ?? "absent"
        }
        var changes: [Change] = []
        for key in Set(before.keys).union(after.keys).sorted() {
            let a = before[key]
            let b = after[key]
            if let x = a?.value, let y = b?.value {
                let change = relativeDeviation(y, x)
                if abs(y - x) > tolerance * max(abs(x), abs(y)) {
                    changes.append(
                        Change(
                            key: key, quantity: (b ?? a)!.quantity, old: text(a), new: text(b),
                            relativeChange: change))
                }
            } else if text(a) != text(b) {
                changes.append(
                    Change(
                        key: key, quantity: (b ?? a)!.quantity, old: text(a), new: text(b),
                        relativeChange: nil))
            }
        }
        return changes
    }

    /// The cases `compare` leaves out because their data is absent, with the reason of the first.
    public static func notCompared(_ new: [Entry]) -> String? {
        let absent = new.filter(\.dataAbsent)
        guard let first = absent.first else { return nil }
        return "\(absent.count) cases not compared: their data is absent (\(first.error ?? ""))"
    }

    /// The compare report, grouped by quantity.
    public static func report(_ changes: [Change], compared: Int) -> String {
        guard !changes.isEmpty else { return "no value moved (\(compared) values compared)" }
        var lines: [String] = []
        for (quantity, group) in Dictionary(grouping: changes, by: \.quantity).sorted(by: { $0.key < $1.key }) {
            lines.append("\(quantity): \(group.count) moved")
            for c in group {
                lines.append(
                    "    \(c.key): old \(c.old), new \(c.new), relative change "
                        + "\(c.relativeChange.map { String(format: "%.3e", $0) } ?? "-")"
                )
            }
        }
        lines.append("\(changes.count) of \(compared) values moved")
        return lines.joined(separator: "\n")
    }
}
