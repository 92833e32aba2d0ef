import NuData
import Foundation
import Testing
import NuData
import NuRegistry
import NuValidation
import NuAnalyses
import NuReports
import TestSupport

enum Registry {
    static let url = Repository.reference.appendingPathComponent("conventions/registry.json")
    static let ids: [String] = ((try? ConventionAudit(registry: url))?.items.map(\.id)) ?? []
}

struct AuditTests {
    @Test("the convention registry loads and covers the issue's items")
    func loads() throws {
        let audit = try ConventionAudit(registry: Registry.url)
        let ids = Set(audit.items.map(\.id))
        for required in ["zprime-coefficient", "chiral-vs-vector-axial", "loop-prefactor", "loop-q2-sign", "charge-signs", "helm-radius",
                         "strip-approximations", "weak-mixing-angle", "nuclear-mass", "recoil-endpoint", "recoil-energy-definition"] {
            #expect(ids.contains(required), "registry lacks \(required)")
        }
    }

    /// Every item is a test: its demonstration evaluates and its mapping holds numerically.
    @Test("convention mapping holds", arguments: Registry.ids)
    func mapping(_ id: String) throws {
        let audit = try ConventionAudit(registry: Registry.url)
        let item = try #require(audit.items.first { $0.id == id })
        let result = try #require(try ConventionAudit(items: [item]).evaluate().first)
        #expect(result.holds, "\(id): mapping observed \(result.mappingObserved) vs expected \(result.mappingExpected), allowed \(item.tolerance) relative")
        #expect(result.ratio.isFinite && result.ratio != 0, "\(id): demonstration ratio \(result.ratio)")
        #expect(item.conventions.count >= 2, "\(id): a convention item compares at least two sources")
    }

    @Test("audit JSON: id, title, conventions, demonstration with ratio, mapping")
    func json() throws {
        let results = try ConventionAudit(registry: Registry.url).evaluate()
        let root = try JSONSerialization.jsonObject(with: Data(ConventionAudit.json(results).utf8)) as? [String: Any]
        #expect((root?["harness"] as? [String: Any])?["version"] is String, "audit JSON names the harness version")
        let list = try #require(root?["items"] as? [[String: Any]])
        #expect(list.count == results.count)
        for item in list {
            #expect(item["id"] is String && item["title"] is String && item["conventions"] is [String: String])
            let demo = try #require(item["demonstration"] as? [String: Any])
            #expect(demo["ratio"] is Double && demo["point"] is String)
            #expect((item["mapping"] as? [String: Any])?["holds"] as? Bool == true)
        }
    }

    @Test("a malformed registry names file and field")
    func malformed() throws {
        try withTemporaryDirectory("nucheck-audit") { directory in
            let url = directory.appendingPathComponent("registry.json")
            try #"{"items": [{"id": "x", "title": "t", "conventions": {"a": "b"}, "harnessChoice": "c", "demonstration": {"description": "d", "ways": [], "ratio": ["p", "q"]}, "mapping": {}}]}"#
                .write(to: url, atomically: true, encoding: .utf8)
            do {
                _ = try ConventionAudit(registry: url)
                Issue.record("a registry whose ratio names no way loaded")
            } catch let error as HarnessError {
                #expect(error.description.contains("items[0].demonstration.ratio"), "\(error)")
            }
        }
    }
}
