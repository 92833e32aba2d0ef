import Foundation
import Testing
import NuCoherent
import TestSupport

/// Each reproducer of the "no silent wrong answer" issue, run through the tool: the documented
/// status, one error line when it fails, and where it succeeds the number the issue asked for.
struct ReproducerTests {
    struct Case: Sendable, CustomStringConvertible {
        let arguments: [String]
        let status: Int32
        /// Text the one error line (or stdout on success) must contain.
        let mentions: String?
        var description: String { arguments.joined(separator: " ") }
        init(_ arguments: [String], _ status: Int32, mentions: String? = nil) {
            self.arguments = arguments
            self.status = status
            self.mentions = mentions
        }
    }

    static let cases: [Case] = [
        // Inputs accepted and ignored, or unchecked.
        Case(["eval", "cevns.dsigma", "nucleus=Ar40", "flavor=numu", "energy=30MeV", "recoil=10keV", "sw2=0.25"], 2, mentions: "'sw2' is not used"),
        Case(["eval", "flux.fold", "detector=xyz", "recoil=10keV"], 2, mentions: "detector 'xyz'"),
        Case(["eval", "helm", "nucleus=zzz", "q=10MeV", "radiusFm=4"], 2, mentions: "'nucleus' is not used"),
        Case(["eval", "apv.weakCharge", "nucleus=Cs133", "sw2=-3"], 3, mentions: "sw2"),
        Case(["eval", "cevns.dsigma", "nucleus=Ar40", "flavor=numu", "energy=30MeV", "recoil=10keV", "sigmaPiNRatio=nan"], 2, mentions: "sigmaPiNRatio"),
        Case(["eval", "cevns.dsigma", "nucleus=Ar40", "flavor=numu", "energy=30MeV", "recoil=10keV", "sw2=abc"], 2, mentions: "sw2"),
        Case(["eval", "nue.couplingShift", "source=slides", "mass=-1MeV"], 3, mentions: "mass"),
        Case(["eval", "nue.tmax", "energy=-1MeV", "energy=30MeV"], 2, mentions: "given twice"),
        Case(["eval", "cevns.rescaling", "from=Le-Lmu", "to=darkHypercharge"], 3, mentions: "loop"),
        Case(["eval", "cevns.rescaling", "from=SM", "to=B-L"], 2, mentions: "needs a U(1)' model"),
        Case(["eval", "helm", "nucleus=CsI", "q=10MeV"], 2, mentions: "mixture"),
        // Numbers that must now be right (both paths, within the documented agreement).
        Case(["eval", "nue.dsigma", "flavor=numu", "energy=1GeV", "recoil=1MeV", "model=Lmu-Ltau", "g=1e-3", "mass=10MeV"], 0),
        Case(["eval", "chi2.dev", "expected=120", "standardModel=100", "sigma=0"], 0, mentions: "3.3333333333333"),
        Case(["eval", "loop.epsWrongSign", "beta=e", "alpha=mu", "q=1MeV"], 0),
        Case(["eval", "coherent.chi2", "model=B-L", "mass=1MeV", "g=0.01"], 0),
        Case(["eval", "coherent.chi2", "detector=csi", "model=B-L", "mass=1MeV", "g=0.01", "brnEvents=1e21", "ninEvents=5"], 0),
        // Crashes (SIGILL): with the fit started at the observed count the χ² is finite (the BRN
        // prior pulled to ~0 costs 16), so the bound is a number, the same on both paths.
        Case(["eval", "coherent.limit", "detector=csi", "model=universal", "regime=lowMass", "brnEvents=1e21", "ninEvents=5"], 0),
        Case(["limits", "B-L", "--detector", "csi", "--csi-brn", "1e21", "--csi-nin", "5", "--points", "3"], 0),
        // Issue 19, round two: path agreements at the edges agree, or are refused with the reason.
        Case(["eval", "nue.interference", "flavor=numu", "energy=30MeV", "recoil=10MeV", "model=B-L", "g=1e-12",
              "mass=10MeV"], 0),
        Case(["eval", "nue.interference", "flavor=numubar", "energy=30MeV", "recoil=10MeV", "model=Lmu-Ltau",
              "g=1e-15", "mass=1e3MeV"], 0),
        Case(["eval", "g2.asymptote", "mediator=vector", "regime=light", "mass=3e-5MeV"], 3, mentions: "domain"),
        Case(["eval", "g2.asymptote", "mediator=scalar", "regime=heavy", "mass=1e6MeV"], 3, mentions: "domain"),
        Case(["eval", "g2.asymptote", "mediator=scalar", "regime=heavy", "mass=1e7MeV"], 3, mentions: "domain"),
        Case(["eval", "sns.flux", "detector=csi", "powerMW=1.4", "inputs=paper"], 2, mentions: "inputs=paper"),
        Case(["eval", "coherent.chi2", "detector=csi", "inputs=paper"], 2, mentions: "inputs=paper"),
        Case(["eval", "cevns.strip", "model=universal", "nucleus=Ar40", "q=50MeV"], 2, mentions: "'q' is not used"),
        Case(["eval", "cevns.cancel", "model=universal", "nucleus=Ar40", "formFactor=fermi"], 2,
             mentions: "'formFactor' is not used"),
        Case(["eval", "cevns.strip", "model=universal", "nucleus=Ar40", "physics=full", "q=50MeV"], 0),
        Case(["eval", "loop.prefactor", "source=abdullah", "q=10MeV"], 2, mentions: "'q' is not used"),
        // The command line itself.
        Case(["eval", "nue.tmax", "energy=30MeV", "--foo"], 2, mentions: "--foo"),
        Case(["eval", "nue.tmax", "energy=30MeV", "--json=1"], 2),
        Case(["eval"], 2, mentions: "quantity"),
        Case(["eval", "nue.tmax\n", "energy=30MeV"], 2, mentions: "nue.tmax\\n"),
        Case(["plot", "nue.tmax", "--x", "energy", "--from", "1MeV", "--to", "2MeV", "--out", "/nonexistent/p.svg"], 5, mentions: "/nonexistent"),
        // Figures that cannot be drawn are refused (they drew nothing, or a silently cut curve).
        Case(["plot", "nue.dsigma", "flavor=numu", "energy=30MeV", "--x", "recoil", "--from", "1MeV", "--to", "20MeV", "--compare", "model=Foo",
              "--out", "/tmp/nucheck-refused.svg"], 2, mentions: "model 'Foo'"),
        Case(["plot", "nue.dsigma", "flavor=numu", "energy=30MeV", "--x", "recoil", "--from", "1MeV", "--to", "40MeV",
              "--out", "/tmp/nucheck-refused.svg"], 2, mentions: "T_max"),
    ]

