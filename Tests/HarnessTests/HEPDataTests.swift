import Foundation
import Testing
@testable import NuReports
import TestSupport

/// Issue 17: `--hepdata DIR` writes a submission folder that hepdata-validator accepts.
struct HEPDataTests {
    static func column(_ values: [Double?]) -> HEPDataSubmission.Variable {
        .init(name: "x", units: "MeV", values: values)
    }

    static func table(_ name: String, file: String, independent: [Double?] = [1, 2],
                      dependent: [Double?] = [3, nil]) -> HEPDataSubmission.Table {
        .init(name: name, description: "d", dataFile: file, observables: ["o"], reactions: [], phrases: [],
              independent: column(independent), dependent: [column(dependent)], provenance: [])
    }

    @Test("numbers are written so that YAML 1.1 reads floats: 1e-05 becomes 1.0e-05")
    func numbers() {
        let cases: [(Double, String)] = [(1e-5, "1.0e-05"), (2.5e-6, "2.5e-06"), (100, "100"), (0.1, "0.1"),
                                         (3e20, "3.0e+20"), (-4e-9, "-4.0e-09"), (21.544347, "21.544347")]
        for (x, expected) in cases {
            #expect(HEPDataSubmission.number(x) == expected, "\(x): observed \(HEPDataSubmission.number(x)) vs expected \(expected)")
        }
    }

    @Test("what the format cannot hold is refused: no table, long or repeated names, unequal columns, NaN")
    func refusals() {
        let bad: [(String, [HEPDataSubmission.Table])] = [
            ("no table", []),
            ("name over 64 characters", [Self.table(String(repeating: "n", count: 65), file: "a.yaml")]),
            ("name twice", [Self.table("t", file: "a.yaml"), Self.table("t", file: "b.yaml")]),
            ("file twice", [Self.table("t", file: "a.yaml"), Self.table("u", file: "a.yaml")]),
            ("file not YAML", [Self.table("t", file: "a.txt")]),
            ("file is submission.yaml", [Self.table("t", file: "submission.yaml")]),
            ("unequal columns", [Self.table("t", file: "a.yaml", dependent: [1])]),
            ("NaN", [Self.table("t", file: "a.yaml", dependent: [1, .nan])]),
            ("independent value missing", [Self.table("t", file: "a.yaml", independent: [1, nil])]),
        ]
        for (reason, tables) in bad {
            #expect(throws: (any Error).self, "\(reason)") {
                try HEPDataSubmission(comment: "c", harness: "h", tables: tables).files()
            }
        }
        #expect(HEPDataSubmission.fileName("limit", "B_y+L_mu", "csi") == "limit_B_y_L_mu_csi.yaml")
    }

    static let validatorPresent = ExternalTools.hepdataValidator || ExternalTools.underCI

    @Test("hepdata-validator accepts the limits and sensitivity folders, and rejects a damaged one",
          .enabled(if: validatorPresent, "hepdata-validator is not installed (pip install hepdata-validator)"))
    func validatorAccepts() throws {
        try #require(ExternalTools.hepdataValidator, "CI is set but hepdata-validator is not importable")
        try withTemporaryDirectory("nucheck-hepdata") { d in
            let limits = d.appendingPathComponent("limits"), reach = d.appendingPathComponent("reach")
            let runs: [([String], URL, Int)] = [
                (["limits", "B-L", "--detector", "all", "--points", "4", "--hepdata", limits.path], limits, 3),
                (["sensitivity", "B-L", "--experiment", "all", "--points", "3", "--hepdata", reach.path], reach, 4),
            ]
            for (arguments, folder, tables) in runs {
                let o = try CommandLineRunner.run(arguments)
                #expect(o.status == 0, "\(o.invocation): \(o.stderr)")
                let v = try ExternalTools.validateHEPData(folder)
                #expect(v.status == 0 && v.output.contains("tables: \(tables)"), "\(folder.lastPathComponent):\n\(v.output)")
            }
            // The validator is live: a top-level name in a data file (what 0.3.6 rejected before) fails it.
            let file = limits.appendingPathComponent("limit_B-L_ar.yaml")
            let text = try String(contentsOf: file, encoding: .utf8)
            try ("name: 'B-L'\n" + text).write(to: file, atomically: true, encoding: .utf8)
            #expect(try ExternalTools.validateHEPData(limits).status != 0, "a data file with a top-level name was accepted")
            // ... and so is the number check: a value YAML reads as a string.
            try text.replacingOccurrences(of: "{value: 0.1}", with: "{value: 1e-01}").write(to: file, atomically: true, encoding: .utf8)
            let v = try ExternalTools.validateHEPData(limits)
            #expect(v.status != 0 && v.output.contains("not a number"), "\(v.output)")
        }
    }

    @Test("--hepdata refuses a file name, a folder holding other files, and replaces an earlier submission whole")
    func folderRules() throws {
        try withTemporaryDirectory("nucheck-hepdata") { d in
            let yaml = try CommandLineRunner.run(["limits", "B-L", "--points", "2", "--hepdata", d.appendingPathComponent("x.yaml").path])
            #expect(yaml.status == 5 && yaml.stderr.contains("give a folder"), "\(yaml.stderr)")
            let folder = d.appendingPathComponent("sub")
            let all = try CommandLineRunner.run(["limits", "B-L", "--detector", "all", "--points", "2", "--hepdata", folder.path])
            #expect(all.status == 0, "\(all.stderr)")
            let one = try CommandLineRunner.run(["limits", "B-L", "--points", "2", "--hepdata", folder.path])
            #expect(one.status == 0, "\(one.stderr)")
            let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
            #expect(names == ["limit_B-L_ar.yaml", "submission.yaml"], "the earlier submission's tables are gone: \(names)")
            try Data().write(to: folder.appendingPathComponent("notes.txt"))
            let foreign = try CommandLineRunner.run(["limits", "B-L", "--points", "2", "--hepdata", folder.path])
            #expect(foreign.status == 5 && foreign.stderr.contains("notes.txt"), "\(foreign.stderr)")
        }
    }
}
