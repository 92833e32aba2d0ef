import Foundation
import NuAnalyses
import NuPhysics
import NuRegistry
import NuValidation

/// What `nucheck list --json` prints: every quantity with its units, paths, ledger (the code each
/// path calls and what the two share), documented path agreement, inputs (kind, unit, default,
/// meaning) and fixture cases, the models with their charges, and the nuclei with their data and
/// sources. `only` restricts the quantities to one.
public enum Catalogue {
    /// A ledger as JSON: `closedForm` and `numerical` name code as Module.Type.member.
    public static func ledgerJSON(_ ledger: Ledger) -> [String: Any] {
        [
            "closedForm": ledger.closedForm, "numerical": ledger.numerical,
            "shared": ledger.shared.map { ["kind": $0.kind.rawValue, "what": $0.what] },
        ]
    }

    /// The fixture cases of a quantity: id, file and kind (golden, crossPaths, crossForms).
    public static func fixtureCases(_ q: Quantity, in fixtures: FixtureSet) -> [FixtureCase] {
        fixtures.cases.filter { $0.quantity == q.name }
    }

    public static func json(fixtures: FixtureSet, only: Quantity? = nil) throws -> String {
        func kind(_ k: InputKind) -> [String: Any] {
            switch k {
            case .energy: return ["kind": "energy", "unit": "eV, keV, MeV or GeV right after the number"]
            case .number: return ["kind": "number", "unit": "dimensionless"]
            case .list: return ["kind": "list", "unit": "comma-separated dimensionless numbers"]
            case .choice(let options): return ["kind": "choice", "choices": options]
            }
        }
        let quantities: [[String: Any]] = (only.map { [$0] } ?? QuantityRegistry.all).map { q in
            let defaults = Dictionary(
                q.inputs.compactMap { i in i.defaultValue.map { (i.name, $0) } },
                uniquingKeysWith: { a, _ in a })
            return [
                "name": q.name, "summary": q.summary, "units": q.units, "numericalPath": q.hasNumericalPath,
                "agreementAtDefaults": q.hasNumericalPath ? q.agreement(defaults).summary : NSNull(),
                "ledger": ledgerJSON(q.ledger),
                "fixtures": fixtureCases(q, in: fixtures).map { c in
                    [
                        "id": c.id, "file": fixtureFile(c), "kind": kindName(c),
                        "irreproducible": c.irreproducible != nil,
                    ] as [String: Any]
                },
                "inputs": q.inputs.map { i in
                    kind(i.kind).merging([
                        "name": i.name, "summary": i.summary,
                        "default": i.defaultValue ?? NSNull(),
                    ]) { a, _ in a }
                },
            ]
        }
        let models: [[String: Any]] = ModelRegistry.all.map { m in
            [
                "name": m.name, "aliases": m.aliases, "source": m.source,
                "vectorLikeChargedLeptons": m.chargedLeptonsVectorLike,
                "charges": [
                    "e": m.charge(.e), "mu": m.charge(.mu), "tau": m.charge(.tau), "u": m.upCharge,
                    "d": m.downCharge,
                ],
            ]
        }
        let nuclei: [[String: Any]] = NuclearData.nuclei.map { n in
            [
                "name": n.name, "Z": n.protons, "N": n.neutrons, "massMeV": n.mass, "protonRadiusFm": n.protonRadius,
                "neutronRadiusFm": n.neutronRadius, "radiusSource": n.radiusSource,
            ]
        }
        return try OutputMetadata.jsonString([
            "quantities": quantities, "models": models, "nuclei": nuclei,
            "flavors": Flavor.all.map(\.name),
        ])
    }
}

extension Catalogue {
    /// golden, crossPaths or crossForms.
    static func kindName(_ c: FixtureCase) -> String {
        switch c.kind {
        case .golden: return "golden"
        case .crossPaths: return "crossPaths"
        case .crossForms: return "crossForms"
        }
    }

    /// "golden/coherent.json": the fixture file below the fixtures folder.
    static func fixtureFile(_ c: FixtureCase) -> String {
        let url = URL(fileURLWithPath: c.file)
        return url.deletingLastPathComponent().lastPathComponent + "/" + url.lastPathComponent
    }

    /// The ledger as text lines, indented by four spaces.
    public static func ledgerLines(_ ledger: Ledger) -> [String] {
        var lines = ["    closed-form path: " + ledger.closedForm.joined(separator: ", ")]
        lines.append(
            "    numerical path:   "
                + (ledger.numerical.isEmpty
                    ? "none (a closed formula with nothing to "
                        + "integrate, solve or minimise)" : ledger.numerical.joined(separator: ", ")))
        for item in ledger.shared { lines.append("    shared (\(item.kind.rawValue)): \(item.what)") }
        return lines
    }

    /// `nucheck list QUANTITY`: everything about one quantity on one page: its meaning, inputs,
    /// agreement, the code of each path and what they share, and the fixture cases that check it.
    public static func card(_ q: Quantity, fixtures: FixtureSet) -> String {
        var lines = ["\(q.name)  [\(q.units)]", "    \(q.summary)", "", "paths and what they share (ledger):"]
        lines += ledgerLines(q.ledger)
        if q.hasNumericalPath {
            let defaults = Dictionary(
                q.inputs.compactMap { i in i.defaultValue.map { (i.name, $0) } },
                uniquingKeysWith: { a, _ in a })
            lines.append("    agreement (eval exits 1 beyond it): \(q.agreement(defaults).summary)")
        }
        lines += ["", "inputs:"]
        for i in q.inputs {
            lines.append("    \(i.name) (\(i.unitHint)\(i.defaultValue.map { ", default \($0)" } ?? "")): \(i.summary)")
        }
        let cases = fixtureCases(q, in: fixtures)
        lines += ["", "fixture cases (\(cases.count)):"]
        for c in cases {
            let flag = c.irreproducible != nil ? "  (irreproducible)" : ""
            lines.append("    \(c.id)  [\(kindName(c)), \(fixtureFile(c))]  \(c.source)\(flag)")
        }
        if cases.isEmpty { lines.append("    none") }
        return lines.joined(separator: "\n")
    }
}
