import Foundation
import Testing
import TestSupport

/// Issue 19 (round two), the command line: outputs never replace devices, FIFOs or symbolic
/// links, several outputs are all or none, and the reproducers give their documented status.
struct OutputSafetyTests {
    static func plot(_ out: String) throws -> CommandLineRunner.Outcome {
        try CommandLineRunner.run(["plot", "nue.tmax", "--x", "energy", "--from", "1MeV", "--to", "2MeV", "--points", "3", "--out", out])
    }

    static func isCharacterDevice(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFCHR
    }

    @Test("--out /dev/null is refused and /dev/null stays a device")
    func deviceRefused() throws {
        let o = try Self.plot("/dev/null")
        #expect(o.status == 5 && o.stderr.contains("/dev/null") && o.stderr.contains("device"), "\(o.status) \(o.stderr)")
        #expect(Self.isCharacterDevice("/dev/null"), "/dev/null is no longer a character device")
    }

    @Test("a FIFO target is refused")
    func fifoRefused() throws {
        try withTemporaryDirectory("nucheck-out") { d in
            let fifo = d.appendingPathComponent("pipe").path
            #expect(mkfifo(fifo, 0o600) == 0)
            let o = try Self.plot(fifo)
            #expect(o.status == 5 && o.stderr.contains("FIFO"), "\(o.status) \(o.stderr)")
            var info = stat()
            #expect(lstat(fifo, &info) == 0 && info.st_mode & S_IFMT == S_IFIFO, "the FIFO was replaced")
        }
    }

    @Test("a symbolic link target is refused and its target untouched")
    func symlinkRefused() throws {
        try withTemporaryDirectory("nucheck-out") { d in
            let target = d.appendingPathComponent("real.svg"), link = d.appendingPathComponent("link.svg")
            try "keep".write(to: target, atomically: false, encoding: .utf8)
            try FileManager.default.createSymbolicLink(at: link, withDestinationURL: target)
            let o = try Self.plot(link.path)
            #expect(o.status == 5 && o.stderr.contains("symbolic link"), "\(o.status) \(o.stderr)")
            #expect(try String(contentsOf: target, encoding: .utf8) == "keep")
            #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: link.path)) != nil, "the link was replaced")
        }
    }

    @Test("check --junit ok --markdown missing/x: exit 5 and no ok.xml")
    func allOrNone() throws {
        try withTemporaryDirectory("nucheck-out") { d in
            let ok = d.appendingPathComponent("ok.xml").path, bad = d.appendingPathComponent("missing/x.md").path
            let o = try CommandLineRunner.run(["check", "--filter", "004.prompt", "--junit", ok, "--markdown", bad])
            #expect(o.status == 5 && o.stderrLines.count == 1 && o.stderr.contains("missing"), "\(o.status) \(o.stderr)")
            #expect(!FileManager.default.fileExists(atPath: ok), "ok.xml was written though the command failed")
        }
    }

    @Test("two concurrent writers in one directory both succeed")
    func concurrentWriters() throws {
        try withTemporaryDirectory("nucheck-out") { d in
            let paths = ["a.svg", "b.svg"].map { d.appendingPathComponent($0).path }
            let outcomes = Mutex()
            DispatchQueue.concurrentPerform(iterations: 2) { i in outcomes.append(try? Self.plot(paths[i])) }
            #expect(outcomes.values.count == 2 && outcomes.values.allSatisfy { $0?.status == 0 }, "\(outcomes.values.map { $0?.stderr })")
            for p in paths { #expect(FileManager.default.fileExists(atPath: p)) }
            let names = try FileManager.default.contentsOfDirectory(atPath: d.path).sorted()
            #expect(names == ["a.svg", "b.svg"], "temporaries left")
        }
    }

    final class Mutex: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var values: [CommandLineRunner.Outcome?] = []
        func append(_ o: CommandLineRunner.Outcome?) { lock.lock(); values.append(o); lock.unlock() }
    }

    static let reproducers: [([String], Int32, String)] = [
        (["limits", "B-L", "--points", "9223372036854775807"], 2, "--points"),
        (["bench", "--budget", "nan"], 2, "--budget"),
        (["bench", "--budget", "0"], 2, "--budget"),
        (["g2", "B-L", "--from", "1GeV", "--to", "1MeV"], 2, "--from"),
        (["limits", "B-L", "--from", "1GeV", "--to", "1MeV"], 2, "--from"),
        (["eval", "cevns.dsigma", "nucleus=Cs133:1:2", "flavor=numu", "energy=30MeV", "recoil=1keV"], 2, "mixture"),
        (["eval", "cevns.dsigma", "nucleus=Cs133:nan", "flavor=numu", "energy=30MeV", "recoil=1keV"], 2, "mixture"),
        (["eval", "cevns.dsigma", "nucleus=,", "flavor=numu", "energy=30MeV", "recoil=1keV"], 2, "mixture"),
        (["eval", "nue.events", "flux="], 2, "'flux' is empty"),
        (["eval", "cevns.publicCode", "nucleus=Ar40", "energy=30MeV", "recoil=1MeV"], 3, "T_max"),
        (["check", "--summary", "--json"], 2, "--summary"),
    ]

    @Test("round-two reproducers: documented status and one error line", arguments: reproducers)
    func reproducer(_ c: ([String], Int32, String)) throws {
        let o = try CommandLineRunner.run(c.0)
        #expect(CommandLineRunner.violations(o).isEmpty, "\(o.invocation): \(CommandLineRunner.violations(o))")
        #expect(o.status == c.1 && o.stderr.contains(c.2), "\(o.invocation): exit \(o.status), '\(o.stderr)'")
    }

    @Test("cevns.tmax form=EXACT prints the exact form's agreement")
    func exactAgreement() throws {
        let o = try CommandLineRunner.run(["eval", "cevns.tmax", "nucleus=Cs133", "form=EXACT"])
        #expect(o.status == 0 && !o.stdout.contains("by design"), "\(o.stdout)")
    }
}

/// Options given twice, or that do nothing in the chosen mode, are refused (exit 2).
struct OptionRefusalTests {
    static let cases: [([String], String)] = [
        (["limits", "B-L", "--points", "2", "--points", "3"], "given twice"),
        (["limits", "B-L", "--points=2", "--points", "3"], "given twice"),
        (["rates", "--dof", "1"], "computes no limit"),
        (["rates", "--delta-from", "minimum"], "computes no limit"),
        (["sensitivity", "B-L", "--experiment", "jsns2", "--mode", "nu"], "one mode"),
    ]

    @Test("refused options: exit 2 and why", arguments: cases)
    func refused(_ c: ([String], String)) throws {
        let o = try CommandLineRunner.run(c.0)
        #expect(o.status == 2 && o.stderrLines.count == 1 && o.stderr.contains(c.1), "\(o.invocation): \(o.status) '\(o.stderr)'")
    }
}
