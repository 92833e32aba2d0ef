import Foundation
import NuBeams
import NuClosedForm
import NuCoherent
import NuNumerical
import NuPhysics

extension QuantityRegistry {
    static let nueEvents = Quantity(
        "nue.events",
        "ν-e scattering events for a tabulated flux (GLoBES format; histogram of bin centres): POT × electrons × "
            + "Σ_flavours ∫ φ σ(E; T > recoilMin) dE, on liquid argon (18 electrons an atom, molar mass and N_A from "
            + "Reference/coherent.json): closed-form recoil integral vs GSL QAGS of dσ/dT, in every energy bin",
        units: "events",
        inputs: [InputSpec("flux", .choice(Array(BeamData.named.keys).sorted() + ["(a GLoBES file path)"]),
            "dune-nd-nu, dune-nd-nubar (the shipped DUNE ND fluxes, data set dune-nd-tdr2021), or a GLoBES table by "
                + "path"),
                 InputSpec("pot", .number, "protons on target"), InputSpec("targetTon", .number,
                     "liquid-argon target mass in tonnes"),
                 InputSpec("recoilMin", .energy, default: "0MeV", "electron recoil threshold T_min"),
                 InputSpec("flavor", .choice(["all"] + Flavor.all.map(\.name)), default: "all",
                     "one flavour of the table, or all six")]
            + mediatorInputs + [sin2ThetaWInput],
        closed: { v in try v.nuElectronEvents { f, e, t, z, s in try NuElectronTotal.crossSection(f, energy: e,
            recoilMin: t, mediator: z, sin2ThetaW: s) } },
        numerical: { v in try v.nuElectronEvents { f, e, t, z, s in try NuElectronIntegrated.crossSection(f, energy: e,
            recoilMin: t, mediator: z, sin2ThetaW: s) } })
}

extension InputValues {
    func nuElectronEvents(_ sigma: (Flavor, Double, Double, ZPrime, Double) throws -> Double) throws -> Double {
        let table = try TabulatedFlux(url: BeamData.url(try text("flux")))
        let pot = try number("pot"), tonnes = try number("targetTon")
        try requirePositive(pot, "POT", unit: "")
        try requirePositive(tonnes, "target mass", unit: "t")
        let inputs = try CoherentContext.shared.inputs(.release)
        let electrons = tonnes * 1e6 / (try inputs("ar.molarMass")) * (try inputs("avogadro"))
            * Double(NuclearData.ar40.protons)
        let tMin = try energy("recoilMin"), mediator = try mediator(), s = try sin2ThetaW()
        let which = try choice("flavor")
        let flavors = which == "all" ? TabulatedFlux.flavorColumns : [try Flavor.parse(which)]
        var perPOTcm2 = 0.0
        for flavor in flavors {
            perPOTcm2 += try table.integrate(flavor) { e in
                Kinematics.maximumRecoil(energy: e, targetMass: Constants.electronMass) > tMin ? try sigma(flavor, e,
                    tMin, mediator, s) : 0
            }
        }
        return pot * electrons * perPOTcm2 * Constants.squaredHbarCInMeV2Cm2
    }
}
