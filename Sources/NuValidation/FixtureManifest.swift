import Foundation
import NuData

/// `Fixtures/manifest.json`: every fixture file (relative to the fixtures folder) and the number
/// of entries its `cases` list holds. Checked before the fixtures are read, so that a deleted,
/// added or cut fixture file is an error naming it instead of a check that passes with fewer cases.
struct FixtureManifest {
    static let fileName = "manifest.json"
    let counts: [String: Int]

    init(fixtures: URL) throws {
        let root = try JSONObject.load(fixtures.appendingPathComponent(Self.fileName))
        try root.allowOnly(["description", "files"])
        let files = try root.object("files")
        var counts: [String: Int] = [:]
        for (name, value) in files.storage {
            guard let n = value as? Int, n > 0 else {
                throw HarnessError.file(path: root.path, field: files.name(name), message: "must be a positive count")
            }
            counts[name] = n
        }
        guard !counts.isEmpty else { throw HarnessError.file(path: root.path, field: "files", message: "is empty") }
        self.counts = counts
    }

    /// The files on disk (relative names) must be exactly the manifest's.
    func check(present: [String], fixtures: URL) throws {
        let manifest = fixtures.appendingPathComponent(Self.fileName).path
        for name in counts.keys.sorted() where !present.contains(name) {
            throw HarnessError.file(
                path: fixtures.appendingPathComponent(name).path, field: nil,
                message: "is missing (\(Self.fileName) lists it with \(counts[name]!) cases)")
        }
        for name in present.sorted() where counts[name] == nil {
            throw HarnessError.file(
                path: fixtures.appendingPathComponent(name).path, field: nil,
                message: "is not listed in \(manifest) (add it with its number of cases)")
        }
    }

    /// A file's `cases` list must hold the number the manifest gives.
    func check(file name: String, url: URL, entries: Int) throws {
        guard let expected = counts[name], expected == entries else {
            throw HarnessError.file(
                path: url.path, field: "cases",
                message: "holds \(entries) entries; \(Self.fileName) lists \(counts[name] ?? 0) (a case was added "
                    + "or removed without updating the manifest, or the file was cut)")
        }
    }
}