    @Test("each reproducer of the issue: documented status, one error line, the right number", arguments: cases)
    func reproducer(_ c: Case) throws {
        let o = try CommandLineRunner.run(c.arguments)
        #expect(CommandLineRunner.violations(o).isEmpty, "\(o.invocation): \(CommandLineRunner.violations(o))")
        #expect(o.status == c.status, "\(o.invocation) exited \(o.status), expected \(c.status); stderr '\(o.stderr)'")
        if let text = c.mentions {
            #expect((c.status == 0 ? o.stdout : o.stderr).contains(text), "\(o.invocation): output lacks '\(text)': '\(o.stderr)\(o.stdout.prefix(300))'")
        }
    }

    /// form=EXACT is the exact endpoint, as form=exact (it was the printed one).
    @Test("cevns.tmax form=EXACT is the exact endpoint")
    func formCase() throws {
        func closed(_ form: String) throws -> Double? {
            let o = try CommandLineRunner.run(["eval", "cevns.tmax", "nucleus=Cs133", "form=\(form)", "--json"])
            return (try JSONSerialization.jsonObject(with: Data(o.stdout.utf8)) as? [String: Any])?["closedForm"] as? Double
        }
        let upper = try closed("EXACT"), lower = try closed("exact"), printed = try closed("printed")
        #expect(upper != nil && upper == lower, "form=EXACT \(String(describing: upper)) vs form=exact \(String(describing: lower))")
        #expect(upper != printed, "form=EXACT must not give the printed endpoint \(String(describing: printed))")
    }

    /// `list` offers for ν-e only the models `eval` accepts there.
    @Test("list offers no chiral dark boson for ν-e")
    func listModels() throws {
        let o = try CommandLineRunner.run(["list"])
        let nue = o.stdout.components(separatedBy: "\nnue.sigma")[0]
        let modelLine = try #require(nue.split(separator: "\n").first { $0.contains("model (") })
        #expect(!modelLine.contains("darkHypercharge"), "nue.dsigma offers darkHypercharge: \(modelLine)")
    }

    /// The README's exit-status table and `nucheck --help` list the same statuses, 6 included.
    @Test("README exit-status table matches --help")
    func exitTable() throws {
        let help = try CommandLineRunner.run(["--help"]).stdout.replacingOccurrences(of: "\n", with: " ")
        let readme = try String(contentsOf: Repository.root.appendingPathComponent("README.md"), encoding: .utf8)
        for status in 0...6 {
            #expect(readme.contains("| \(status) | "), "README's exit table lacks status \(status)")
            #expect(help.contains(" \(status) "), "nucheck --help does not document status \(status)")
        }
        #expect(help.contains("6 a data file the command needs is absent from a user's data folder"),
                "--help: \(help.suffix(400))")
    }

    /// Run from another directory, the tool finds its package's Fixtures/ and Reference/ and the
    /// data beside it; $NUCHECK_COHERENT_DATA is honoured; $NUCHECK_HOME pointing nowhere says so.
    @Test("works from any directory; NUCHECK_COHERENT_DATA and NUCHECK_HOME are honoured")
    func elsewhere() throws {
        try withTemporaryDirectory("nucheck-elsewhere") { elsewhere in
            for arguments in [["baseline", "compare"], ["audit"], ["check", "--filter", "004.prompt", "--summary"]] {
                let o = try CommandLineRunner.run(arguments, in: elsewhere)
                #expect(o.status == 0, "\(o.invocation) from \(elsewhere.path): exit \(o.status), '\(o.stderr)'")
            }
            let missing = try CommandLineRunner.run(["eval", "coherent.events", "detector=ar"], in: elsewhere, environment: ["NUCHECK_COHERENT_DATA": "/nonexistent/coherent"])
            #expect(missing.status == 6 && missing.stderr.contains("/nonexistent/coherent"), "the data variable is not honoured: \(missing.stderr)")
            let home = try CommandLineRunner.run(["check"], in: elsewhere, environment: ["NUCHECK_HOME": "/nonexistent/home"])
            #expect(home.status == 5 && home.stderr.contains("NUCHECK_HOME"), "\(home.stderr)")
        }
    }
}
