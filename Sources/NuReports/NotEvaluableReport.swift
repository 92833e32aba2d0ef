import Foundation
import NuData

/// The statements `Reference/` records as irreproducible, which no fixture case can run (their
/// numbers or formulas were lost in extraction): `check` lists them after the cases, so a paper's
/// lost items stay visible next to what was reproduced.
extension Reports {
    public static func notEvaluable(_ entries: [ReferenceEntry]) -> String {
        guard !entries.isEmpty else { return "" }
        let lines = entries.map { e in
            "  \(e.citation), \(e.location) [\(e.file)#\(e.id)]: \(e.irreproducible ?? "")"
        }
        return (["\(entries.count) recorded statements cannot be evaluated (irreproducible, Reference/):"] + lines)
            .joined(separator: "\n")
    }

    static func notEvaluableObjects(_ entries: [ReferenceEntry]) -> [[String: Any]] {
        entries.map {
            [
                "paper": $0.citation, "reference": "\($0.file)#\($0.id)", "location": $0.location,
                "printed": $0.printed, "units": $0.units, "irreproducible": $0.irreproducible ?? "",
            ]
        }
    }
}
