import Foundation
import NuRegistry
import TestSupport
import Testing

/// Builds invocations of the subcommands other than `eval` (limits, rates, g2, plot, sensitivity,
/// table2, list, data, audit, check --filter, baseline compare) with cheap settings (2-4 masses),
/// valid and mutated: an option dropped, repeated, unknown or given a bad value (a count of 0,
/// 1e9 or 2⁶³−1, NaN, a negative or absurd mass, an unknown choice), a control character in a
/// value, an output in a missing folder or on a folder. Outputs go to `out`, a temporary folder.
struct SubcommandGenerator {
    var base: InvocationGenerator
    let out: URL
    var serial = 0

    init(seed: UInt64, out: URL) {
        base = InvocationGenerator(rng: SeededGenerator(seed: seed))
        self.out = out
    }

    mutating func pick<T>(_ list: [T]) -> T { base.pick(list) }
    mutating func chance(_ p: Double) -> Bool { base.chance(p) }

    /// A fresh output path in the temporary folder.
    mutating func output(_ suffix: String) -> String {
        serial += 1
        return out.appendingPathComponent("o\(serial)\(suffix)").path
    }

    mutating func maybe(_ p: Double, _ option: String, _ values: [String]) -> [String] {
        chance(p) ? [option, pick(values)] : []
    }

    mutating func flag(_ p: Double, _ option: String) -> [String] { chance(p) ? [option] : [] }

    static let tableModels = [
        "B-L", "Le-Lmu", "Lmu-Ltau", "Le-Ltau", "B-3Le", "B-3Lmu", "B-2Le-Lmu", "B-Le-2Lmu", "By+Lmu+Ltau",
        "universal", "scalar",
    ]
    static let cheapFilters = [
        "chi2.dev", "chi2.abdullah", "nue.tmax", "helm", "cevns.tmax", "pion.promptLine", "coherent", "loop", "apv",
    ]

    mutating func masses(_ low: [String], _ high: [String]) -> [String] {
        maybe(0.4, "--from", low) + maybe(0.4, "--to", high)
    }

    mutating func analysis() -> [String] {
        maybe(0.2, "--inputs", ["release", "paper"]) + maybe(0.2, "--dof", ["1", "2"])
            + maybe(0.2, "--delta-from", ["minimum", "standardModel"])
    }

    /// A valid invocation of one subcommand (its kind first, for the report).
    mutating func valid() -> [String] {
        let points = ["--points", pick(["2", "3", "4"])]
        switch Int.random(in: 0..<24, using: &base.rng) {
        case 0..<4:
            let model = pick(Self.tableModels + ["all"])
            let detector = pick(["ar", "csi", "combined", "all"])
            var a = ["limits", model, "--detector", detector] + points + analysis()
            a += maybe(0.2, "--edge", ["first", "outer"])
            if detector != "ar" {
                a += maybe(0.2, "--csi-brn", ["0", "18.4", "40"]) + maybe(0.2, "--csi-nin", ["5.6", "0"])
            }
            a += masses(["0.1MeV", "1MeV", "500keV"], ["1e3MeV", "10GeV", "1e5MeV"])
            if model != "all" { a += chance(0.3) ? ["--plot", output(".svg")] : [] }
            a += chance(0.3) ? ["--csv", output(".csv")] : []
            a += chance(0.2) ? ["--hepdata", output("-hepdata")] : []
            return a + flag(0.3, "--json")
        case 4..<6:
            let detector = pick(["ar", "csi"])
            var a =
                ["rates", "--detector", detector] + flag(0.3, "--json") + maybe(0.2, "--inputs", ["release", "paper"])
            if detector == "csi" {
                a += maybe(0.2, "--csi-brn", ["0", "18.4"]) + maybe(0.2, "--csi-nin", ["5.6", "1"])
            }
            return a
        case 6..<8:
            var a = ["g2", pick(["B-L", "Lmu-Ltau", "universal", "scalar", "Le-Lmu"])] + points
            a += maybe(0.3, "--detector", ["ar", "csi", "combined"]) + masses(["0.1MeV", "1MeV"], ["1GeV", "10GeV"])
            a += flag(0.3, "--json") + (chance(0.3) ? ["--plot", output(".svg")] : [])
            return a
        case 8..<11:
            let setups: [([String], String, String, String)] = [
                (["nue.tmax"], "energy", "1MeV", "100MeV"),
                (["nue.dsigma", "flavor=numu", "energy=30MeV"], "recoil", "1keV", "10MeV"),
                (["cevns.dsigma", "nucleus=Ar40", "flavor=numu", "energy=30MeV"], "recoil", "1keV", "40keV"),
                (["helm", "nucleus=Cs133"], "q", "1MeV", "200MeV"),
            ]
            let s = pick(setups)
            var a = ["plot"] + s.0 + ["--x", s.1, "--from", s.2, "--to", s.3, "--points", pick(["2", "5", "8"])]
            a += flag(0.3, "--log-x") + flag(0.3, "--log-y")
            if s.0[0] != "helm" { a += maybe(0.3, "--compare", ["model=B-L,g=1e-4,mass=10MeV"]) }
            return a + ["--out", output(".svg")]
        case 11..<14:
            let experiment = pick(["dune-nd", "jsns2", "all"])
            var a =
                ["sensitivity", pick(["B-L", "Le-Lmu", "Lmu-Ltau", "Le-Ltau"]), "--experiment", experiment] + points
            if experiment == "dune-nd" { a += maybe(0.3, "--mode", ["nu", "nubar", "combined", "all"]) }
            a += maybe(0.2, "--dof", ["1", "2"]) + masses(["1MeV", "10MeV"], ["1GeV", "10GeV"])
            a += flag(0.3, "--json") + (chance(0.2) ? ["--csv", output(".csv")] : [])
            a += (chance(0.2) ? ["--plot", output(".svg")] : []) + (chance(0.2) ? ["--hepdata", output("-hd")] : [])
            return a
        case 14:
            return ["table2"] + analysis() + maybe(0.2, "--edge", ["first", "outer"]) + flag(0.3, "--json")
        case 15..<17:
            return ["list"] + (chance(0.5) ? [pick(QuantityRegistry.all).name] : []) + flag(0.3, "--json")
        case 17..<19:
            return ["data", pick(["list", "verify", "path"])]
        case 19:
            return ["audit"] + flag(0.4, "--json")
        case 20..<23:
            var a = ["check", "--filter", pick(Self.cheapFilters)] + flag(0.3, "--summary") + flag(0.2, "--json")
            a += (chance(0.3) ? ["--junit", output(".xml")] : []) + (chance(0.3) ? ["--markdown", output(".md")] : [])
            return a
        default:
            // The full comparison costs ~3 s: mostly mutated (a missing or damaged baseline, fast).
            return ["baseline", "compare"] + maybe(0.3, "--tolerance", ["1e-9", "1e-6"])
        }
    }

