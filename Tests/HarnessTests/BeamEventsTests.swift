import Foundation
import Testing
import NuBeams
import NuRegistry
import NuValidation
import NuAnalyses
import NuPhysics
import NuCoherent

/// nue.events on the DUNE fluxes: both paths for every flavour and both modes, with and without a
/// Z'. The closed path integrates dσ/dT over the recoil in closed form, the numerical one by QAGS
/// (relative 1e-10); summed over 500 bins they agree to 1e-9, well inside the documented 1e-8.
struct BeamEventsTests {
    @Test("nue.events: closed form vs quadrature for every flavour and mode",
          arguments: ["dune-nd-nu", "dune-nd-nubar"], ["all"] + Flavor.all.map(\.name))
    func paths(_ flux: String, _ flavor: String) throws {
        for model in [[:], ["model": "B-L", "g": "3e-5", "mass": "10MeV"], ["model": "Le-Lmu", "g": "1e-4", "mass": "1GeV"]] {
            let inputs = ["flux": flux, "flavor": flavor, "pot": "4.4e21", "targetTon": "67.5", "recoilMin": "30MeV"].merging(model) { a, _ in a }
            let e = try QuantityRegistry.named("nue.events").evaluate(inputs)
            let c = try #require(e.closedForm), n = try #require(e.numerical)
            #expect(c >= 0 && (c == 0 || abs(n / c - 1) <= 1e-9), "\(flux) \(flavor) \(model): closed \(c) vs numerical \(n) events (allowed 1e-9 relative)")
        }
    }

    /// ν-e scattering in the ν mode is mostly ν_μ and in the ν̄ mode ν̄_μ (the beams' leading
    /// flavours), and the ν_τ columns of the DUNE tables are empty.
    @Test("nue.events: the beam's leading flavour dominates")
    func flavoursAddUp() throws {
        func events(_ flux: String, _ flavor: String) throws -> Double {
            try #require(try QuantityRegistry.named("nue.events").evaluate(["flux": flux, "flavor": flavor, "pot": "1.1e21", "targetTon": "75"]).closedForm)
        }
        for (flux, leading) in [("dune-nd-nu", "numu"), ("dune-nd-nubar", "numubar")] {
            let total = try events(flux, "all")
            #expect(try events(flux, leading) > 0.5 * total, "\(flux): \(leading) is the leading flavour")
            #expect(try events(flux, "nutau") == 0 && (try events(flux, "nutaubar")) == 0, "\(flux): the DUNE table has no ν_τ")
        }
    }
}
