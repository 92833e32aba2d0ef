import Foundation
import Testing
import NuBeams
import NuPhysics
import TestSupport

/// The GLoBES flux reader: its integration rule against a table with a known integral, its units,
/// and malformed tables named by file and line.
struct TabulatedFluxTests {
    /// φ_νμ = 1 per m² per POT per GeV in forty 0.25 GeV bins: ∫φ dE = 10 per m² per POT =
    /// 1e-3 per cm² per POT; ∫φ E dE = Σ E_i ΔE = 50 GeV per m² per POT (exact for the
    /// histogram of bin centres, since E is linear in each bin).
    @Test("histogram of bin centres: known integrals, m² → cm², GeV → MeV")
    func knownIntegral() throws {
        let lines = (0..<40).map { i in "\(0.125 + 0.25 * Double(i)) 0 1 0 0 0.5 0" }
        let flux = try withTemporaryFile(lines.joined(separator: "\n") + "\n", named: "flux.txt") {
            try TabulatedFlux(url: $0)
        }
        let total = flux.integrate(.numu) { _ in 1 }
        expectClose(total, 1e-3, relative: 1e-14, "∫φ dE per cm² per POT")
        let moment = flux.integrate(.numu) { e in e }  // e in MeV
        expectClose(moment, 50e3 * 1e-4, relative: 1e-14, "∫φ E dE (MeV per cm² per POT)")
        expectClose(flux.integrate(.numubar) { _ in 1 }, 5e-4, relative: 1e-14, "the ν̄_μ column")
        #expect(flux.integrate(.nue) { _ in 1 } == 0)
    }

    @Test("malformed tables are errors naming file and line", arguments: [
        ("0.125 1 2 3\n", "line 1"), ("0.5 0 1 0 0 0 0\n0.125 0 1 0 0 0 0\n", "line 2"), ("0.125 0 1 0 0 0 0\n1.0 0 1 0 0 0 0\n", "line 2"),
        ("0.125 0 1 0 0 0 0\n0.375 0 -1 0 0 0 0\n", "line 2"), ("0.125 0 1 0 0 0 0\n0.375 0 1 0 0 0 0\n0.875 0 1 0 0 0 0\n", "line 3"), ("", "at least two"),
    ])
    func malformed(_ c: (String, String)) throws {
        try withTemporaryFile(c.0, named: "flux.txt") { url in
            do {
                _ = try TabulatedFlux(url: url)
                Issue.record("\(c.0.debugDescription) was accepted")
            } catch let error as BeamDataError {
                #expect(error.description.contains(url.path) && error.description.contains(c.1), "\(error)")
            }
        }
    }

    /// A table read against a released grid (3 bins from 0.125 by 0.25 GeV): the full table passes;
    /// one cut at a line (fewer bins), extended, shifted, or cut mid-line (no final line break) is an error.
    @Test("a released grid: row count, first centre, step and the final line break are checked", arguments: [
        ("0.125 0 1 0 0 0 0\n0.375 0 1 0 0 0 0\n0.625 0 1 0 0 0 0\n", nil),
        ("0.125 0 1 0 0 0 0\n0.375 0 1 0 0 0 0\n", "2 bins"),
        ("0.125 0 1 0 0 0 0\n0.375 0 1 0 0 0 0\n0.625 0 1 0 0 0 0\n0.875 0 1 0 0 0 0\n", "4 bins"),
        ("0.375 0 1 0 0 0 0\n0.625 0 1 0 0 0 0\n0.875 0 1 0 0 0 0\n", "from 0.375"),
        ("0.125 0 1 0 0 0 0\n0.375 0 1 0 0 0 0\n0.625 0 1 0 0 0 0", "middle of a line"),
    ] as [(String, String?)])
    func releasedGrid(_ c: (String, String?)) throws {
        let grid = TabulatedFlux.ReleasedGrid(first: 0.125, step: 0.25, rows: 3)
        try withTemporaryFile(c.0, named: "flux.txt") { url in
            do {
                let flux = try TabulatedFlux(url: url, released: grid)
                #expect(c.1 == nil, "\(c.0.debugDescription) was accepted")
                #expect(flux.energies.count == 3)
            } catch let error as BeamDataError {
                #expect(c.1 != nil && error.description.contains(url.path), "\(error)")
                if let text = c.1 { #expect(error.description.contains(text), "\(error)") }
            }
        }
    }

    /// The shipped DUNE tables are the grid the reader states for them (501 bins, 0.125-125.125 GeV).
    @Test("the shipped DUNE tables have the stated released grid")
    func shippedDuneGrid() throws {
        #expect(BeamData.duneGrid.last == 125.125)
        for name in BeamData.named.keys.sorted() {
            let flux = try BeamData.table(name)
            #expect(flux.energies.count == 501, "\(name)")
            expectClose(flux.energies.last ?? 0, 125_125, relative: 1e-12, "\(name): last centre (MeV)")
        }
    }
}
