import Foundation
import Testing
import NuRegistry
import NuValidation
import NuAnalyses

/// SplitMix64: a small, seedable generator, so that every run tries the same invocations.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E3779B97F4A7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
        z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
        return z ^ (z >> 31)
    }
}

/// Builds `nucheck eval` invocations from the quantity registry: valid ones (inputs of the right
/// kind in physical ranges) and mutated ones (a key dropped, unknown or repeated; a value that is
/// not a number, negative, absurd, empty or holds a control character; an unknown quantity or flag).
struct InvocationGenerator {
    var rng: SeededGenerator

    mutating func uniform(_ a: Double, _ b: Double) -> Double { Double.random(in: a...b, using: &rng) }
    mutating func logUniform(_ a: Double, _ b: Double) -> Double { Foundation.pow(10, uniform(Foundation.log10(a), Foundation.log10(b))) }
    mutating func chance(_ p: Double) -> Bool { uniform(0, 1) < p }
    mutating func pick<T>(_ list: [T]) -> T { list[Int.random(in: 0..<list.count, using: &rng)] }

    func format(_ x: Double) -> String { String(format: "%.4g", x) }

    /// An energy with a unit chosen at random, 1 eV - 10 GeV.
    mutating func energy(_ name: String) -> String {
        let mev: Double
        switch name {
        case "recoil", "recoilMin", "recoilMax": mev = logUniform(1e-5, 100)
        case "mass": mev = logUniform(1e-3, 1e5)
        case "q": mev = logUniform(1e-3, 1e4)
        default: mev = logUniform(1e-1, 1e4)
        }
        let (unit, scale) = pick([("eV", 1e6), ("keV", 1e3), ("MeV", 1.0), ("GeV", 1e-3)])
        return format(mev * scale) + unit
    }

    mutating func number(_ name: String) -> String {
        switch name {
        case "sw2": return format(uniform(0.2, 0.26))
        case "g": return format(logUniform(1e-6, 1e-2))
        case "sigma": return format(uniform(0, 0.3))
        case "deltaA": return format(logUniform(1e-10, 1e-8))
        case "expected", "standardModel": return format(uniform(1, 1000))
        case "brnEvents", "ninEvents": return format(uniform(0, 40))
        case "sigmaPiNRatio": return format(uniform(5, 30))
        case "radiusFm": return format(uniform(2, 6))
        default: return format(logUniform(1e-4, 1))
        }
    }

    mutating func value(_ spec: InputSpec) -> String {
        switch spec.kind {
        case .energy: return energy(spec.name)
        case .number: return number(spec.name)
        case .list: return (0..<5).map { _ in format(uniform(1, 50)) }.joined(separator: ",")
        case .choice(let options):
            let option = pick(options)
            if option.hasPrefix("GB(") { return "GB(1,1,1,1)" }
            if option.contains(":") { return "Cs133:1,I127:1" }
            return option
        }
    }

    /// A valid-looking invocation of `quantity`: every input without a default, each optional
    /// one with probability 0.35; `--json` with probability 0.3.
    mutating func valid(_ quantity: Quantity) -> [String] {
        var assignments: [String] = []
        for spec in quantity.inputs {
            let custom = spec.name.hasPrefix("gV") || spec.name.hasPrefix("gA")
            if (spec.defaultValue == nil && !custom) || chance(custom ? 0.05 : 0.35) {
                assignments.append("\(spec.name)=\(value(spec))")
            }
        }
        return ["eval", quantity.name] + assignments + (chance(0.3) ? ["--json"] : [])
    }

