import Foundation
import NuData
import NuValidation
import Testing
import TestSupport

/// `Fixtures/manifest.json` makes a deleted, added or cut fixture file an error naming it, so that
/// the check cannot pass with fewer cases.
struct FixtureManifestTests {
    /// A copy of the package's fixtures, changed by `damage`, loaded: the error text, or nil.
    static func loadError(_ damage: (URL) throws -> Void) throws -> String? {
        try withTemporaryDirectory { dir in
            let copy = dir.appendingPathComponent("Fixtures")
            try FileManager.default.copyItem(at: Repository.fixtures, to: copy)
            try damage(copy)
            do {
                _ = try FixtureSet(fixtures: copy, reference: try ReferenceLibrary(directory: Repository.reference))
                return nil
            } catch { return "\(error)" }
        }
    }

    @Test("the package's fixtures match their manifest")
    func intact() throws {
        #expect(try Self.loadError { _ in } == nil)
    }

    @Test("a deleted fixture file is an error naming it")
    func deleted() throws {
        let error = try Self.loadError { try FileManager.default.removeItem(at: $0.appendingPathComponent("grids/beams.json")) }
        #expect(error?.contains("grids/beams.json: is missing") == true, "\(error ?? "loaded without error")")
    }

    @Test("a case removed from a file is an error naming the file")
    func caseRemoved() throws {
        let error = try Self.loadError { copy in
            let url = copy.appendingPathComponent("golden/cevns.json")
            var root = try JSONSerialization.jsonObject(with: try Data(contentsOf: url)) as! [String: Any]
            root["cases"] = Array((root["cases"] as! [Any]).dropLast())
            try JSONSerialization.data(withJSONObject: root).write(to: url)
        }
        #expect(error?.contains("golden/cevns.json") == true && error?.contains("manifest.json lists") == true,
                "\(error ?? "loaded without error")")
    }

    @Test("a fixture file the manifest does not list is an error naming it")
    func added() throws {
        let error = try Self.loadError { copy in
            try FileManager.default.copyItem(at: copy.appendingPathComponent("golden/beams.json"),
                                             to: copy.appendingPathComponent("golden/beams2.json"))
        }
        #expect(error?.contains("beams2.json: is not listed") == true, "\(error ?? "loaded without error")")
    }
}