    /// One mutation of a valid invocation (`command` words are never mutated into the repository).
    mutating func mutate(_ arguments: [String]) -> [String] {
        var a = arguments
        let options = a.indices.filter { a[$0].hasPrefix("--") && $0 + 1 < a.count && !a[$0 + 1].hasPrefix("--") }
        switch Int.random(in: 0..<12, using: &base.rng) {
        case 0 where !options.isEmpty: a.remove(at: pick(options) + 1)  // an option without its value
        case 1 where !options.isEmpty:  // an option repeated
            let i = pick(options)
            a += [a[i], a[i + 1]]
        case 2: a.append(pick(["--foo", "--pointz", "-x", "--json=1", "--", "--points=2"]))
        case 3:
            a += ["--points", pick(["0", "1", "-3", "1e9", "9223372036854775807", "nan", "abc", "", "2.5", "1001"])]
        case 4:
            a += [
                pick(["--from", "--to"]),
                pick(["-1MeV", "0MeV", "nan", "1e400MeV", "30", "abc", "1e308GeV", "inf MeV"]),
            ]
        case 5:
            a += [
                pick(["--detector", "--experiment", "--mode", "--dof", "--edge", "--delta-from", "--inputs"]),
                pick(["xyz", "3", "0", "", "AR", "all\n"]),
            ]
        case 6:
            a += [
                pick(["--csi-brn", "--csi-nin", "--tolerance"]), pick(["-1", "1e300", "nan", "inf", "x", "1e-300"]),
            ]
        case 7:  // an output in a missing folder, on a folder, or named with a control character
            a += [
                pick(["--csv", "--plot", "--out", "--junit", "--markdown", "--hepdata"]),
                pick([
                    out.appendingPathComponent("missing/x.out").path, out.path,
                    out.appendingPathComponent("c\u{1B}[31m.out").path,
                ]),
            ]
        case 8 where a.count > 1 && !a[1].hasPrefix("--"):
            a[1] = pick(["", "B-LL", "SM", "all", a[1] + "\n", "../etc", "nue.tmax"])
        case 9 where !options.isEmpty:
            let i = pick(options)
            a[i + 1] += pick(["\n", "\t", "\u{1B}[31m", "\r", " "])
        case 10: a += ["--against", pick([out.appendingPathComponent("none.txt").path, out.path])]
        default: a[0] = pick([a[0] + "s", a[0].uppercased(), "help", a[0]])
        }
        return a
    }
}

