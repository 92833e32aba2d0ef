import Foundation
import Testing
import TestSupport
import NuAnalyses
import NuCoherent

/// JSNS²'s protons follow 000's convention, as DUNE's do: the exposure in MW·yr times 000's
/// protons a year over the beam power of one such year (the audit found 5 MW·yr converted at 3 GeV
/// and full uptime into 3.28e23 protons, 1.73× 000's 5 × 3.8e22).
struct JSNS2ExposureTests {
    /// The entries of `Reference/jsns2.json` by id, their values read as printed in the file.
    static func entries() throws -> [String: Double] {
        let url = Repository.reference.appendingPathComponent("jsns2.json")
        let root = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        let list = try #require(root["entries"] as? [[String: Any]])
        var values: [String: Double] = [:]
        for entry in list {
            if let id = entry["id"] as? String, let text = entry["value"] as? String, let value = Double(text) {
                values[id] = value
            }
        }
        return values
    }

    @Test("the setup's protons are 000's 5 years × 3.8e22 = 1.9e23, from the file's entries")
    func protons() throws {
        let e = try Self.entries()
        let fromFile = try #require(e["exposure"]) * (try #require(e["protonsPerYear"])) / (try #require(e["beamPower"]))
        // 000 Sec. III-IV: "About 3.8×10^22 3-GeV protons ... annually", "a 5-year exposure".
        expectClose(fromFile, 5 * 3.8e22, relative: 1e-15, "the file's protons against 000's sentence")
        let setup = try JSNS2Sensitivity.setup(.shared)
        expectClose(setup.protons, fromFile, relative: 1e-15, "JSNS2Sensitivity's protons")
        #expect(e["protonEnergy"] == nil, "the proton energy no longer enters the exposure")
    }
}
