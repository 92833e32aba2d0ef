import ArgumentParser
import Foundation
import NuAnalyses
import NuCoherent
import NuPhysics
import NuRegistry
import NuReports
import NuValidation

struct Rates: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Predicted (per component) and observed counts per bin and their totals (SM CEvNS from our "
            + "prediction).")
    @Option(help: "ar or csi.") var detector: String = "ar"
    @Flag(help: "Print JSON (with the SM CEvNS total as cevnsTotal).") var json = false
    @OptionGroup var convention: LimitConventionOptions
    @OptionGroup var csi: CsIBackgroundOptions
    @OptionGroup var options: FixtureOptions

    func run() throws {
        do {
            try GivenOptions.refuse(["--dof", "--delta-from"], because: "rates computes no limit")
            options.data.configure(reference: try options.referenceURL)
            let context = CoherentContext.shared
            let set = try convention.inputSet()
            var components: [(String, [[Double]])] = []
            let observed: [[Double]]
            let rowEdges: [Double]
            let columnEdges: [Double]
            let rowUnit: String
            if detector == "ar" {
                if try csi.counts() != nil {
                    throw PhysicsError.notApplicable(
                        "--csi-brn and --csi-nin apply to "
                            + "detector csi")
                }
                let a = try context.argonAnalysis(set)
                components = [
                    ("cevns", try a.predictor.cevns(SignalModel())), ("cevnsRelease", a.release.cevns),
                    ("steadyState", a.release.steadyState),
                    (
                        "promptBRN",
                        a.release.promptBRN
                    ), ("delayedBRN", a.release.delayedBRN),
                ]
                observed = a.release.data
                (rowEdges, columnEdges, rowUnit) = (ArgonRelease.energyEdges, ArgonRelease.timeEdges, "keVee")
            } else if detector == "csi" {
                let analysis = try context.csiAnalysis(set, counts: try csi.counts())
                let columns = CsIRelease.timeEdges.count - 1
                func grid(_ flat: [Double]) -> [[Double]] {
                    stride(
                        from: 0, to: flat.count,
                        by: columns
                    ).map { Array(flat[$0..<($0 + columns)]) }
                }
                components = [
                    ("cevns", try analysis.predictor.cevns(SignalModel())),
                    (
                        "steadyState",
                        grid(analysis.chi2.steadyState)
                    ),
                    ("brn", grid(analysis.chi2.brn)), ("nin", grid(analysis.chi2.nin)),
                ]
                observed = CsIRelease.binned(try context.csiRelease().coincidence)
                (rowEdges, columnEdges, rowUnit) = (CsIRelease.peEdges, CsIRelease.timeEdges, "PE")
            } else {
                throw PhysicsError.unknown("detector '\(detector)' (expected ar or csi)")
            }
            if json {
                var bins: [[String: Any]] = []
                for i in observed.indices {
                    for j in observed[i].indices {
                        var o: [String: Any] = [
                            "observableLow": rowEdges[i], "observableHigh": rowEdges[i + 1],
                            "observableUnit": rowUnit,
                            "timeLowUs": columnEdges[j],
                            "timeHighUs": columnEdges[
                                j
                                    + 1], "observed": observed[i][j],
                        ]
                        for (name, h) in components { o[name] = h[i][j] }
                        bins.append(o)
                    }
                }
                var root: [String: Any] = [
                    "detector": detector, "inputs": set.rawValue, "bins": bins,
                    "observedTotal": total(observed),
                    "cevnsTotal": total(components[0].1), "units": "events",
                ]
                root["componentTotals"] = Dictionary(uniqueKeysWithValues: components.map { ($0.0, total($0.1)) })
                print(try OutputMetadata.jsonString(root, withData: true))
            } else {
                print(
                    "counts per bin [events]; bins in \(rowUnit == "PE" ? "photoelectrons" : "keVee") and µs after "
                        + "the POT; inputs \(set.rawValue)")
                print(
                    "bin (\(rowUnit), µs)".padding(
                        toLength: 26, withPad: " ",
                        startingAt: 0) + "observed  "
                        + components.map {
                            $0.0.padding(
                                toLength: 13, withPad: " ",
                                startingAt: 0)
                        }.joined())
                for i in observed.indices {
                    for j in observed[i].indices {
                        let label = String(
                            format: "%g-%g, %g-%g", rowEdges[i], rowEdges[i + 1], columnEdges[j],
                            columnEdges[j + 1])
                        print(
                            label.padding(toLength: 26, withPad: " ", startingAt: 0)
                                + String(
                                    format: "%-10.0f",
                                    observed[i][j])
                                + components.map { String(format: "%-13.4g", $0.1[i][j]) }.joined())
                    }
                }
                print(
                    "total".padding(toLength: 26, withPad: " ", startingAt: 0)
                        + String(
                            format: "%-10.0f",
                            total(observed))
                        + components.map { String(format: "%-13.5g", total($0.1)) }.joined())
            }
        } catch { throw fail(error) }
    }
}
