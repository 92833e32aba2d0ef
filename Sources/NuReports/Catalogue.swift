import Foundation
import NuRegistry
import NuValidation
import NuAnalyses
import NuPhysics

/// What `nucheck list --json` prints: every quantity with its units, paths, documented path
/// agreement and inputs (kind, unit, default, meaning), the models with their charges, and the
/// nuclei with their data and sources.
public enum Catalogue {
    public static func json() throws -> String {
        func kind(_ k: InputKind) -> [String: Any] {
            switch k {
            case .energy: return ["kind": "energy", "unit": "eV, keV, MeV or GeV right after the number"]
            case .number: return ["kind": "number", "unit": "dimensionless"]
            case .list: return ["kind": "list", "unit": "comma-separated dimensionless numbers"]
            case .choice(let options): return ["kind": "choice", "choices": options]
            }
        }
        let quantities: [[String: Any]] = QuantityRegistry.all.map { q in
            let defaults = Dictionary(q.inputs.compactMap { i in i.defaultValue.map { (i.name, $0) } },
                uniquingKeysWith: { a, _ in a })
            return ["name": q.name, "summary": q.summary, "units": q.units, "numericalPath": q.hasNumericalPath,
                    "agreementAtDefaults": q.hasNumericalPath ? q.agreement(defaults).summary : NSNull(),
                    "inputs": q.inputs.map { i in
                        kind(i.kind).merging(["name": i.name, "summary": i.summary,
                            "default": i.defaultValue ?? NSNull()]) { a, _ in a }
                    }]
        }
        let models: [[String: Any]] = ModelRegistry.all.map { m in
            ["name": m.name, "aliases": m.aliases, "source": m.source,
                "vectorLikeChargedLeptons": m.chargedLeptonsVectorLike,
             "charges": ["e": m.charge(.e), "mu": m.charge(.mu), "tau": m.charge(.tau), "u": m.upCharge,
                 "d": m.downCharge]]
        }
        let nuclei: [[String: Any]] = NuclearData.nuclei.map { n in
            ["name": n.name, "Z": n.protons, "N": n.neutrons, "massMeV": n.mass, "protonRadiusFm": n.protonRadius,
             "neutronRadiusFm": n.neutronRadius, "radiusSource": n.radiusSource]
        }
        return try OutputMetadata.jsonString(["quantities": quantities, "models": models, "nuclei": nuclei,
                                              "flavors": Flavor.all.map(\.name)])
    }
}
