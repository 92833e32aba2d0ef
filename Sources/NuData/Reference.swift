import Foundation

/// One transcribed statement of a paper: where it is, what is printed there, its units, and
/// its value as a decimal string, or, for a table entry that depends on s_W² (Dev Table 1),
/// the two numbers of the printed linear form a·s_W² + b.
public struct ReferenceEntry: Sendable {
    public let file: String
    public let paper: String
    public let id: String
    public let location: String
    public let printed: String
    public let units: String
    public let value: Double?
    public let linearInSin2ThetaW: (slope: Double, constant: Double)?
    /// A printed formula with no number of its own (kept for provenance and the audit).
    public var isFormula: Bool { value == nil && linearInSin2ThetaW == nil && irreproducible == nil }
    /// Why a printed number or formula cannot be reproduced (e.g. lost in the text extraction).
    public let irreproducible: String?

    /// The number this entry states at sin²θ_W = `sw2` (ignored for plain values).
    public func value(sin2ThetaW sw2: Double) -> Double? {
        if let v = value { return v }
        guard let (a, b) = linearInSin2ThetaW else { return nil }
        return a * sw2 + b
    }

    /// How reports name the paper: its citation's short form ("Atzori Corona et al.").
    public let citation: String

    /// "Atzori Corona et al., Eq. (26)".
    public var source: String { "\(citation), \(location)" }
}

/// A `Reference/` file's citation, taken from the paper's own text: authors, title and the
/// identifiers it states (preprint, arXiv, journal), none guessed.
public struct Citation: Sendable {
    public let short: String, authors: String, title: String
    public let identifiers: [String: String]

    init(_ o: JSONObject) throws {
        try o.allowOnly(["short", "authors", "title", "identifiers", "identifiersNote"])
        short = try o.string("short")
        authors = try o.string("authors")
        title = try o.string("title")
        identifiers = o.has("identifiers") ? try o.stringMap("identifiers") : [:]
    }

    /// "Atzori Corona et al., Probing light mediators … (MI-TH-2110)".
    public var full: String {
        "\(authors), \(title)"
            + (identifiers.isEmpty
                ? ""
                : " ("
                    + identifiers.keys.sorted().map { identifiers[$0]! }
                    .joined(separator: "; ") + ")")
    }
}

/// All of `Reference/`: every entry of every file, addressed as "file.json#id".
public struct ReferenceLibrary: Sendable {
    public let directory: URL
    public let entries: [String: ReferenceEntry]
    /// Each file's citation, by the paper text it transcribes (`paper`, e.g. 004_….txt).
    public let citations: [String: Citation]

    /// The short citation for a paper text named in a fixture's provenance (itself if unknown).
    public func citation(forPaper paper: String) -> String { citations[paper]?.short ?? paper }

    public init(directory: URL) throws {
        self.directory = directory
        let files: [String]
        do {
            files = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".json") }
                .sorted()
        } catch {
            throw HarnessError.file(
                path: directory.path, field: nil,
                message: "reference directory is missing or unreadable")
        }
        guard !files.isEmpty else {
            throw HarnessError.file(
                path: directory.path, field: nil,
                message: "holds no .json reference files")
        }
        var entries: [String: ReferenceEntry] = [:]
        var citations: [String: Citation] = [:]
        for file in files {
            let root = try JSONObject.load(directory.appendingPathComponent(file))
            let paper = try root.string("paper")
            let citation = try Citation(try root.object("citation"))
            citations[paper] = citation
            let list = try root.array("entries")
            guard !list.isEmpty else { throw HarnessError.file(path: root.path, field: "entries", message: "is empty") }
            for (i, raw) in list.enumerated() {
                let e = try JSONObject(raw, path: root.path, context: "entries[\(i)]")
                let id = try e.string("id")
                var value: Double? = nil
                var linear: (Double, Double)? = nil
                if e.has("value") {
                    value = try e.decimal("value")
                } else if e.has("linear") {
                    let l = try e.object("linear")
                    linear = (try l.decimal("sin2ThetaW"), try l.decimal("constant"))
                } else if (e.storage["formula"] as? Bool) != true && !e.has("irreproducible") {
                    throw HarnessError.file(
                        path: root.path, field: "entries[\(i)].value",
                        message: "is missing (give value, linear, formula: true, or irreproducible: why)")
                }
                let key = "\(file)#\(id)"
                guard entries[key] == nil else {
                    throw HarnessError.file(
                        path: root.path, field: "entries[\(i)].id",
                        message: "'\(id)' appears twice")
                }
                entries[key] = ReferenceEntry(
                    file: file, paper: paper, id: id, location: try e.string("location"),
                    printed: try e.string("printed"), units: try e.string("units"),
                    value: value, linearInSin2ThetaW: linear,
                    irreproducible: e.has("irreproducible") ? try e.string("irreproducible") : nil,
                    citation: citation.short)
            }
        }
        self.entries = entries
        self.citations = citations
    }

    public func entry(_ key: String, citedFrom path: String, field: String) throws -> ReferenceEntry {
        guard let e = entries[key] else {
            throw HarnessError.file(path: path, field: field, message: "cites '\(key)', which Reference/ does not hold")
        }
        return e
    }

    /// The number of `file#id`, which an analysis takes as a positive magnitude (an exposure, a
    /// mass, a flux, a threshold): missing, non-numeric, zero or negative is an error naming the
    /// file and the entry, never a number passed on.
    public func positiveValue(_ file: String, _ id: String, citedFrom: String) throws -> Double {
        guard let x = try entry("\(file)#\(id)", citedFrom: citedFrom, field: id).value else {
            throw HarnessError.file(path: file, field: id, message: "needs a value")
        }
        guard x > 0, x.isFinite else {
            throw HarnessError.file(path: file, field: id, message: "is \(x); \(citedFrom) needs a positive number")
        }
        return x
    }
}
