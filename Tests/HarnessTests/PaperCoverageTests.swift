import Foundation
import Testing
import NuData
import NuReports
import NuValidation

/// Every paper is visible in the check: its golden cases run, and what `Reference/` records as
/// lost is listed with its reason in the table, the JSON and the Markdown report (issue 20: 003
/// used to live in `Reference/` only).
struct PaperCoverageTests {
    @Test("paper 003 has cases in the check and its lost items in every report")
    func paper003() throws {
        let set = try Repository.load()
        let cases003 = set.cases.filter { $0.citation == "Alikhanov & Paschos" }
        #expect(cases003.count >= 3, "003 has \(cases003.count) golden cases; the check must list at least 3")
        let lost = set.notEvaluable.filter { $0.citation == "Alikhanov & Paschos" }
        #expect(lost.count >= 5, "003's lost items in Reference/: \(lost.map(\.id))")
        #expect(lost.allSatisfy { !($0.irreproducible ?? "").isEmpty }, "a lost item without its reason")

        let results = Runner.run(cases003)
        #expect(results.allSatisfy { $0.status == .passed }, "\(results.filter { $0.status != .passed }.map(\.fixture.id))")
        let markdown = try Reports.markdown(results, notEvaluable: lost)
        #expect(markdown.contains("## Alikhanov & Paschos"), "no Markdown section for 003")
        for e in lost { #expect(markdown.contains("**\(e.id)**"), "Markdown lacks the lost item \(e.id)") }
        let table = Reports.notEvaluable(lost)
        #expect(table.hasPrefix("\(lost.count) recorded statements cannot be evaluated"), "\(table.prefix(80))")
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(Reports.json(results, notEvaluable: lost).utf8))
                as? [String: Any])
        let listed = try #require(object["notEvaluable"] as? [[String: Any]])
        #expect(listed.count == lost.count && listed.allSatisfy { $0["irreproducible"] is String })
    }

    /// A source reads "Atzori Corona et al., Sec. IV.8 …": the report's "where" column is the part
    /// after the citation, not the source with its first word dropped ("Corona et al., …").
    @Test("the Markdown 'where' column is the location, without the citation")
    func locationColumn() throws {
        let cases = try Repository.load().cases.filter { $0.id == "004.g2.LeLmu_gap.lower_edge" }
        let text = try Reports.markdown(Runner.run(cases))
        #expect(text.contains("| 004.g2.LeLmu_gap.lower_edge | Sec. IV.8 (L_e - L_mu model), text on Fig. 8 |"))
        #expect(!text.contains("Corona et al., Sec."), "the location still carries part of the citation")
    }
}
