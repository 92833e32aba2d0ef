import Foundation
import NuClosedForm
import NuCoherent
import NuData
import NuPhysics

/// 004 Table 2 reproduced: 11 models × {Ar, CsI, CsI+Ar} × {g at low M, g/M at high M}.
public enum TableTwo {
    public static let models = [
        "universal", "B-L", "By+Lmu+Ltau", "B-3Le", "B-3Lmu", "B-2Le-Lmu", "B-Le-2Lmu",
        "Le-Lmu", "Le-Ltau", "Lmu-Ltau", "scalar",
    ]
    public static let datasets = ["ar", "csi", "combined"]

    /// How the 66 bounds are computed: the input set, the degrees of freedom and the χ² Δχ² is
    /// counted from, the edge (nil: per cell, `edge(model:regime:printed:)`), and the CsI BRN and
    /// NIN counts (nil: the release's).
    public struct Options: Sendable {
        public var inputs: InputSet
        public var dof: Int
        public var reference: LimitConvention.Reference
        public var edge: AsymptoticLimit.Edge?
        public var csiCounts: CsINeutronCounts?

        public init(
            inputs: InputSet = .release, dof: Int = 2, reference: LimitConvention.Reference = .minimum,
            edge: AsymptoticLimit.Edge? = nil, csiCounts: CsINeutronCounts? = nil
        ) {
            self.inputs = inputs
            self.dof = dof
            self.reference = reference
            self.edge = edge
            self.csiCounts = csiCounts
        }
    }

    public struct Row: Sendable {
        public let model: String, dataset: String, regime: String
        public let ours: Double
        public let printed: Double
        public let units: String
        public let convention: LimitConvention
        public let inputs: InputSet
        /// Δχ² against the coupling near the bound, when a ridge within 1.5 of the threshold makes
        /// the bound ill-conditioned: (coupling, Δχ²).
        public let profile: [(coupling: Double, deltaChi2: Double)]?
        /// Signed (ours − printed)/printed.
        public var relativeDeviation: Double { (ours - printed) / printed }
    }

    /// The edge of the allowed region a printed bound can be: above the model's strip coupling
    /// (004 Eqs. (44)-(49)) only the outer edge, otherwise the first.
    public static func edge(model: String, regime: String, printed: Double) -> AsymptoticLimit.Edge {
        guard regime == "highMass", let m = try? ModelRegistry.lookup(model),
            let strip = try? CEvNSConditions.printedCoefficient(.strip, model: m)
        else { return .first }
        return printed > strip ? .outer : .first
    }

    public static func printed(
        _ reference: ReferenceLibrary, model: String, dataset: String,
        regime: String
    ) throws -> Double {
        let key = "004_atzori_corona_et_al.json#table2.\(model).\(dataset).\(regime)"
        guard let printed = reference.entries[key]?.value else {
            throw HarnessError.file(
                path: "Reference/004_atzori_corona_et_al.json", field: key,
                message: "Table 2 entry missing")
        }
        return printed
    }

    /// All 66 entries, on every core.
    public static func compute(reference: ReferenceLibrary, options: Options = Options()) throws -> [Row] {
        var jobs: [(String, String, String, Double)] = []
        for model in models {
            for dataset in datasets {
                for regime in ["lowMass", "highMass"] {
                    jobs.append(
                        (
                            model, dataset, regime,
                            try printed(
                                reference, model: model, dataset: dataset,
                                regime: regime)
                        ))
                }
            }
        }
        var analyses: [String: LimitAnalysis] = [:]
        for dataset in datasets {
            analyses[dataset] = try CoherentContext.shared.limitAnalysis(
                dataset, inputs: options.inputs,
                csiCounts: dataset == "ar" ? nil : options.csiCounts)
        }
        let work = jobs
        let ready = analyses
        return try parallelMap(work.count) { i -> Result<Row, Error> in
            let (model, dataset, regime, printed) = work[i]
            return Result {
                let convention = try LimitConvention(
                    dof: options.dof, reference: options.reference,
                    edge: options.edge
                        ?? edge(
                            model: model, regime: regime,
                            printed: printed))
                let mediator: AsymptoticLimit.Mediator =
                    model == "scalar" ? .scalar : .vector(try ModelRegistry.lookup(model))
                let r = AsymptoticLimit.Regime(rawValue: regime)!
                let scan = try ready[dataset]!.scan(
                    mediator, regime: r, convention: convention,
                    minimisation: .closedForm)
                let coupling = { (x: Double) in AsymptoticLimit.coupling(x, regime: r, mass: r.mass) }
                let ours = coupling(scan.bound)
                let profile =
                    scan.isIllConditioned
                    ? zip(
                        scan.xs,
                        scan.chi2
                    ).filter { $0.0 > scan.bound / 10 && $0.0 < scan.bound * 10 }.map {
                        (
                            coupling($0.0),
                            $0.1 - scan.reference
                        )
                    }
                    : nil
                return Row(
                    model: model, dataset: dataset, regime: regime, ours: ours, printed: printed,
                    units: regime == "lowMass" ? "dimensionless" : "GeV^-1", convention: convention,
                    inputs: options.inputs, profile: profile)
            }
        }.map { try $0.get() }
    }

    /// How many entries lie within 10% and 20% of the printed values.
    public static func summary(_ rows: [Row]) -> (within10: Int, within20: Int) {
        (
            rows.filter { abs($0.relativeDeviation) <= 0.10 }.count,
            rows.filter { abs($0.relativeDeviation) <= 0.20 }.count
        )
    }

}
