import Foundation
import NuClosedForm
import NuCoherent
import NuPhysics
import NuData

extension QuantityRegistry {
    /// The conventions of pyCEvNS one at a time (`apply`), read from Reference/pycevns.json.
    static let cevnsPublicCode = Quantity(
        "cevns.publicCode",
        "CEvNS dσ/dT with one of pyCEvNS's conventions switched on (Reference/pycevns.json): coefficient (half Z' "
            + "term), couplings (g_V^p = 0.0304, g_V^n = -0.5122 for every flavour), formFactor (one Helm factor for "
            + "the whole charge), mass (rounded nuclear masses), downQuark (Q'_d read as Q'_u), all, or none (= "
            + "cevns.dsigma); a closed formula",
        units: "cm^2/keV",
        inputs: [nucleusInput, cevnsFlavorInput, InputSpec("energy", .energy, "neutrino energy E"), InputSpec("recoil",
            .energy, "nuclear recoil T"),
                 InputSpec("model", .choice(["SM"] + ModelRegistry.all.map(\.name) + ["darkZ", "GB(cB,ce,cmu,ctau)"]),
                     default: "SM", "vector model or SM"),
                 InputSpec("g", .number, "coupling g_Z'"), InputSpec("mass", .energy, "mediator mass M"),
                 InputSpec("apply", .choice(["none", "coefficient", "couplings", "formFactor", "mass", "downQuark",
                     "all"]), default: "none", "which pyCEvNS convention")],
        closed: { v in
            let reference = try ReferenceLibrary(directory: try CoherentContext.shared.referenceDirectory())
            func value(_ id: String) throws -> Double {
                guard let x = try reference.entry("pycevns.json#\(id)", citedFrom: "cevns.publicCode",
                    field: id).value else {
                    throw HarnessError.file(path: "pycevns.json", field: id, message: "needs a value")
                }
                return x
            }
            let nucleus = try v.singleNucleus(), apply = try v.choice("apply")
            var c = PublicCodeCEvNS.Conventions()
            if apply == "coefficient" || apply == "all" { c.coefficient = try value("cevns.coefficient") }
            if apply == "couplings" || apply == "all" { c.couplings = (try value("cevns.gVp"), try value("cevns.gVn")) }
            if apply == "formFactor" || apply == "all" { c.singleFormFactor = true }
            if apply == "mass" || apply == "all" {
                guard reference.entries["pycevns.json#mass.\(nucleus.name)"] != nil else {
                    throw PhysicsError.notApplicable("pyCEvNS's mass table (Reference/pycevns.json) has Ar40, Cs133 "
                        + "and I127, not \(nucleus.name)")
                }
                c.nucleusMass = try value("mass.\(nucleus.name)")
            }
            if apply == "downQuark" || apply == "all" { c.downQuarkAsUp = true }
            let sm = (v.value("model") ?? "SM").lowercased() == "sm"
            if sm, let key = ["g",
                "mass"].first(where: { v.has($0) }) { throw InputError.conflicting("input '\(key)' needs a model "
                    + "(model=SM has no mediator)") }
            return try PublicCodeCEvNS.differentialCrossSection(nucleus: nucleus, flavor: try v.flavor(),
                energy: try v.energy("energy"), recoil: try v.energy("recoil"),
                                                                model: sm ? nil : try v.vectorModel(), g: sm ? 0 : try v.number("g"),
                                                                mass: sm ? 0 : try v.energy("mass"), c) * cm2PerKeV
        },
        numerical: nil)
}
