import Foundation
import NuClosedForm
import NuCoherent
import NuPhysics

/// 004 Table 2 reproduced: 11 models × {Ar, CsI, CsI+Ar} × {g at low M, g/M at high M}.
public enum TableTwo {
    public static let models = ["universal", "B-L", "By+Lmu+Ltau", "B-3Le", "B-3Lmu", "B-2Le-Lmu", "B-Le-2Lmu",
                                "Le-Lmu", "Le-Ltau", "Lmu-Ltau", "scalar"]
    public static let datasets = ["ar", "csi", "combined"]

    public struct Row: Sendable {
        public let model: String, dataset: String, regime: String
        public let ours: Double?
        public let printed: Double
        public let units: String
        public let edge: String?
        public let note: String?
        public var relativeDeviation: Double? { ours.map { NuHarness.relativeDeviation($0, printed) } }
    }

    /// The edge of the allowed region a printed bound can be: above the model's strip coupling
    /// (004 Eqs. (44)-(49)) only the outer edge, otherwise the first.
    static func edge(model: String, regime: String, printed: Double) -> AsymptoticLimit.Edge {
        guard regime == "highMass", let m = try? ModelRegistry.lookup(model),
              let strip = try? CEvNSConditions.printedCoefficient(.strip, model: m) else { return .first }
        return printed > strip ? .outer : .first
    }

    /// All 66 entries; the CsI and CsI+Ar columns only when the CsI BRN and NIN counts (which the
    /// release does not carry) are given, otherwise they are rows with a note and no value.
    public static func compute(reference: ReferenceLibrary, csiBackgrounds: (brn: Double, nin: Double)? = nil) throws -> [Row] {
        var jobs: [(String, String, String, Double)] = []
        for model in models { for dataset in datasets { for regime in ["lowMass", "highMass"] {
            let key = "004_atzori_corona_et_al.json#table2.\(model).\(dataset).\(regime)"
            guard let printed = reference.entries[key]?.value else {
                throw HarnessError.file(path: "Reference/004_atzori_corona_et_al.json", field: key, message: "Table 2 entry missing")
            }
            jobs.append((model, dataset, regime, printed))
        } } }
        var analyses: [String: LimitAnalysis] = ["ar": try CoherentContext.shared.limitAnalysis("ar", csiBackgrounds: nil)]
        if let csiBackgrounds {
            for dataset in ["csi", "combined"] { analyses[dataset] = try CoherentContext.shared.limitAnalysis(dataset, csiBackgrounds: csiBackgrounds) }
        }
        let work = jobs, ready = analyses
        return try parallelMap(work.count) { i -> Result<Row, Error> in
            let (model, dataset, regime, printed) = work[i]
            let units = regime == "lowMass" ? "dimensionless" : "GeV^-1"
            guard let analysis = ready[dataset] else {
                return .success(Row(model: model, dataset: dataset, regime: regime, ours: nil, printed: printed, units: units, edge: nil,
                                    note: "not computed: the CsI χ² needs the BRN and NIN normalisations, which the release files do not give (--csi-brn, --csi-nin)"))
            }
            return Result {
                let edge = edge(model: model, regime: regime, printed: printed)
                let mediator: AsymptoticLimit.Mediator = model == "scalar" ? .scalar : .vector(try ModelRegistry.lookup(model))
                let ours = try analysis.bound(mediator, regime: AsymptoticLimit.Regime(rawValue: regime)!, edge: edge, minimisation: .analytic)
                return Row(model: model, dataset: dataset, regime: regime, ours: ours, printed: printed, units: units, edge: edge.rawValue, note: nil)
            }
        }.map { try $0.get() }
    }

    public static func text(_ rows: [Row]) -> String {
        var lines = ["model          dataset   regime     ours            printed         units          rel. deviation  edge",
                     "-------------  --------  ---------  --------------  --------------  -------------  --------------  -----"]
        for r in rows {
            lines.append([r.model.padding(toLength: 13, withPad: " ", startingAt: 0), r.dataset.padding(toLength: 8, withPad: " ", startingAt: 0),
                          r.regime.padding(toLength: 9, withPad: " ", startingAt: 0),
                          (r.ours.map { String(format: "%.4e", $0) } ?? "not computed").padding(toLength: 14, withPad: " ", startingAt: 0),
                          String(format: "%.4e", r.printed).padding(toLength: 14, withPad: " ", startingAt: 0), r.units.padding(toLength: 13, withPad: " ", startingAt: 0),
                          (r.relativeDeviation.map { String(format: "%+.3f", ($0 == 0 ? 0 : (r.ours! - r.printed) / r.printed)) } ?? "-").padding(toLength: 14, withPad: " ", startingAt: 0),
                          r.edge ?? "-"].joined(separator: "  "))
        }
        let computed = rows.filter { $0.ours != nil }
        let within = computed.filter { ($0.relativeDeviation ?? 1) <= 0.10 }.count
        lines.append("")
        lines.append("\(computed.count) of \(rows.count) entries computed; \(within) within 10% of the printed value")
        if let note = rows.first(where: { $0.note != nil })?.note { lines.append("CsI and CsI+Ar: \(note)") }
        return lines.joined(separator: "\n")
    }

    public static func json(_ rows: [Row]) throws -> String {
        let list: [[String: Any]] = rows.map { r in
            ["model": r.model, "dataset": r.dataset, "regime": r.regime, "ours": r.ours ?? NSNull(), "printed": r.printed,
             "units": r.units, "relativeDeviation": r.relativeDeviation ?? NSNull(), "edge": r.edge ?? NSNull(), "note": r.note ?? NSNull()]
        }
        return String(decoding: try JSONSerialization.data(withJSONObject: list, options: [.prettyPrinted, .sortedKeys]), as: UTF8.self)
    }
}