    /// One mutation of a valid invocation.
    mutating func mutate(_ arguments: [String], _ quantity: Quantity) -> [String] {
        var a = arguments
        let assignmentIndices = a.indices.filter { a[$0].contains("=") && !a[$0].hasPrefix("--") }
        switch Int.random(in: 0..<9, using: &rng) {
        case 0 where !assignmentIndices.isEmpty: a.remove(at: pick(assignmentIndices))
        case 1: a.append("\(pick(["foo", "Energy", "mass2", "g "]))=1")
        case 2 where !assignmentIndices.isEmpty:
            let key = a[pick(assignmentIndices)].split(separator: "=")[0]
            a.append("\(key)=\(pick(["1", "30MeV", "numu"]))")
        case 3 where !assignmentIndices.isEmpty:
            let i = pick(assignmentIndices), key = a[i].split(separator: "=")[0]
            a[i] = "\(key)=\(pick(["nan", "inf", "-1MeV", "-3", "abc", "", "1e400", "1e-400MeV", "30 MeV", "30TeV", "1e308GeV", "0", "0MeV", "-0MeV"]))"
        case 4: a.append(pick(["=3", "novalue", "==", "k=v=w"]))
        case 5 where !assignmentIndices.isEmpty:
            let i = pick(assignmentIndices)
            a[i] += pick(["\n", "\t", "\u{1B}[31m", "\r"])
        case 6: a[1] = pick([quantity.name + "x", quantity.name.uppercased(), "", "nue.sigma\n", "../etc"])
        case 7: a.append(pick(["--foo", "--json=1", "--data", "-x", "--jsn"]))
        default: a.insert(pick(["--data", "--json"]), at: 2)
        }
        return a
    }
}

struct CommandLineFuzzTests {
    /// The number of invocations: 1000 by default, more with NUCHECK_FUZZ_COUNT (another seed:
    /// NUCHECK_FUZZ_SEED).
    static let count = Int(ProcessInfo.processInfo.environment["NUCHECK_FUZZ_COUNT"] ?? "") ?? 1000
    static let seed = UInt64(ProcessInfo.processInfo.environment["NUCHECK_FUZZ_SEED"] ?? "") ?? 20_261_129

    /// Each invocation keeps the invariants of `CommandLineRunner.violations`; a successful
    /// `--json` parses with finite values; and no valid invocation has the two paths disagreeing
    /// beyond the quantity's documented tolerance (exit 1).
    @Test("seeded fuzz of nucheck eval: no signal, documented status, one error line, finite results, paths agree")
    func fuzz() throws {
        var generator = InvocationGenerator(rng: SeededGenerator(seed: Self.seed))
        let quantities = QuantityRegistry.all
        var invocations: [[String]] = []
        for _ in 0..<Self.count {
            let q = generator.pick(quantities)
            let valid = generator.valid(q)
            invocations.append(generator.chance(0.4) ? generator.mutate(valid, q) : valid)
        }
        let outcomes = try ParallelRuns.map(invocations) { try CommandLineRunner.run($0) }
        var statusCounts: [Int32: Int] = [:]
        for o in outcomes {
            statusCounts[o.status, default: 0] += 1
            var problems = CommandLineRunner.violations(o)
            if o.status == 1 { problems.append("the paths disagree beyond the documented tolerance: \(o.stderr.prefix(400))") }
            if o.status == 0, o.arguments.contains("--json") {
                let object = try? JSONSerialization.jsonObject(with: Data(o.stdout.utf8)) as? [String: Any]
                if object == nil { problems.append("--json output does not parse: '\(o.stdout.prefix(200))'") }
                if let c = object?["closedForm"] as? Double, !c.isFinite { problems.append("--json closedForm \(c)") }
            }
            #expect(problems.isEmpty, "\(o.invocation) → exit \(o.status): \(problems.joined(separator: "; "))")
        }
        // The fuzz must reach both outcomes: numbers and refusals.
        #expect((statusCounts[0] ?? 0) > Self.count / 10, "only \(statusCounts[0] ?? 0) of \(Self.count) invocations succeeded: the generator no longer builds valid inputs (\(statusCounts))")
        #expect((statusCounts[2] ?? 0) > Self.count / 10, "only \(statusCounts[2] ?? 0) invocations were refused as bad input (\(statusCounts))")
    }
}

/// Runs independent tool invocations on every core.
enum ParallelRuns {
    static func map<T: Sendable, R: Sendable>(_ items: [T], _ body: @Sendable (T) throws -> R) throws -> [R] {
        let lock = NSLock()
        nonisolated(unsafe) var results = [Result<R, Error>?](repeating: nil, count: items.count)
        DispatchQueue.concurrentPerform(iterations: items.count) { i in
            let r = Result { try body(items[i]) }
            lock.lock(); results[i] = r; lock.unlock()
        }
        return try results.map { try $0!.get() }
    }
}
