import Foundation
import Testing
import NuCoherent
import TestSupport

/// Damaged fixtures, baselines and data files, run through the tool as a user would: each must
/// give one line `nucheck: error: …` naming the file, with exit status 5, never a number.
struct FileFaultTests {
    enum Fault: String, CaseIterable, Sendable {
        case empty, truncatedAtByte, truncatedAtLine, truncatedInLastLine, wrongType, duplicated, absurdMagnitude
    }

    /// A file of the repository or of the data, the command that reads it, and how to apply each
    /// fault to its text.
    struct Target: Sendable, CustomStringConvertible {
        let name: String
        /// Path relative to the copied tree.
        let file: String
        let tree: Tree
        let arguments: @Sendable (URL) -> [String]
        /// Text replacements for wrongType, duplicated and absurdMagnitude.
        let wrongType: @Sendable (String) -> String
        let duplicated: @Sendable (String) -> String
        let absurd: @Sendable (String) -> String
        var description: String { name }

        /// `data`: a user copy of the COHERENT releases (`--data`); `dune`: of the DUNE tables (`--dune-data`).
        enum Tree: Sendable { case repository, data, dune }
    }

    /// Replaces the first occurrence of `a` in `text` with `b` (the fault must apply).
    static func replacingFirst(_ text: String, _ a: String, _ b: String) -> String {
        guard let range = text.range(of: a) else { return text + "\u{0}unapplied fault" }
        return text.replacingCharacters(in: range, with: b)
    }

    /// The second data line repeated after itself.
    static func duplicatingLine(_ text: String, skipping prefix: String = "#") -> String {
        var lines = text.components(separatedBy: "\n")
        if let i = lines.indices.first(where: { !lines[$0].hasPrefix(prefix) && !lines[$0].isEmpty }) { lines.insert(lines[i], at: i + 1) }
        return lines.joined(separator: "\n")
    }

    static let targets: [Target] = [
        Target(name: "golden fixture", file: "Fixtures/golden/foundation.json", tree: .repository,
               arguments: { root in ["check", "--fixtures", root.appendingPathComponent("Fixtures").path,
                                     "--reference", Repository.reference.path] },
               wrongType: { replacingFirst($0, "\"paths\": [", "\"paths\": 7, \"x\": [") },
               duplicated: { text in
                   // The first case again: its id is then used twice.
                   guard let start = text.range(of: "\"cases\": [")?.upperBound, let end = text.range(of: "\n  },", range: start..<text.endIndex)?.upperBound else { return text }
                   return text.replacingCharacters(in: start..<start, with: String(text[start..<end]))
               },
               absurd: { replacingFirst($0, "\"relative\": \"", "\"relative\": \"1e300\", \"was\": \"") }),
        Target(name: "baseline", file: "Fixtures/baselines/baseline.txt", tree: .repository,
               arguments: { root in ["baseline", "compare", "--against", root.appendingPathComponent("Fixtures/baselines/baseline.txt").path] },
               wrongType: { replacingFirst($0, " | closedForm | 0.", " | closedForm | zero point ") },
               duplicated: { duplicatingLine($0) },
               absurd: { replacingFirst($0, " | closedForm | 0.", " | closedForm | 1e999") }),
        Target(name: "CsI neutron spectrum", file: "csi2021/brnPE.txt", tree: .data,
               arguments: { data in ["eval", "coherent.events", "detector=csi", "--data", data.path] },
               wrongType: { replacingFirst($0, "\n3.5 ", "\nthree ") },
               duplicated: { duplicatingLine($0) },
               absurd: { replacingFirst($0, "\n20.5 ", "\n20.5 1e300 #") }),
        Target(name: "CsI event list", file: "csi2021/dataBeamOnC.txt", tree: .data,
               arguments: { data in ["rates", "--detector", "csi", "--data", data.path] },
               wrongType: { text in duplicatingLine(text).replacingOccurrences(of: "\n111.189 ", with: "\nPE ") },
               duplicated: { duplicatingLine($0) },
               absurd: { replacingFirst($0, "\n111.189 ", "\n1e300 ") }),
        Target(name: "argon histogram", file: "ar2020/bkgpdf.txt", tree: .data,
               arguments: { data in ["rates", "--detector", "ar", "--data", data.path] },
               wrongType: { text in "x" + text },
               duplicated: { duplicatingLine($0) },
               absurd: { text in
                   var lines = text.components(separatedBy: "\n")
                   var fields = lines[0].split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
                   fields[0] = "-1e300"  // the issue's reproducer: an absurd bin centre
                   lines[0] = fields.joined(separator: " ")
                   return lines.joined(separator: "\n")
               }),
        // The argon efficiency table: cut at a byte it gave 110.0 argon events instead of 119.3 (issue 19).
        Target(
            name: "argon efficiency", file: "ar2020/CENNS10AnlAEfficiency.txt", tree: .data,
            arguments: { data in ["eval", "coherent.events", "detector=ar", "--data", data.path] },
            wrongType: { replacingFirst($0, "\n0.75 ", "\nzero ") },
            duplicated: { duplicatingLine($0) },
            absurd: { replacingFirst($0, "\n0.75 3.01972 9.22736e-06", "\n0.75 3.01972 1e300") }),
        // A DUNE flux table: cut at a line it was accepted with fewer bins (issue 19).
        Target(
            name: "DUNE flux table", file: "flux_dune_neutrino_ND_globes.txt", tree: .dune,
            arguments: { data in
                ["eval", "nue.events", "flux=dune-nd-nu", "pot=1e20", "targetTon=1", "--dune-data", data.path]
            },
            wrongType: { replacingFirst($0, "\n0.375 ", "\nthree ") },
            duplicated: { duplicatingLine($0) },
            absurd: { replacingFirst($0, "\n0.375 ", "\n1e300 ") }),
    ]

