import Foundation
import NuAnalyses
import NuPhysics
import NuRegistry
import NuValidation

extension Benchmark {
    public static func table(_ rows: [Row]) -> String {
        var lines = [
            "quantity                closed form (ns/eval)   numerical (ns/eval)   numerical/closed",
            "----------------------  ---------------------  --------------------  ----------------",
        ]
        for r in rows {
            let n = r.numericalNanoseconds.map { String(format: "%.0f", $0) } ?? "-"
            let ratio = r.ratio.map { String(format: "%.1f", $0) } ?? "-"
            lines.append(
                r.quantity.padding(toLength: 22, withPad: " ", startingAt: 0) + "  "
                    + String(format: "%21.0f", r.closedFormNanoseconds) + "  "
                    + n.leftPadded(20) + "  " + ratio.leftPadded(16))
        }
        return lines.joined(separator: "\n")
    }
}

extension String {
    func leftPadded(_ width: Int) -> String {
        count >= width
            ? self
            : String(
                repeating: " ",
                count: width - count) + self
    }
}
