import Foundation
import Testing
import TestSupport

/// Every analysis number of `Reference/coherent.json`, `dune.json`, `jsns2.json`, `pycevns.json`,
/// `borexino.json`, `projections.json` and `reactor.json` (a Vogel-Engel or Huber-Mueller coefficient, which may have
/// either sign, is caught by the two fits' cross-check) set to a
/// negative value or to zero, in a scratch copy of the package: the command that reads it must
/// refuse it naming the file and the entry (exit 5), never print a number (the audit found
/// −8.6e-22 argon events for ar.pot = −1, −7e11 JSNS² events, a DUNE reach 3× off for sigmaNorm = 0).
struct ReferenceDamageTests {
    struct Case: Sendable, CustomStringConvertible {
        let file: String, id: String, value: String
        var description: String { "\(file)#\(id) = \(value)" }
    }

    /// The command that reads each file's numbers.
    static let readers: [String: [String]] = [
        "borexino.json": ["eval", "borexino.rate", "model=Lmu-Ltau", "g=1e-3", "mass=10MeV"],
        "coherent.json": ["eval", "coherent.events", "detector=ar"],
        "dune.json": ["eval", "dune.sensitivity", "model=B-L", "mass=10MeV", "mode=nu"],
        "jsns2.json": ["eval", "jsns2.sensitivity", "model=B-L", "mass=10MeV", "measure=events", "g=0"],
        "pycevns.json": ["eval", "cevns.publicCode", "nucleus=Ar40", "energy=30MeV", "recoil=10keV", "apply=all"],
        "projections.json": ["eval", "projection.events", "experiment=reactor-Ge"],
        "reactor.json": ["eval", "projection.events", "experiment=reactor-Ge"],
    ]

    /// Entries a reader does not read (pyCEvNS's flux numbers are the audit's, and only Ar40's mass
    /// enters an argon evaluation) are left out: damaging them cannot change what it prints.
    static let unread: Set = ["pycevns.json#flux.promptLine", "pycevns.json#flux.endpoint",
                              "pycevns.json#mass.Cs133", "pycevns.json#mass.I127"]

    static let cases: [Case] = readers.keys.sorted().flatMap { file -> [Case] in
        let url = Repository.reference.appendingPathComponent(file)
        guard let data = try? Data(contentsOf: url),
              let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let entries = root["entries"] as? [[String: Any]] else { return [] }
        return entries.compactMap { $0["value"] != nil ? $0["id"] as? String : nil }
            .filter { !unread.contains("\(file)#\($0)") }
            .flatMap { id in ["-1", "0"].map { Case(file: file, id: id, value: $0) } }
    }

    @Test("the reference files hold the entries this sweep damages")
    func covered() {
        #expect(Self.cases.count >= 2 * (40 + 6 + 9 + 4 + 3 + 13 + 42), "\(Self.cases.count) damaged cases")
    }

    @Test("a negative or zero analysis number is refused naming file and entry", arguments: cases)
    func damaged(_ c: Case) throws {
        try withTemporaryDirectory("nucheck-reference") { home in
            try FileManager.default.copyItem(at: Repository.fixtures, to: home.appendingPathComponent("Fixtures"))
            try FileManager.default.copyItem(at: Repository.reference, to: home.appendingPathComponent("Reference"))
            let url = home.appendingPathComponent("Reference/\(c.file)")
            var root = try JSONSerialization.jsonObject(with: try Data(contentsOf: url)) as! [String: Any]
            var entries = root["entries"] as! [[String: Any]]
            let index = try #require(entries.firstIndex { $0["id"] as? String == c.id })
            entries[index]["value"] = c.value
            root["entries"] = entries
            try JSONSerialization.data(withJSONObject: root).write(to: url)
            let o = try CommandLineRunner.run(Self.readers[c.file]!, environment: ["NUCHECK_HOME": home.path])
            #expect(CommandLineRunner.violations(o).isEmpty, "\(o.invocation): \(CommandLineRunner.violations(o))")
            #expect(o.status == 5, "\(c): exit \(o.status), expected 5; stdout '\(o.stdout.prefix(200))'")
            #expect(o.stderr.contains(c.file) && o.stderr.contains(c.id), "\(c): '\(o.stderr)'")
        }
    }
}