struct CommandLineFuzzSubcommandTests {
    /// The number of invocations: 200 by default (about 35 s on 2 cores), more with
    /// NUCHECK_SUBCOMMAND_FUZZ_COUNT (another seed: NUCHECK_SUBCOMMAND_FUZZ_SEED).
    static let count = Int(ProcessInfo.processInfo.environment["NUCHECK_SUBCOMMAND_FUZZ_COUNT"] ?? "") ?? 200
    static let seed = UInt64(ProcessInfo.processInfo.environment["NUCHECK_SUBCOMMAND_FUZZ_SEED"] ?? "") ?? 20_261_208

    /// Words that are a NaN or an infinity printed as a number.
    static func nonFinite(_ text: String) -> [String] {
        let words = text.split(whereSeparator: { " \t\n\r,;|:\"[](){}=<>'".contains($0) })
        return words.map { $0.lowercased() }.filter {
            ["nan", "-nan", "+nan", "inf", "-inf", "+inf", "infinity", "-infinity", "+infinity"].contains($0)
        }
    }

    /// Every invocation keeps the eval fuzz's invariants (no signal or timeout, a documented status,
    /// exactly one `nucheck: error:` line on failure), prints no error line when it succeeds, and
    /// prints or writes no NaN or infinity; `check` over passing fixtures does not fail (exit 1).
    @Test("seeded fuzz of the subcommands: no signal, documented status, one error line, no NaN, outputs in temp")
    func fuzz() throws {
        try withTemporaryDirectory("nucheck-subfuzz") { root in
            let out = root.appendingPathComponent("out")
            try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
            var generator = SubcommandGenerator(seed: Self.seed, out: out)
            var invocations: [[String]] = []
            var fullComparisons = 0
            while invocations.count < Self.count {
                let valid = generator.valid()
                let mutated = generator.chance(0.4)
                let arguments = mutated ? generator.mutate(valid) : valid
                // At most one full baseline comparison per 100 runs (each ~3 s).
                if arguments.starts(with: ["baseline", "compare"]), !mutated {
                    guard fullComparisons < max(1, Self.count / 100) else { continue }
                    fullComparisons += 1
                }
                invocations.append(arguments)
            }
            // Run from the temporary folder: a relative output path lands there, not in the package.
            let outcomes = try ParallelRuns.map(invocations) { try CommandLineRunner.run($0, in: root) }
            var statusCounts: [Int32: Int] = [:]
            for o in outcomes {
                statusCounts[o.status, default: 0] += 1
                // A report command (check, baseline compare, audit) that finds a failure exits 1 with its
                // report on stdout and no error line (README); every other failure has one error line.
                let report = ["check", "baseline", "audit"].contains(o.arguments.first ?? "")
                var problems = CommandLineRunner.violations(o).filter {
                    !$0.hasPrefix("exit 0 with stderr") && !(report && o.status == 1 && $0.hasPrefix("exit 1 with"))
                }
                if o.status == 0 || (report && o.status == 1),
                    o.stderrLines.contains(where: { $0.hasPrefix("nucheck: error:") })
                {
                    problems.append("exit \(o.status) with an error line: '\(o.stderr.prefix(200))'")
                }
                let printed = Self.nonFinite(o.stdout)
                if !printed.isEmpty { problems.append("printed \(printed.prefix(3))") }
                // The shipped fixtures pass, and the baseline holds to its default tolerance (a tolerance
                // of 1e-300 may see the last bit of a value move: that is a report, not a fault).
                let strict = !o.arguments.contains("--tolerance") || o.arguments.contains("1e-9")
                if o.status == 1, o.arguments.first == "check" || (o.arguments.first == "baseline" && strict) {
                    problems.append("a check failed: \(o.stdout.suffix(300)) \(o.stderr.prefix(300))")
                }
                #expect(problems.isEmpty, "\(o.invocation) → exit \(o.status): \(problems.joined(separator: "; "))")
            }
            // Written outputs: no NaN or infinity in any file.
            let files = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
            while let url = files?.nextObject() as? URL {
                guard let text = try? String(contentsOf: url, encoding: .utf8) else { continue }
                let found = Self.nonFinite(text)
                #expect(found.isEmpty, "\(url.lastPathComponent) holds \(found.prefix(3))")
            }
            // The fuzz must reach both outcomes: results and refusals.
            #expect((statusCounts[0] ?? 0) > Self.count / 5, "only \(statusCounts[0] ?? 0) succeeded: \(statusCounts)")
            #expect((statusCounts[2] ?? 0) > Self.count / 20, "only \(statusCounts[2] ?? 0) refused: \(statusCounts)")
            let statuses = statusCounts.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }
            print("subcommand fuzz: \(Self.count) runs (seed \(Self.seed)), exit statuses \(statuses)")
        }
    }
}
