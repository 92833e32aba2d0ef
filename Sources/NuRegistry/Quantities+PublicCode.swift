import Foundation
import NuClosedForm
import NuCoherent
import NuData
import NuPhysics

/// The inputs of cevns.publicCode: one CEvNS point and the pyCEvNS conventions switched on.
struct PublicCodeInput: Sendable {
    let nucleus: Nucleus
    let flavor: Flavor
    let energy: Double
    let recoil: Double
    /// nil for the Standard Model (then g = mass = 0).
    let model: VectorModel?
    let g: Double
    let mass: Double
    let conventions: PublicCodeCEvNS.Conventions
}

extension InputValues {
    /// cevns.publicCode's inputs, read in the order the closed path used to read them: the reference
    /// library first (a missing file is the error to report), then nucleus, apply, the SM check, and
    /// the point.
    func publicCodeInput() throws -> PublicCodeInput {
        let reference = try context.referenceLibrary()
        let nucleus = try singleNucleus()
        let conventions = try Self.pyCEvNSConventions(try choice("apply"), nucleus: nucleus, reference: reference)
        let sm = (value("model") ?? "SM").lowercased() == "sm"
        if sm, let key = ["g", "mass"].first(where: { has($0) }) {
            throw InputError.conflicting("input '\(key)' needs a model (model=SM has no mediator)")
        }
        return PublicCodeInput(
            nucleus: nucleus, flavor: try flavor(), energy: try energy("energy"),
            recoil: try energy("recoil"), model: sm ? nil : try vectorModel(),
            g: sm ? 0 : try number("g"), mass: sm ? 0 : try energy("mass"),
            conventions: conventions)
    }

    /// The pyCEvNS conventions named by `apply` (one, `all` or `none`), their values read from
    /// Reference/pycevns.json: the Z' coefficient, flavour-independent g_V^p and g_V^n, the rounded
    /// nuclear mass (Ar40, Cs133, I127 only), one Helm factor, Q'_d read as Q'_u.
    static func pyCEvNSConventions(
        _ apply: String, nucleus: Nucleus,
        reference: ReferenceLibrary
    ) throws -> PublicCodeCEvNS.Conventions {
        func value(_ id: String) throws -> Double {
            guard
                let x = try reference.entry(
                    "pycevns.json#\(id)", citedFrom: "cevns.publicCode",
                    field: id
                ).value
            else {
                throw HarnessError.file(path: "pycevns.json", field: id, message: "needs a value")
            }
            // What each number must be to be the convention it stands for (a damaged file is refused).
            let ranges: [String: (ClosedRange<Double>, String)] = [
                "cevns.coefficient": (0.1...1, "a fraction of 004 Eq. (16)'s coefficient"),
                "cevns.gVp": (0.001...0.1, "the SM proton weak coupling 1/2 − 2s²_W ≈ 0.02-0.04"),
                "cevns.gVn": (-0.6 ... -0.4, "the SM neutron weak coupling ≈ −1/2"),
            ]
            let range = ranges[id] ?? (nucleus.mass * 0.99...nucleus.mass * 1.01, "a rounded mass of \(nucleus.name)")
            guard range.0.contains(x) else {
                throw HarnessError.file(
                    path: "pycevns.json", field: id,
                    message: "is \(x), outside \(range.0.lowerBound)...\(range.0.upperBound) (\(range.1))")
            }
            return x
        }
        var c = PublicCodeCEvNS.Conventions()
        if apply == "coefficient" || apply == "all" { c.coefficient = try value("cevns.coefficient") }
        if apply == "couplings" || apply == "all" { c.couplings = (try value("cevns.gVp"), try value("cevns.gVn")) }
        if apply == "formFactor" || apply == "all" { c.singleFormFactor = true }
        if apply == "mass" || apply == "all" {
            guard reference.entries["pycevns.json#mass.\(nucleus.name)"] != nil else {
                throw PhysicsError.notApplicable(
                    "pyCEvNS's mass table (Reference/pycevns.json) has Ar40, Cs133 "
                        + "and I127, not \(nucleus.name)")
            }
            c.nucleusMass = try value("mass.\(nucleus.name)")
        }
        if apply == "downQuark" || apply == "all" { c.downQuarkAsUp = true }
        return c
    }
}

extension QuantityRegistry {
    /// The conventions of pyCEvNS one at a time (`apply`), read from Reference/pycevns.json.
    static let cevnsPublicCode = Quantity(
        "cevns.publicCode",
        "CEvNS dσ/dT with one of pyCEvNS's conventions switched on (Reference/pycevns.json): coefficient (half Z' "
            + "term), couplings (g_V^p = 0.0304, g_V^n = -0.5122 for every flavour), formFactor (one Helm factor for "
            + "the whole charge), mass (rounded nuclear masses), downQuark (Q'_d read as Q'_u), all, or none (= "
            + "cevns.dsigma); a closed formula",
        units: "cm^2/keV",
        inputs: [
            nucleusInput, cevnsFlavorInput, InputSpec("energy", .energy, "neutrino energy E"),
            InputSpec(
                "recoil",
                .energy, "nuclear recoil T"),
            InputSpec(
                "model", .choice(["SM"] + ModelRegistry.all.map(\.name) + ["darkZ", "GB(cB,ce,cmu,ctau)"]),
                default: "SM", "vector model or SM"),
            InputSpec("g", .number, "coupling g_Z'"), InputSpec("mass", .energy, "mediator mass M"),
            InputSpec(
                "apply",
                .choice([
                    "none", "coefficient", "couplings", "formFactor", "mass", "downQuark",
                    "all",
                ]), default: "none", "which pyCEvNS convention"),
        ],
        decode: { v in try v.publicCodeInput() },
        closed: { i in
            try PublicCodeCEvNS.differentialCrossSection(
                nucleus: i.nucleus, flavor: i.flavor, energy: i.energy,
                recoil: i.recoil, model: i.model, g: i.g, mass: i.mass, i.conventions) * cm2PerKeV
        },
        numerical: nil,
        ledger: Ledger(
            closed: [
                "NuClosedForm.PublicCodeCEvNS.differentialCrossSection",
                "NuClosedForm.FormFactors.helm",
            ],
            numerical: [],
            shared: [
                (
                    .data,
                    "Reference/pycevns.json: pyCEvNS's Z' coefficient, g_V^p, g_V^n and rounded "
                        + "nuclear masses (read in decoding)"
                ),
                (.nuclearData, "Z, N, masses and proton/neutron rms radii of NuclearData"),
                (.physicsInputs, "G_F, g_V^p(ν), g_V^n (Constants); Z' charges of ModelRegistry"),
            ]))
}