    static let cases: [(Target, Fault)] = targets.flatMap { t in Fault.allCases.map { (t, $0) } }

    /// Copies the tree holding the target into `scratch` and damages the file.
    static func damagedCopy(_ target: Target, _ fault: Fault, in scratch: URL) throws -> URL {
        let fm = FileManager.default
        let source: URL
        switch target.tree {
        case .repository:
            source = Repository.root
            try fm.copyItem(at: source.appendingPathComponent("Fixtures"), to: scratch.appendingPathComponent("Fixtures"))
        case .data:
            // A user copy in the releases' layout (ar2020/, csi2021/) made from the shipped files.
            source = Repository.reference.appendingPathComponent("releases")
            for (shipped, released) in [("coherent-ar2020", "ar2020"), ("coherent-csi2021", "csi2021")] {
                try fm.copyItem(at: source.appendingPathComponent(shipped), to: scratch.appendingPathComponent(released))
            }
        case .dune:
            // A user copy of the DUNE tables: the folder holds the two files.
            source = Repository.reference.appendingPathComponent("releases/dune-nd-tdr2021")
            for file in try fm.contentsOfDirectory(atPath: source.path) {
                try fm.copyItem(at: source.appendingPathComponent(file), to: scratch.appendingPathComponent(file))
            }
        }
        let url = scratch.appendingPathComponent(target.file)
        let text = try String(contentsOf: url, encoding: .utf8)
        let damaged: String
        switch fault {
        case .empty: damaged = ""
        case .truncatedAtByte: damaged = String(decoding: Data(text.utf8).prefix(text.utf8.count / 2 + 3), as: UTF8.self)
        case .truncatedAtLine:
            let lines = text.components(separatedBy: "\n")
            damaged = lines.prefix(lines.count / 2).joined(separator: "\n") + "\n"
        case .truncatedInLastLine:
            // The last line break and one character gone: the last number may still parse.
            damaged = String(decoding: Data(text.utf8).dropLast(2), as: UTF8.self)
        case .wrongType: damaged = target.wrongType(text)
        case .duplicated: damaged = target.duplicated(text)
        case .absurdMagnitude: damaged = target.absurd(text)
        }
        #expect(damaged != text && !damaged.contains("unapplied fault"), "\(target) \(fault): the fault did not apply")
        try damaged.write(to: url, atomically: true, encoding: .utf8)
        return scratch
    }

    @Test("a damaged file is one error line naming it, exit 5", arguments: cases)
    func damaged(_ target: Target, _ fault: Fault) throws {
        try withTemporaryDirectory("nucheck-fault") { root in
            let scratch = try Self.damagedCopy(target, fault, in: root)
            let o = try CommandLineRunner.run(target.arguments(scratch))
            #expect(CommandLineRunner.violations(o).isEmpty, "\(target) \(fault): \(CommandLineRunner.violations(o))")
            #expect(o.status == 5, "\(target) \(fault): \(o.invocation) exited \(o.status), expected 5; stderr '\(o.stderr)'")
            #expect(o.stderr.contains(target.file), "\(target) \(fault): the error does not name \(target.file): '\(o.stderr)'")
        }
    }
}
