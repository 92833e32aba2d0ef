import Foundation
import Testing
import NuReports
import NuCoherent
@testable import NuRegistry
@testable import NuValidation
@testable import NuAnalyses
@testable import NuReports

/// Reads the YAML subset the HEPData writer uses: top-level `key: value` and `key:` lines, block
/// sequences (`- `) of flow mappings `{k: v, ...}` or of mappings whose first key sits on the dash
/// line, scalars plain or single-quoted. Enough to check the record's structure independently of
/// the writer; anything else is a parse failure.
private enum MiniYAML {
    static func scalar(_ s: String) -> String {
        let t = s.trimmingCharacters(in: .whitespaces)
        if t.hasPrefix("'"), t.hasSuffix("'"), t.count >= 2 { return String(t.dropFirst().dropLast()).replacingOccurrences(of: "''", with: "'") }
        return t
    }

    /// `{a: b, c: 'd, e'}` → [a: b, c: d, e].
    static func flow(_ s: String) throws -> [String: String] {
        let t = s.trimmingCharacters(in: .whitespaces)
        guard t.hasPrefix("{"), t.hasSuffix("}") else { throw ParseError(line: s) }
        var parts: [String] = [], current = "", quoted = false
        for ch in t.dropFirst().dropLast() {
            if ch == "'" { quoted.toggle() }
            if ch == ",", !quoted { parts.append(current); current = "" } else { current.append(ch) }
        }
        if !current.trimmingCharacters(in: .whitespaces).isEmpty { parts.append(current) }
        var out: [String: String] = [:]
        for p in parts {
            guard let colon = p.firstIndex(of: ":") else { throw ParseError(line: p) }
            out[scalar(String(p[..<colon]))] = scalar(String(p[p.index(after: colon)...]))
        }
        return out
    }

    struct ParseError: Error { let line: String }
}

@Test("HEPData submission: one table per curve, the mass independent, the bound qualified by CL, dof, data set, model, edge")
func hepdataRecord() throws {
    let convention = try LimitConvention(dof: 2)
    let points = [LimitPoint(mass: 0.1, g: 5e-5, allowed: [(0, 5e-5)], illConditioned: false),
                  LimitPoint(mass: 1000, g: 1.6e-3, allowed: [(0, 1.6e-3), (2e-3, nil)], illConditioned: false)]
    let curves = [LimitCurve(model: "B-L", dataset: "combined", convention: convention, inputs: .release, points: points),
                  LimitCurve(model: "scalar", dataset: "ar", convention: convention, inputs: .paper, points: points)]
    let files = try LimitReport.hepdata(curves).files()
    #expect(files.map(\.name) == ["submission.yaml", "limit_B-L_combined.yaml", "limit_scalar_ar.yaml"], "\(files.map(\.name))")
    let submission = files[0].text
    #expect(submission.contains("data_file: limit_B-L_combined.yaml") && submission.contains("data_file: limit_scalar_ar.yaml"))
    #expect(submission.contains("more than one interval at M = 1000 MeV"), "the split allowed region is described")
    #expect(submission.contains("coherent-csi2021") && submission.contains("coherent-ar2020"), "the data sets are named")
    for ((_, text), c) in zip(files.dropFirst(), curves) {
        let lines = text.split(separator: "\n").map(String.init).filter { !$0.hasPrefix("#") }
        guard let iv = lines.firstIndex(of: "independent_variables:"), let dv = lines.firstIndex(of: "dependent_variables:"), iv < dv else {
            Issue.record("sections missing:\n\(text)"); return
        }
        #expect(iv == 0, "a data file holds only the two sections")
        let header = try MiniYAML.flow(String(lines[iv + 1].dropFirst("- header: ".count)))
        #expect(header["units"] == "MeV", "\(header)")
        let masses = try lines[(iv + 3)..<dv].map { try MiniYAML.flow(String($0.dropFirst("  - ".count)))["value"].flatMap(Double.init) }
        #expect(masses == [0.1, 1000])
        #expect(lines[dv + 2] == "  qualifiers:")
        var q: [String: String] = [:], values: [Double] = []
        var i = dv + 3
        while i < lines.count, lines[i].hasPrefix("  - {name") { let f = try MiniYAML.flow(String(lines[i].dropFirst(4))); q[f["name"]!] = f["value"]; i += 1 }
        #expect(i < lines.count && lines[i] == "  values:")
        i += 1
        while i < lines.count, lines[i].hasPrefix("  - {value") { values.append(Double(try MiniYAML.flow(String(lines[i].dropFirst(4)))["value"]!)!); i += 1 }
        #expect(i == lines.count, "one dependent variable")
        #expect(values == [5e-5, 1.6e-3])
        #expect(q["CL"] == "95.45%" && q["dof"] == "2" && q["model"] == c.model && q["data set"] == c.datasetLabel
                && q["edge"] == "first" && q["inputs"] == c.inputs.rawValue, "\(q)")
        #expect(abs(Double(q["Delta chi2"]!)! - 6.18) < 0.01)
        #expect(text.contains("# data: coherent-ar2020") && text.contains("coherent-csi2021") == (c.dataset == "combined"),
                "each data file names the data sets it read")
    }
}

@Test("limits CSV and JSON carry the allowed intervals and the convention")
func limitCSVAndJSON() throws {
    let convention = try LimitConvention(dof: 1, edge: .outer)
    let points = [LimitPoint(mass: 1e5, g: 0.3, allowed: [(0, 0.1), (0.2, 0.3)], illConditioned: true)]
    let curve = LimitCurve(model: "universal", dataset: "ar", convention: convention, inputs: .release, points: points)
    let csv = try LimitReport.csv([curve]).split(separator: "\n").filter { !$0.hasPrefix("#") }
    #expect(csv.count == 2 && csv[1].hasSuffix(",0:0.1;0.2:0.3") && csv[1].contains(",1,4,minimum,outer,"), "\(csv)")
    let root = try JSONSerialization.jsonObject(with: Data(try LimitReport.json([curve]).utf8)) as? [String: Any]
    let json = (root?["curves"] as? [[String: Any]])?.first
    #expect((root?["harness"] as? [String: Any])?["commit"] is String, "limits JSON names the commit")
    #expect((root?["data"] as? [[String: Any]])?.count == 3, "limits JSON names the three data sets")
    #expect(json?["dof"] as? Int == 1 && json?["edge"] as? String == "outer" && json?["deltaChi2"] as? Double == 4)
    let boundary = json?["boundary"] as? [[String: Any]]
    #expect((boundary?.first?["allowed"] as? [[String: Any]])?.count == 2 && boundary?.first?["illConditioned"] as? Bool == true)
}
