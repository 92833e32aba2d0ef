import Foundation
import NuAnalyses
import NuClosedForm
import NuCoherent
import NuData
import NuNumerical
import NuPhysics
import NuRegistry

/// Nanoseconds per evaluation of each path of each quantity, measured side by side in one run.
public enum Benchmark {
    public struct Row: Sendable {
        public let quantity: String
        public let inputs: [String: String]
        public let closedFormNanoseconds: Double
        public let numericalNanoseconds: Double?
        /// numerical / closed form.
        public var ratio: Double? { numericalNanoseconds.map { $0 / closedFormNanoseconds } }
    }

    /// One quantity at a representative point, its paths bound to inputs already decoded.
    public struct Case {
        public let quantity: String
        public let inputs: [String: String]
        public let closed: () throws -> Double
        public let numerical: (() throws -> Double)?
    }

    /// Every registered quantity at a representative point: its first fixture case that evaluates
    /// (a cross-path grid point where there is one, else a golden case), decoded once, so the
    /// timing is each path's physics and not the text parsing. A quantity with no such case is
    /// an error, so the benchmark cannot silently leave one out.
    public static func cases(fixtures: FixtureSet) throws -> [Case] {
        try QuantityRegistry.all.map { q in
            let candidates = fixtures.cases.filter { $0.quantity == q.name }
                .sorted { ($0.isGrid ? 0 : 1) < ($1.isGrid ? 0 : 1) }
            for c in candidates {
                guard let (prepared, _) = try? q.prepared(c.inputs), (try? prepared.closedForm()) != nil else {
                    continue
                }
                return Case(
                    quantity: q.name, inputs: c.inputs, closed: prepared.closedForm,
                    numerical: prepared.numerical)
            }
            throw HarnessError.file(
                path: "Fixtures/", field: nil,
                message: "no fixture case of \(q.name) evaluates, so the benchmark cannot time it")
        }
    }

    /// Times each path for about `budget` seconds (at least 3 calls) after one warm-up call,
    /// closed form and numerical path of one quantity back to back in the same run.
    public static func run(fixtures: FixtureSet, budget: Double = 0.2) throws -> [Row] {
        try cases(fixtures: fixtures).map { c in
            let closed = try time(budget) { _ = try c.closed() }
            let numerical = try c.numerical.map { n in try time(budget) { _ = try n() } }
            return Row(
                quantity: c.quantity, inputs: c.inputs, closedFormNanoseconds: closed,
                numericalNanoseconds: numerical)
        }
    }

    /// Nanoseconds per call: one warm-up call, then batches whose size doubles until a batch
    /// takes ≥ 1 ms (so the clock reads do not count), repeated until `budget` seconds pass.
    static func time(_ budget: Double, _ body: () throws -> Void) throws -> Double {
        try body()
        func batch(_ n: Int) throws -> UInt64 {
            let start = DispatchTime.now().uptimeNanoseconds
            for _ in 0..<n { try body() }
            return DispatchTime.now().uptimeNanoseconds - start
        }
        var size = 1
        while try batch(size) < 1_000_000 && size < 1 << 24 { size *= 2 }
        var calls = 0
        var elapsed: UInt64 = 0
        repeat {
            elapsed += try batch(size)
            calls += size
        } while Double(elapsed) < budget * 1e9
        return Double(elapsed) / Double(calls)
    }

    /// The scans, timed once each (wall clock, every core), every analysis rebuilt first so that no
    /// cached prediction or response is reused: all 66 Table 2 entries; every Table 2 model on Ar,
    /// CsI and combined on 100 masses; and the cost growth with the number of masses (B − L
    /// combined, 25 against 100) and with the density of the coupling grid (one χ² scan at 0.1
    /// against 0.05 decades).
    public static func scans(reference: ReferenceLibrary) throws -> [String] {
        func seconds(_ body: () throws -> Void) rethrows -> Double {
            CoherentContext.shared.clearAnalyses()
            let start = DispatchTime.now().uptimeNanoseconds
            try body()
            return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        }
        _ = try CoherentContext.shared.argonRelease()
        _ = try CoherentContext.shared.csiArrivalMean()  // loading the releases is not a scan
        let table = try seconds { _ = try TableTwo.compute(reference: reference) }
        func curves(_ models: [String], _ datasets: [String], masses n: Int) throws -> Double {
            let masses = (0..<n).map { pow(10, -1 + 6 * Double($0) / Double(n - 1)) }
            return try seconds {
                for model in models {
                    let mediator: AsymptoticLimit.Mediator =
                        model == "scalar" ? .scalar : .vector(try ModelRegistry.lookup(model))
                    for dataset in datasets {
                        _ = try CoherentContext.shared.limitAnalysis(dataset).curve(
                            mediator,
                            masses: masses)
                    }
                }
            }
        }
        let all = try curves(TableTwo.models, TableTwo.datasets, masses: 100)
        let (c25, c100) = (
            try curves(["B-L"], ["combined"], masses: 25),
            try curves(
                ["B-L"], ["combined"],
                masses: 100)
        )
        let analysis = try CoherentContext.shared.limitAnalysis("combined")
        let q = try AsymptoticLimit.quadratic(.vector(ModelRegistry.bMinusL), mass: 10, predict: analysis.predict)
        let chi2: ([Double]) throws -> Double = { try analysis.chi2($0, .closedForm) }
        let coarse = try seconds {
            for _ in 0..<20 {
                _ = try AsymptoticLimit.scan(
                    q, convention: .standard,
                    chi2: chi2)
            }
        }
        let fine = try seconds {
            for _ in 0..<20 {
                _ = try AsymptoticLimit.scan(
                    q, convention: .standard, chi2: chi2,
                    decadeStep: 0.05)
            }
        }
        return [
            String(format: "table2, all 66 entries (2 cores)                         %8.3f s", table),
            String(
                format: "limits all --detector all --points 100 (3300 masses)    %8.3f s  (%.1f ms per mass "
                    + "and data set)", all, 1000 * all / 3300),
            String(
                format: "limits B-L combined, 25 masses                          %8.3f s  (%.1f ms per mass)",
                c25, 1000 * c25 / 25),
            String(
                format: "limits B-L combined, 100 masses                         %8.3f s  (%.1f ms per mass; "
                    + "100/25 cost ratio %.2f)", c100, 10 * c100, c100 / c25),
            String(format: "one χ² scan, B-L combined at 10 MeV, 0.1 decades       %8.4f s", coarse / 20),
            String(
                format: "one χ² scan, B-L combined at 10 MeV, 0.05 decades      %8.4f s  (finer/coarser cost "
                    + "ratio %.2f)", fine / 20, fine / coarse),
        ]
    }

}

extension FixtureCase {
    /// A cross-path or cross-form grid point (not a golden value).
    var isGrid: Bool {
        if case .golden = kind { return false }
        return true
    }
}
