import Foundation

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

    /// A representative point for each quantity.
    public static let points: [(String, [String: String])] = [
        ("nue.dsigma", ["flavor": "numu", "energy": "30MeV", "recoil": "10MeV", "model": "B-L", "g": "1e-4", "mass": "10MeV"]),
        ("nue.sigma", ["flavor": "numu", "energy": "30MeV", "model": "B-L", "g": "1e-4", "mass": "10MeV"]),
        ("nue.interference", ["flavor": "numu", "energy": "30MeV", "recoil": "10MeV", "model": "B-L", "g": "1e-4", "mass": "10MeV"]),
        ("dev.coefficient", ["flavor": "numubar", "index": "4"]),
        ("nue.tmax", ["energy": "30MeV"]),
        ("trident.ratio", [:]),
        ("loop.eps", ["beta": "tau", "alpha": "e", "q": "50MeV"]),
        ("loop.kineticMixing", ["beta": "tau", "alpha": "mu", "q": "50MeV", "g": "1e-3"]),
        ("g2.muon", ["mediator": "vector", "g": "1e-3", "mass": "10MeV"]),
        ("g2.coupling", ["mediator": "vector", "mass": "10MeV"]),
        ("g2.mass", ["mediator": "vector", "g": "1e-3"]),
        ("pion.promptLine", [:]),
        ("muon.endpoint", [:]),
        ("scalar.sigmaPiNRatio", [:]),
        ("zprime.rescaling", [:]),
        ("chi2.dev", ["expected": "120", "standardModel": "100"]),
        ("chi2.abdullah", ["observed": "12,30,41,25,9", "predicted": "10,33,38,27,7.5", "background": "3,4,4,3,2"]),
    ]

    /// Times each path for about `budget` seconds (at least 3 calls), after one warm-up call.
    public static func run(budget: Double = 0.2) throws -> [Row] {
        try points.map { name, inputs in
            let quantity = try QuantityRegistry.named(name)
            let values = try quantity.values(inputs)
            let closed = try time(budget) { _ = try quantity.closedForm(values) }
            let numerical = quantity.hasNumericalPath ? try time(budget) { _ = try quantity.numericalValue(values) } : nil
            return Row(quantity: name, inputs: inputs, closedFormNanoseconds: closed, numericalNanoseconds: numerical)
        }
    }

    static func time(_ budget: Double, _ body: () throws -> Void) throws -> Double {
        try body()
        var calls = 0
        let start = DispatchTime.now().uptimeNanoseconds
        var elapsed: UInt64 = 0
        repeat {
            try body()
            calls += 1
            elapsed = DispatchTime.now().uptimeNanoseconds - start
        } while calls < 3 || Double(elapsed) < budget * 1e9
        return Double(elapsed) / Double(calls)
    }

    public static func table(_ rows: [Row]) -> String {
        var lines = ["quantity              closed form (ns/eval)   numerical (ns/eval)   numerical/closed",
                     "--------------------  ---------------------  --------------------  ----------------"]
        for r in rows {
            let n = r.numericalNanoseconds.map { String(format: "%.0f", $0) } ?? "-"
            let ratio = r.ratio.map { String(format: "%.1f", $0) } ?? "-"
            lines.append(r.quantity.padding(toLength: 20, withPad: " ", startingAt: 0) + "  "
                         + String(format: "%21.0f", r.closedFormNanoseconds) + "  "
                         + n.leftPadded(20) + "  " + ratio.leftPadded(16))
        }
        return lines.joined(separator: "\n")
    }
}

extension String {
    func leftPadded(_ width: Int) -> String { count >= width ? self : String(repeating: " ", count: width - count) + self }
}
