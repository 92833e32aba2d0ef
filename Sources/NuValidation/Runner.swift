import Foundation
import NuBeams
import NuCoherent
import NuData
import NuPhysics
import NuRegistry

/// The outcome of one fixture case.
public struct CaseResult: Sendable {
    /// `irreproducible`: recorded so, and still out of tolerance (an expected failure);
    /// `nowReproducible`: recorded so, but now within tolerance (an unexpected pass: the record is
    /// out of date, and the run fails until it is updated).
    public enum Status: String, Sendable { case passed, failed, irreproducible, nowReproducible, notRun }

    public let fixture: FixtureCase
    public let closedForm: Double?
    public let numerical: Double?
    /// The expected value: the golden number, or for a grid the closed form (paths) or the
    /// first closed form (forms).
    public let expected: Double?
    /// Largest |observed − expected|/|expected| over the compared paths.
    public let relativeDeviation: Double?
    public let units: String
    public let status: Status
    /// Why it failed (an error, a path out of tolerance), why it is irreproducible, or that a case
    /// recorded irreproducible now agrees.
    public let message: String?
    /// True when the case could not be judged (the evaluation threw, a path it names does not
    /// exist): JUnit's error, where a value out of tolerance is a failure.
    public var errored: Bool = false
    /// Wall-clock seconds the case took (evaluation and judgement).
    public var seconds: Double = 0
}

public struct Summary: Sendable, Equatable {
    public let passed: Int, failed: Int, irreproducible: Int
    public var nowReproducible: Int = 0
    public var notRun: Int = 0
    public var total: Int { passed + failed + irreproducible + nowReproducible + notRun }
    /// True when the run must exit 1: a failure, or a case recorded irreproducible that now agrees.
    public var failsRun: Bool { failed > 0 || nowReproducible > 0 }
    /// "N passed, M failed, K irreproducible", then ", J now reproducible" when a case recorded
    /// irreproducible agrees, and ", J not run" when COHERENT data was absent.
    public var line: String {
        "\(passed) passed, \(failed) failed, \(irreproducible) irreproducible"
            + (nowReproducible > 0 ? ", \(nowReproducible) now reproducible" : "")
            + (notRun > 0 ? ", \(notRun) not run (COHERENT data absent)" : "")
    }
}

/// Runs fixture cases through both paths and judges them.
public enum Runner {
    /// `progress(done, total)` is called as cases finish (from any thread).
    public static func run(_ cases: [FixtureCase], progress: (@Sendable (Int, Int) -> Void)? = nil) -> [CaseResult] {
        // Cases are independent and the quantities hold no shared mutable state: run them on
        // both cores, keeping the input order.
        let counter = Counter()
        return parallelMap(cases.count) { i in
            let result = run(cases[i])
            if let progress { progress(counter.increment(), cases.count) }
            return result
        }
    }

    /// The cases whose quantity is `filter` or whose id starts with it.
    public static func select(_ cases: [FixtureCase], filter: String) -> [FixtureCase] {
        cases.filter { $0.quantity == filter || $0.id.hasPrefix(filter) }
    }

    /// Evaluates every case on both cores, keeping the input order, without judging them.
    public static func evaluateAll(_ cases: [FixtureCase]) -> [Result<Evaluation, Error>] {
        parallelMap(cases.count) { i in
            Result {
                try QuantityRegistry.named(cases[i].quantity)
                    .evaluate(cases[i].inputs)
            }
        }
    }

    public static func summary(_ results: [CaseResult]) -> Summary {
        Summary(
            passed: results.filter { $0.status == .passed }.count,
            failed: results.filter { $0.status == .failed }.count,
            irreproducible: results.filter { $0.status == .irreproducible }.count,
            nowReproducible: results.filter { $0.status == .nowReproducible }.count,
            notRun: results.filter { $0.status == .notRun }.count)
    }

    public static func run(_ c: FixtureCase) -> CaseResult {
        let start = DispatchTime.now().uptimeNanoseconds
        var result = judge(c)
        result.seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        return result
    }

