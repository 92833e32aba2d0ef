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
        inputs: [
            InputSpec(
                "flux", .choice(Array(BeamData.named.keys).sorted() + ["(a GLoBES file path)"]),
                "dune-nd-nu, dune-nd-nubar (the shipped DUNE ND fluxes, data set dune-nd-tdr2021), or a GLoBES table "
                    + "by path"),
            InputSpec("pot", .number, "protons on target"),
            InputSpec(
                "targetTon", .number,
                "liquid-argon target mass in tonnes"),
            InputSpec("recoilMin", .energy, default: "0MeV", "electron recoil threshold T_min"),
            InputSpec(
                "flavor", .choice(["all"] + Flavor.all.map(\.name)), default: "all",
                "one flavour of the table, or all six"),
        ]
            + mediatorInputs + [sin2ThetaWInput],
        decode: { v in try v.beamEvents() },
        closed: { i in
            try i.events { f, e, t, z, s in
                try NuElectronTotal.crossSection(f, energy: e, recoilMin: t, mediator: z, sin2ThetaW: s)
            }
        },
        numerical: { i in
            try i.events { f, e, t, z, s in
                try NuElectronIntegrated.crossSection(f, energy: e, recoilMin: t, mediator: z, sin2ThetaW: s)
            }
        },
        ledger: Ledger(
            closed: ["NuClosedForm.NuElectronTotal.crossSection"],
            numerical: ["NuNumerical.NuElectronIntegrated.crossSection"],
            shared: [
                (
                    .data,
                    "the flux table (a shipped DUNE ND flux or the user's GLoBES file); the argon "
                        + "molar mass and N_A of Reference/coherent.json"
                ),
                (
                    .response,
                    "NuBeams.TabulatedFlux.integrate: the table as a histogram of bin "
                        + "centres"
                ),
            ]))
}

/// The decoded inputs of a beam event count.
private struct BeamEvents {
    let table: TabulatedFlux, pot: Double, electrons: Double, recoilMin: Double
    let mediator: ZPrime, sw2: Double, flavors: [Flavor]

    /// POT × electrons × Σ_flavours ∫ φ σ(E; T > recoilMin) dE, σ in MeV⁻² turned into cm².
    func events(_ sigma: (Flavor, Double, Double, ZPrime, Double) throws -> Double) throws -> Double {
        var perPOTcm2 = 0.0
        for flavor in flavors {
            perPOTcm2 += try table.integrate(flavor) { e in
                Kinematics.maximumRecoil(energy: e, targetMass: Constants.electronMass) > recoilMin
                    ? try sigma(flavor, e, recoilMin, mediator, sw2) : 0
            }
        }
        return pot * electrons * perPOTcm2 * Constants.squaredHbarCInMeV2Cm2
    }
}

extension InputValues {
    fileprivate func beamEvents() throws -> BeamEvents {
        let table = try BeamData.table(try text("flux"))
        let pot = try number("pot")
        let tonnes = try number("targetTon")
        try requirePositive(pot, "POT", unit: "")
        try requirePositive(tonnes, "target mass", unit: "t")
        let inputs = try context.inputs(.release)
        let electrons =
            tonnes * 1e6 / (try inputs("ar.molarMass")) * (try inputs("avogadro"))
            * Double(NuclearData.ar40.protons)
        let tMin = try energy("recoilMin")
        let mediator = try mediator()
        let s = try sin2ThetaW()
        let which = try choice("flavor")
        let flavors = which == "all" ? TabulatedFlux.flavorColumns : [try Flavor.parse(which)]
        return BeamEvents(
            table: table, pot: pot, electrons: electrons, recoilMin: tMin, mediator: mediator, sw2: s,
            flavors: flavors)
    }
}
