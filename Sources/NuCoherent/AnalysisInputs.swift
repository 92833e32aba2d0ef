import Foundation

/// Which numbers an analysis takes where the release and 004 differ: `release` uses the data
/// release's own (13.8e22 POT, 24.4 kg, 39.948 g/mol for argon), `paper` 004's printed ones
/// (13.7e22 POT, 24 kg, 39.96 g/mol, Sec. II).
public enum InputSet: String, CaseIterable, Sendable {
    case release, paper
}

/// The numbers of the COHERENT analysis that the released files do not carry in a form the code
/// can read (exposure, detector response, efficiencies), read from `Reference/coherent.json`:
/// one source, each entry with its provenance. An entry's `value` is the release's number; an
/// entry that 004 prints differently also holds `"paper": {"value", "printed", "location"}`,
/// which the `paper` set takes instead.
public struct AnalysisInputs: Sendable, Equatable {
    public static let fileName = "coherent.json"

    public let set: InputSet
    /// The file the numbers were read from (for messages).
    public let file: String
    private var values: [String: Double]

    public init(referenceDirectory: URL, set: InputSet) throws {
        let url = referenceDirectory.appendingPathComponent(Self.fileName)
        try self.init(file: url, set: set)
    }

    public init(file url: URL, set: InputSet) throws {
        self.set = set
        file = url.path
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw CoherentDataError.field(
                file: url.path, field: "(file)",
                message: "is missing or unreadable (the COHERENT analysis inputs)")
        }
        guard let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let entries = root["entries"] as? [Any]
        else {
            throw CoherentDataError.field(
                file: url.path, field: "entries",
                message: "is not a JSON object with an 'entries' list")
        }
        var values: [String: Double] = [:]
        for (i, raw) in entries.enumerated() {
            guard let entry = raw as? [String: Any], let id = entry["id"] as? String else {
                throw CoherentDataError.field(file: url.path, field: "entries[\(i)].id", message: "is missing")
            }
            func number(_ object: [String: Any], _ field: String) throws -> Double {
                guard let text = object["value"] as? String, let v = Double(text), v.isFinite else {
                    throw CoherentDataError.field(
                        file: url.path, field: "entries[\(i)] (\(id)).\(field)",
                        message: "is not a finite decimal string")
                }
                return v
            }
            guard values[id] == nil else {
                throw CoherentDataError.field(
                    file: url.path, field: "entries[\(i)].id",
                    message: "'\(id)' appears twice")
            }
            var v = try number(entry, "value")
            if set == .paper, let paper = entry["paper"] {
                guard let object = paper as? [String: Any] else {
                    throw CoherentDataError.field(
                        file: url.path, field: "entries[\(i)] (\(id)).paper",
                        message: "is not an object")
                }
                v = try number(object, "paper.value")
            }
            guard v > 0 else {
                throw CoherentDataError.field(
                    file: url.path, field: "entries[\(i)] (\(id))",
                    message: "is \(v): every analysis number (a count, mass, length, time, yield or coefficient) "
                        + "is positive")
            }
            if let range = entry["range"] {
                guard let r = range as? [String: Any], let lo = (r["min"] as? String).flatMap(Double.init),
                    let hi = (r["max"] as? String).flatMap(Double.init), r["why"] is String, lo < hi
                else {
                    throw CoherentDataError.field(
                        file: url.path, field: "entries[\(i)] (\(id)).range",
                        message: "must be {\"min\", \"max\", \"why\"} with decimal strings, min < max")
                }
                guard v >= lo, v <= hi else {
                    throw CoherentDataError.field(
                        file: url.path, field: "entries[\(i)] (\(id))",
                        message: "is \(v), outside its range [\(lo), \(hi)] (\(r["why"] as! String))")
                }
            }
            values[id] = v
        }
        self.values = values
    }

    /// The number with this id; a missing id is an error naming the file.
    public func callAsFunction(_ id: String) throws -> Double {
        guard let v = values[id] else {
            throw CoherentDataError.field(
                file: file, field: id,
                message: "is missing (the COHERENT analysis needs it)")
        }
        return v
    }

    /// A whole count (events, lines) with this id: Int() of 1e300 or 2.5 would trap or truncate,
    /// so anything but a whole number in 0...1e15 is an error naming the file and the entry.
    public func count(_ id: String) throws -> Int {
        let v = try self(id)
        guard v >= 0, v <= 1e15, let n = Int(exactly: v) else {
            throw CoherentDataError.field(file: file, field: id, message: "is \(v), not a whole count in 0...1e15")
        }
        return n
    }

    /// A copy with one number replaced (to see what a value moves); the id must exist.
    public func replacing(_ id: String, with value: Double) throws -> AnalysisInputs {
        _ = try self(id)
        var copy = self
        copy.values[id] = value
        return copy
    }

    /// A key that tells input sets with different numbers apart (for caches).
    var cacheKey: String { values.keys.sorted().map { "\($0)=\(values[$0]!)" }.joined(separator: ";") }
}
