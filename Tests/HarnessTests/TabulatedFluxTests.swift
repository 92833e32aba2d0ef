import Foundation
import Testing
import NuBeams
import NuPhysics

/// The GLoBES flux reader: its integration rule against a table with a known integral, its units,
/// and malformed tables named by file and line.
struct TabulatedFluxTests {
    func table(_ text: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("flux-\(UUID().uuidString).txt")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    /// φ_νμ = 1 per m² per POT per GeV in forty 0.25 GeV bins: ∫φ dE = 10 per m² per POT =
    /// 1e-3 per cm² per POT; ∫φ E dE = Σ E_i ΔE = 50 GeV per m² per POT (exact for the
    /// histogram of bin centres, since E is linear in each bin).
    @Test("histogram of bin centres: known integrals, m² → cm², GeV → MeV")
    func knownIntegral() throws {
        let lines = (0..<40).map { i in "\(0.125 + 0.25 * Double(i)) 0 1 0 0 0.5 0" }
        let flux = try TabulatedFlux(url: try table(lines.joined(separator: "\n") + "\n"))
        let total = flux.integrate(.numu) { _ in 1 }
        #expect(abs(total / 1e-3 - 1) < 1e-14, "∫φ dE = \(total) per cm² per POT, expected 1e-3")
        let moment = flux.integrate(.numu) { e in e }  // e in MeV
        #expect(abs(moment / (50e3 * 1e-4) - 1) < 1e-14, "∫φ E dE = \(moment) MeV per cm² per POT, expected 5")
        #expect(abs(flux.integrate(.numubar) { _ in 1 } / 5e-4 - 1) < 1e-14, "the ν̄_μ column")
        #expect(flux.integrate(.nue) { _ in 1 } == 0)
    }

    @Test("malformed tables are errors naming file and line", arguments: [
        ("0.125 1 2 3\n", "line 1"), ("0.5 0 1 0 0 0 0\n0.125 0 1 0 0 0 0\n", "line 2"), ("0.125 0 1 0 0 0 0\n1.0 0 1 0 0 0 0\n", "line 2"),
        ("0.125 0 1 0 0 0 0\n0.375 0 -1 0 0 0 0\n", "line 2"), ("0.125 0 1 0 0 0 0\n0.375 0 1 0 0 0 0\n0.875 0 1 0 0 0 0\n", "line 3"), ("", "at least two"),
    ])
    func malformed(_ c: (String, String)) throws {
        let url = try table(c.0)
        do {
            _ = try TabulatedFlux(url: url)
            Issue.record("\(c.0.debugDescription) was accepted")
        } catch let error as BeamDataError {
            #expect(error.description.contains(url.path) && error.description.contains(c.1), "\(error)")
        }
    }
}
