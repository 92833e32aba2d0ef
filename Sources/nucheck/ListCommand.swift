import ArgumentParser
import Foundation
import NuAnalyses
import NuCoherent
import NuPhysics
import NuRegistry
import NuReports
import NuValidation

struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List the quantities, their inputs with units, their two paths and what they share, and the models.",
        discussion: "With a QUANTITY: one page with its paths (the code each calls), its ledger of what the two "
            + "paths share, its inputs and the fixture cases that check it.")

    @Argument(help: "One quantity to show in full (its paths, ledger, inputs and fixture cases).")
    var quantity: String?

    @Flag(
        help: "Print the catalogue as one JSON object (quantities with ledgers and fixtures, inputs, models, nuclei).")
    var json = false

    @OptionGroup var options: FixtureOptions

    func run() throws {
        let fixtures: FixtureSet
        let only: Quantity?
        do {
            fixtures = try options.load()
            only = try quantity.map { try QuantityRegistry.named($0) }
        } catch { throw fail(error) }
        if json {
            do { print(try Catalogue.json(fixtures: fixtures, only: only)) } catch { throw fail(error) }
            return
        }
        if let only {
            print(Catalogue.card(only, fixtures: fixtures))
            return
        }
        for q in QuantityRegistry.all {
            print("\(q.name)  [\(q.units)]\(q.hasNumericalPath ? "" : "  (closed form only)")")
            print("    \(q.summary)")
            Catalogue.ledgerLines(q.ledger).forEach { print($0) }
            if q.hasNumericalPath {
                let defaults = Dictionary(
                    q.inputs.compactMap { i in i.defaultValue.map { (i.name, $0) } },
                    uniquingKeysWith: { a, _ in a })
                print("    agreement (eval exits 1 beyond it): \(q.agreement(defaults).summary)")
            }
            for i in q.inputs where !(i.name.hasPrefix("gV") || i.name.hasPrefix("gA")) {
                let d = i.defaultValue.map { ", default \($0)" } ?? ""
                print("    \(i.name) (\(i.unitHint)\(d)): \(i.summary)")
            }
            if q.inputs.contains(where: { $0.name == "gVe" }) {
                print(
                    "    gVe, gAe, gVmu, gAmu, gVtau, gAtau (dimensionless, model=custom): vector and axial couplings, "
                        + "-L ⊃ Z'(g_V f̄γf + g_A f̄γγ5 f)"
                )
            }
        }
        print("\nmodels (charges of e, mu, tau leptons and neutrinos; u, d quarks):")
        print("    SM: no mediator")
        for m in ModelRegistry.all {
            let leptons = Lepton.allCases.map {
                String(
                    format: "%@ %+g", $0.rawValue,
                    m.charge($0))
            }.joined(separator: ", ")
            print(
                "    \(m.name): \(leptons); u \(String(format: "%+.4g", m.upCharge)), d "
                    + "\(String(format: "%+.4g", m.downCharge))  [\(m.source)]"
            )
        }
        print("    custom: any vector and axial couplings per lepton generation (gVe ... gAtau)")
        print(
            "    darkZ: dark Z of 002 Eq. (8), charges depend on sw2; GB(cB,ce,cmu,ctau): any member of 004 Eq. (19) "
                + "with 3cB = ce + cmu + ctau"
        )
        print("\nflavors: \(Flavor.all.map(\.name).joined(separator: ", ")) (CEvNS: nue, numu, numubar)")
        print("\nnuclei (Z, N, mass in MeV, rms radii R_p, R_n in fm):")
        for n in NuclearData.nuclei {
            print(
                String(
                    format: "    %@: Z=%d N=%d M=%.3f MeV R_p=%.3f R_n=%.3f  [%@]", n.name, n.protons, n.neutrons,
                    n.mass, n.protonRadius, n.neutronRadius, n.radiusSource))
        }
        for t in TargetRegistry.all where !t.isSingleNucleus {
            print(
                "    \(t.name): " + t.components.map { "\($0.nucleus.name) \($0.weight)" }.joined(separator: ", ")
                    + "  (\(t.weightMeaning))")
        }
    }
}
