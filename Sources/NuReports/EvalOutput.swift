import Foundation
import NuAnalyses
import NuRegistry
import NuValidation

/// The output of `nucheck eval`: text for people, JSON for machines.
public enum EvalOutput {
    public static func json(_ e: Evaluation) throws -> String {
        var o: [String: Any] = [
            "quantity": e.quantity, "inputs": e.inputs, "units": e.units,
            "closedForm": e.closedForm ?? NSNull(), "numerical": e.numerical ?? NSNull(),
            "relativeDifference": e.relativeDifference ?? NSNull(),
            "agreement": e.agreement.summary, "pathsAgree": e.disagreement == nil,
        ]
        if !e.forms.isEmpty { o["forms"] = e.forms }
        return try OutputMetadata.jsonString(o)
    }

    public static func text(_ e: Evaluation) -> String {
        func f(_ v: Double?) -> String {
            v.map {
                String(
                    format: "%.15g %@", $0,
                    e.units)
            } ?? "- (no numerical path: a closed formula)"
        }
        var lines = [
            "quantity:            \(e.quantity)",
            "inputs:              "
                + e.inputs.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
                .joined(separator: " "),
            "closed form:         \(f(e.closedForm))",
            "numerical:           \(f(e.numerical))",
            "relative difference: "
                + (e.relativeDifference.map {
                    String(
                        format: "%.3e",
                        $0)
                } ?? "-") + "  (\(e.agreement.summary))",
        ]
        for (name, value) in e.forms.sorted(by: { $0.key < $1.key }) {
            lines.append(
                "form \(name):".padding(
                    toLength: 21, withPad: " ",
                    startingAt: 0) + String(format: "%.15g %@", value, e.units))
        }
        return lines.joined(separator: "\n")
    }
}