    static func judge(_ c: FixtureCase) -> CaseResult {
        func finish(
            _ closed: Double?, _ numerical: Double?, _ expected: Double?, _ deviation: Double?,
            _ units: String, _ ok: Bool, _ message: String?, errored: Bool = false
        ) -> CaseResult {
            // A case recorded irreproducible is judged like any other: out of tolerance it is the
            // expected failure; within tolerance the record is out of date. An error is a failure.
            let status: CaseResult.Status
            var note = message
            if let why = c.irreproducible, !errored {
                status = ok ? .nowReproducible : .irreproducible
                note =
                    ok
                    ? "now reproducible: within \(c.tolerance.text) (deviation "
                        + (deviation.map { String(format: "%.3e", $0) } ?? "-")
                        + "); update the record, which says irreproducible: \(why)"
                    : "irreproducible: \(why)" + (message.map { "; \($0)" } ?? "")
            } else {
                status = ok ? .passed : .failed
            }
            return CaseResult(
                fixture: c, closedForm: closed, numerical: numerical, expected: expected,
                relativeDeviation: deviation, units: units, status: status, message: note,
                errored: errored && status == .failed)
        }
        let evaluation: Evaluation
        do {
            evaluation = try QuantityRegistry.named(c.quantity).evaluate(c.inputs)
        } catch let error as DataFileError {
            // A user's data folder without a file this case reads: not run, with the file named
            // (the package's own copy is never absent; a damaged one is a failure).
            if case .absent = error {
                return CaseResult(
                    fixture: c, closedForm: nil, numerical: nil, expected: nil, relativeDeviation: nil,
                    units: "", status: .notRun, message: "not run: \(error)")
            }
            return finish(nil, nil, nil, nil, "", false, "error: \(error)", errored: true)
        } catch {
            return finish(nil, nil, nil, nil, "", false, "error: \(error)", errored: true)
        }
        let closed = evaluation.closedForm
        let numerical = evaluation.numerical
        switch c.kind {
        case .golden(let expected, _, _, _):
            var worst = 0.0
            var ok = true
            var problems: [String] = []
            var missing = false
            for path in c.paths {
                guard let value = path == .closedForm ? closed : numerical else {
                    ok = false
                    missing = true
                    problems.append("\(path.rawValue) path does not exist for \(c.quantity)")
                    continue
                }
                worst = max(worst, relativeDeviation(value, expected))
                if !c.tolerance.allows(value, expected) {
                    ok = false
                    problems.append(String(format: "%@ %.17g vs expected %.17g", path.rawValue, value, expected))
                }
            }
            return finish(
                closed, numerical, expected, worst, evaluation.units, ok,
                problems.isEmpty ? nil : problems.joined(separator: "; "), errored: missing)
        case .crossPaths:
            guard let c0 = closed, let n0 = numerical else {
                return finish(
                    closed, numerical, closed, nil, evaluation.units, false,
                    "both paths are needed for a cross-path case", errored: true)
            }
            let ok = c.tolerance.allows(n0, c0)
            return finish(
                c0, n0, c0, relativeDeviation(n0, c0), evaluation.units, ok,
                ok ? nil : String(format: "numerical %.17g vs closed form %.17g", n0, c0))
        case .crossForms:
            let forms = evaluation.forms.sorted { $0.key < $1.key }
            guard let reference = forms.first, forms.count > 1 else {
                return finish(
                    closed, numerical, nil, nil, evaluation.units, false,
                    "fewer than two closed forms to compare", errored: true)
            }
            var worst = 0.0
            var problems: [String] = []
            for (name, value) in forms.dropFirst() {
                worst = max(worst, relativeDeviation(value, reference.value))
                if !c.tolerance.allows(value, reference.value) {
                    problems.append(
                        String(
                            format: "form %@ %.17g vs %@ %.17g", name, value, reference.key,
                            reference.value))
                }
            }
            return finish(
                closed, nil, reference.value, worst, evaluation.units, problems.isEmpty,
                problems.isEmpty ? nil : problems.joined(separator: "; "))
        }
    }
}

private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    func increment() -> Int {
        lock.lock()
        defer { lock.unlock() }
        value += 1
        return value
    }
}
