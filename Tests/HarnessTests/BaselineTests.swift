import NuData
import Foundation
import Testing
import NuData
import NuRegistry
import NuValidation
import NuAnalyses
import TestSupport

struct BaselineTests {
    static let committed = Repository.fixtures.appendingPathComponent("baselines/baseline.txt")

    /// The committed baseline against a fresh evaluation: a physics change that moves any number
    /// by more than 1e-9 (relative) fails until the baseline is re-recorded on purpose with
    /// `nucheck baseline record`. Everything evaluated is deterministic; 1e-9 leaves room only for
    /// last-bit differences of the C maths library between machines.
    @Test("no physics number moved against Fixtures/baselines/baseline.txt")
    func committedBaseline() throws {
        let old = try Baseline.read(Self.committed)
        let new = Baseline.evaluate(try Repository.load().cases)
        #expect(old.count > 10_000, "baseline holds only \(old.count) values")
        let changes = Baseline.compare(old: old, new: new, tolerance: 1e-9)
        #expect(changes.isEmpty, "\(Baseline.report(changes, compared: old.count))")
    }

    /// A `baseline record` killed mid-write leaves its temporary file; the next write removes it.
    @Test("a killed write's temporary file is removed by the next write")
    func staleTemporary() throws {
        try withTemporaryDirectory("nucheck-baseline") { directory in
            // Pid 2^30 runs nowhere (Linux pids stay below 2^22); our own pid is a live writer's.
            let stale = directory.appendingPathComponent(".baseline.txt.1073741824.\(UUID().uuidString).tmp")
            let live = directory.appendingPathComponent(".baseline.txt.\(getpid()).\(UUID().uuidString).tmp")
            try String(repeating: "x", count: 1000).write(to: stale, atomically: false, encoding: .utf8)
            try String(repeating: "x", count: 1000).write(to: live, atomically: false, encoding: .utf8)
            let entries = try Baseline.read(Self.committed).prefix(3)
            try Baseline.write(Array(entries), to: directory.appendingPathComponent("baseline.txt"))
            #expect(!FileManager.default.fileExists(atPath: stale.path), "the stale temporary file \(stale.lastPathComponent) is still there")
            #expect(FileManager.default.fileExists(atPath: live.path), "a live writer's temporary \(live.lastPathComponent) was removed")
            #expect(try Baseline.read(directory.appendingPathComponent("baseline.txt")).count == 3)
        }
    }

    @Test("every registered quantity is in the baseline")
    func coverage() throws {
        let quantities = Set(try Baseline.read(Self.committed).map(\.quantity))
        for q in QuantityRegistry.all { #expect(quantities.contains(q.name), "\(q.name) is not in the baseline grid") }
    }

    @Test("round trip, a moved value, and corrupt or truncated files")
    func formatAndCompare() throws {
        let entries = [Baseline.Entry(key: "a | closedForm", quantity: "q", value: 1.0000000000000002, error: nil, units: "MeV"),
                       Baseline.Entry(key: "b | error", quantity: "q", value: nil, error: "unknown: x", units: "")]
        try withTemporaryDirectory("nucheck-baseline") { root in
            let directory = root.appendingPathComponent("out")
            let url = directory.appendingPathComponent("baseline.txt")
            try Baseline.write(entries, to: url)
            try Baseline.write(entries, to: url)  // over an existing file, through the temporary
            #expect(try Baseline.read(url) == entries)
            #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["baseline.txt"], "temporary files left behind")
            let moved = [Baseline.Entry(key: "a | closedForm", quantity: "q", value: 1.001, error: nil, units: "MeV"), entries[1]]
            let changes = Baseline.compare(old: entries, new: moved, tolerance: 1e-9)
            #expect(changes.count == 1 && changes.first?.key == "a | closedForm")
            #expect(Baseline.report(changes, compared: 2).contains("q: 1 moved"))
            #expect(Baseline.compare(old: entries, new: [entries[0]], tolerance: 1e-9).count == 1, "a vanished value counts as moved")

            func error(_ text: String) throws -> String {
                do { _ = try withTemporaryFile(text, named: "baseline.txt", Baseline.read); return "read without error" }
                catch let e as HarnessError { return e.description }
            }
            #expect(try error("hello\n").contains("line 1"))
            #expect(try error("# nucheck baseline\na | closedForm | 1 | MeV | q").contains("truncated"))
            #expect(try error("# nucheck baseline\na | closedForm | 1 | MeV\n").contains("line 2"))
            #expect(try error("# nucheck baseline\nx\na | closedForm | one | MeV | q\n").contains("line 2"))
            #expect(try error("# nucheck baseline\n").contains("no values"))
            #expect(try error("# nucheck baseline\na | closedForm | nan | MeV | q\n").contains("not a finite number"))
        }
    }
}
