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
        // χ² minima at absurd magnitudes: refused beyond the stated range (exit 3, was exit 4 "GSL
        // integrand: function returned inf"); inside it both paths agree (were exit 1).
        Case(["eval", "chi2.dev", "expected=1e300", "standardModel=1e300"], 3, mentions: "accepted range"),
        Case(["eval", "chi2.dev", "expected=120", "standardModel=100", "sigma=1e9"], 3, mentions: "accepted range"),
        Case(["eval", "chi2.abdullah", "observed=1,1e21", "predicted=1,1", "background=0,0"], 3,
             mentions: "accepted range"),
        Case(["eval", "chi2.dev", "expected=1e-3", "standardModel=2", "sigma=100"], 0),
        Case(["eval", "chi2.dev", "expected=1.05948e-17", "standardModel=1.84878e+18", "sigma=2714.01"], 0),
        Case(["eval", "chi2.abdullah", "observed=2.84045e+18,957988,2.90653e-09,0,4.05555e-15",
              "predicted=2.98229e-14,4.50063e-16,3.18679e-05,3.42441e+17,0.000532632",
              "background=5.4584e-12,2.73005e+14,1.66075e-06,1.10782e-20,3.30437e+15", "sigma=3229.25"], 0),
        // GSL roundoff (exit 4) of the old closed-path quadrature; now adaptive Gauss-Legendre, both paths agree.
        Case(["eval", "cevns.sigma", "nucleus=Si30", "energy=171.278MeV", "model=darkZ", "mass=6544.06eV",
              "g=7.75e-7"], 0),
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

    /// Both χ² paths against values worked out here by hand: 10,000 equal bins (N_exp = 10,
    /// N_pred = 12, N_bg = 10, σ = 1; w = 20) give Σq² = 10⁴·144/20 = 72000, Σqr = −12000,
    /// Σr² = 2000, so χ²_min = 2000 − 12000²/72001 = 2000/72001 (the printed Eq. (15) lost 7
    /// digits: 0.02777738 for 0.02777739); Dev's with N_SM = 2e35 N_X, where the pull goes to −1
    /// (the simplex in α alone gave 1.5e13 at N_X = 1.06e-17, N_SM = 1.85e18, σ = 2714), is
    /// (N_X − N_SM)²/(N_X + σ²N_SM²), worked out on the line before the check.
    @Test("χ² minima: 10,000 equal bins and a pull to −1, both paths against hand-worked values")
    func chi2Edges() throws {
        func paths(_ arguments: [String]) throws -> (Double?, Double?) {
            let o = try CommandLineRunner.run(["eval"] + arguments + ["--json"])
            #expect(o.status == 0, "\(o.invocation): \(o.stderr)")
            let json = try JSONSerialization.jsonObject(with: Data(o.stdout.utf8)) as? [String: Any]
            return (json?["closedForm"] as? Double, json?["numerical"] as? Double)
        }
        let bins = { (x: String) in "=" + Array(repeating: x, count: 10_000).joined(separator: ",") }
        let (closed, numerical) = try paths([
            "chi2.abdullah", "observed" + bins("10"), "predicted" + bins("12"), "background" + bins("10"), "sigma=1",
        ])
        expectClose(closed ?? .nan, 2000.0 / 72001.0, relative: 1e-10, "closed form, 10,000 bins")
        expectClose(numerical ?? .nan, 2000.0 / 72001.0, relative: 1e-10, "numerical, 10,000 bins")
        // N_X = 1e-17, N_SM = 2e18, σ = 1000: (2e18 − 1e-17)² / (1e-17 + 1e6 · 4e36) = 1e-6 (1 − 5e-36)².
        let (devClosed, devNumerical) = try paths(["chi2.dev", "expected=1e-17", "standardModel=2e18", "sigma=1000"])
        expectClose(devClosed ?? .nan, 1e-6, relative: 1e-12, "closed form, pull to −1")
        expectClose(devNumerical ?? .nan, 1e-6, relative: 1e-10, "numerical, pull to −1")
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
