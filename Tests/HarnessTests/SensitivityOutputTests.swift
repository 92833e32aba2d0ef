import Foundation
import Testing
import TestSupport

/// `nucheck sensitivity` carries the deficit region's upper edge and the combined statistic into its
/// JSON and CSV, and refuses `--statistic` where no combined curve uses it.
struct SensitivityOutputTests {
    @Test("JSON: the B−L ν mode's deficit region closes above its reach; the combined curve names its statistic")
    func json() throws {
        let o = try CommandLineRunner.run(
            ["sensitivity", "B-L", "--from", "100MeV", "--to", "1GeV", "--points", "2", "--json"])
        #expect(o.status == 0, "\(o.stderr)")
        let root = try #require(try JSONSerialization.jsonObject(with: Data(o.stdout.utf8)) as? [String: Any])
        let curves = try #require(root["curves"] as? [[String: Any]])
        let byMode = Dictionary(curves.map { ($0["mode"] as? String ?? "", $0) }, uniquingKeysWith: { a, _ in a })
        for point in try #require(byMode["nu"]?["points"] as? [[String: Any]]) {
            let start = try #require(point["deficitG"] as? Double), end = try #require(point["deficitEndG"] as? Double)
            let excess = try #require(point["excessG"] as? Double)
            // The region [start, end] lies below where N returns to N_SM, itself below the excess reach.
            #expect(start < end && end < excess, "deficit \(start)...\(end), excess from \(excess)")
        }
        #expect(byMode["combined"]?["statistic"] as? String == "summed-events")
        #expect(byMode["nu"]?["statistic"] is NSNull)
    }

    @Test("CSV: the statistic and deficit-end columns; --statistic chi2-sum reaches the combined rows")
    func csv() throws {
        try withTemporaryDirectory("nucheck-sensitivity") { folder in
            let file = folder.appendingPathComponent("reach.csv")
            let o = try CommandLineRunner.run(
                ["sensitivity", "Le-Lmu", "--mode", "combined", "--statistic", "chi2-sum", "--from", "10MeV", "--to",
                 "1GeV", "--points", "2", "--csv", file.path])
            #expect(o.status == 0, "\(o.stderr)")
            let lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n").filter { !$0.hasPrefix("#") }
            #expect(lines.first?.contains("statistic") == true && lines.first?.contains("deficit_end_g_dimensionless") == true)
            #expect(lines.dropFirst().count == 2 && lines.dropFirst().allSatisfy { $0.contains(",combined,chi2-sum,") })
        }
    }

    @Test("--statistic with one DUNE mode or JSNS² alone is refused", arguments: [["--mode", "nu"], ["--experiment", "jsns2"]])
    func refused(_ extra: [String]) throws {
        let o = try CommandLineRunner.run(["sensitivity", "B-L", "--statistic", "chi2-sum", "--points", "2"] + extra)
        #expect(o.status == 2 && o.stderr.hasPrefix("nucheck: error:") && o.stderr.contains("--statistic"), "\(o.stderr)")
    }

    /// An input the quantity does not use is refused: one mode has no combined statistic.
    @Test("dune.sensitivity refuses statistic with mode=nu or nubar", arguments: ["nu", "nubar"])
    func quantityRefuses(_ mode: String) throws {
        let o = try CommandLineRunner.run(
            ["eval", "dune.sensitivity", "model=B-L", "mass=1GeV", "mode=\(mode)", "statistic=summed-events"])
        #expect(o.status == 2 && o.stderr.contains("statistic is only used with mode=combined"), "\(o.stderr)")
    }
}
