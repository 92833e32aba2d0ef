import Foundation
import GSLKit
import NuClosedForm
import NuPhysics

/// The CENNS-10 argon release (Analysis A): 3-D histograms in reconstructed energy (12 bins of
/// 10 keVee from 0), F90 (8 bins) and t_trig (10 bins of 0.5 µs from −0.1 µs), and the
/// acceptance efficiency in keVee. Only the energy × time projection enters 004's χ² (Eq. (7)).
public struct ArgonRelease: Sendable {
    public static let energyBins = 12, f90Bins = 8, timeBins = 10
    public static let energyEdges = (0...12).map { Double($0) * 10 }  // keVee
    public static let timeEdges = (0...10).map { -0.1 + Double($0) * 0.5 }  // µs
    /// Rows of the released efficiency table (0.5 keVee bins, centres 0.25-39.75 keVee).
    public static let efficiencyRows = 80

    /// Energy × time histograms (F90 summed), [energy][time], events per 6.12 GWh.
    public let data: [[Double]]
    public let cevns: [[Double]]
    public let promptBRN: [[Double]]
    public let delayedBRN: [[Double]]
    public let steadyState: [[Double]]
    /// (E_ee bin centre in keVee, efficiency); flat at the last value above.
    public let efficiency: [(energy: Double, value: Double)]

    /// A released 3-D histogram projected on energy × time (F90 summed), [energy][time].
    static func histogram(_ url: URL) throws -> [[Double]] {
        let table = try TableShape(url, columns: 4)
        try table.count(Self.energyBins * Self.f90Bins * Self.timeBins, "bins (12 energy x 8 F90 x 10 time)")
        try table.nonNegative(column: 3, "count")
        var h = Array(repeating: Array(repeating: 0.0, count: Self.timeBins), count: Self.energyBins)
        var seen = Set<[Int]>()
        for row in table.rows {
            let r = row.values
            // Bin indices only from values inside the released ranges (Int() of 1e300 traps).
            func index(_ x: Double, from start: Double, width: Double, bins: Int) -> Int? {
                let k = ((x - start) / width).rounded(.down)
                return k >= 0 && k < Double(bins) ? Int(k) : nil
            }
            guard let i = index(r[0], from: 0, width: 10, bins: Self.energyBins),
                let f = index(
                    r[1], from: 0.5,
                    width: 0.05, bins: Self.f90Bins),
                let j = index(r[2], from: -0.1, width: 0.5, bins: Self.timeBins)
            else {
                throw table.fail(
                    row.line,
                    "bin centre (\(r[0]) keVee, F90 \(r[1]), \(r[2]) µs) outside the released binning")
            }
            guard seen.insert([i, f, j]).inserted else {
                throw table.fail(
                    row.line,
                    "bin (\(r[0]) keVee, F90 \(r[1]), \(r[2]) µs) appears twice")
            }
            h[i][j] += r[3]
        }
        return h
    }

    /// Reads the argon release from its folder (the package's `coherent-ar2020/`, or a user's `ar2020/`).
    public init(directory base: URL) throws {
        func histogram(_ name: String) throws -> [[Double]] { try Self.histogram(base.appendingPathComponent(name)) }
        data = try histogram("datanobkgsub.txt")
        cevns = try histogram("cevnspdf.txt")
        promptBRN = try histogram("brnpdf.txt")
        delayedBRN = try histogram("delbrnpdf.txt")
        steadyState = try histogram("bkgpdf.txt")
        // The released efficiency table: 80 rows of 0.5 keVee bins, centres 0.25-39.75 keVee (as
        // shipped, SHA-256 in Reference/releases/manifest.json); a table cut at a line or a byte is
        // an error, not an efficiency held flat at its last remaining value.
        let table = try TableShape(base.appendingPathComponent("CENNS10AnlAEfficiency.txt"), columns: 3)
        try table.count(Self.efficiencyRows, "efficiency rows (0.25-39.75 keVee by 0.5)")
        try table.grid(column: 0, start: 0.25, step: 0.5)
        try table.within(column: 2, 0...1, "efficiency")
        efficiency = table.rows.map { ($0.values[0], $0.values[2]) }
    }

    /// Each histogram sums to the normalisation recorded for the release.
    public func checkSums(_ inputs: AnalysisInputs, directory base: URL) throws {
        for (h, file, id) in [
            (data, "datanobkgsub.txt", "ar.sum.data"), (cevns, "cevnspdf.txt", "ar.sum.cevns"),
            (promptBRN, "brnpdf.txt", "ar.sum.promptBRN"),
            (delayedBRN, "delbrnpdf.txt", "ar.sum.delayedBRN"),
            (
                steadyState, "bkgpdf.txt",
                "ar.sum.steadyState"
            ),
        ] {
            try checkSum(h.joined().reduce(0, +), id, file: base.appendingPathComponent(file), inputs)
        }
    }

    /// Efficiency at reconstructed energy E (keVee): the released value of the 0.5 keVee bin
    /// holding E, the last value above the table.
    public func efficiency(at e: Double) -> Double {
        guard e >= 0 else { return 0 }
        let width = efficiency.count > 1 ? efficiency[1].energy - efficiency[0].energy : 0.5
        // Past the table (or a width that is not positive) is the last value; Int() of 1e300 traps.
        let x = e / width
        guard x.isFinite, x >= 0, x < Double(efficiency.count) else { return efficiency[efficiency.count - 1].value }
        return efficiency[Int(x)].value
    }
}

/// The CsI[Na] 2021 release: selected events (PE, t_rec µs) in the coincidence (C) and
/// anti-coincidence (AC) windows, neutron background shapes, and the response coefficients.
public struct CsIRelease: Sendable {
    public static let peEdges: [Double] = [0, 8, 12, 16, 20, 24, 32, 40, 50, 60]
    public static let timeEdges: [Double] = [0, 0.125, 0.25, 0.375, 0.5, 0.625, 0.75, 0.875, 1, 2, 4, 6]

    /// The release's axes: 250 1-PE bins from 0, and 650 t_rec bins of 0.01 µs from −0.25 µs.
    static let peBins = 250, timeBins = 650, timeStep = 0.01, timeStart = -0.25

    public let coincidence: [(pe: Double, time: Double)]
    public let anticoincidence: [(pe: Double, time: Double)]
    /// Nominal energy efficiency eff(x) = a/(1 + exp(−b(x − c))) + d, x in PE.
    public let efficiency: (a: Double, b: Double, c: Double, d: Double)
    /// Nominal scintillation response E_ee = a x + b x² + c x³ + d x⁴ (x in MeVnr, E_ee in MeVee).
    public let response: (a: Double, b: Double, c: Double, d: Double)
    /// The neutrino-induced-neutron time spectrum (t_rec µs bin centre, weight), 0.01 µs bins.
    public let ninTime: [(time: Double, weight: Double)]
    /// Beam-related-neutron spectra: (PE bin centre, weight) in 1-PE bins and (t_rec µs bin
    /// centre, weight) in 0.01 µs bins; shapes only (the release gives no normalisation).
    public let brnEnergy: [(pe: Double, weight: Double)], brnTime: [(time: Double, weight: Double)]
    /// Neutrino-induced-neutron energy spectrum (PE bin centre, weight), 1-PE bins; a shape.
    public let ninEnergy: [(pe: Double, weight: Double)]

    /// Reads the CsI release from its folder (the package's `coherent-csi2021/`, or a user's `csi2021/`).
    public init(directory base: URL) throws {
        // Event lists: on the release's PE and t_rec axes (those of the spectra below, 0-250 PE
        // and −0.25-6.25 µs); their length is checked against the count recorded in
        // Reference/coherent.json (`checkEventCounts`).
        func events(_ name: String) throws -> [(Double, Double)] {
            let table = try TableShape(base.appendingPathComponent(name), columns: 2)
            try table.within(column: 0, 0...Double(Self.peBins), "PE")
            try table.within(
                column: 1, Self.timeStart...(Self.timeStart + Double(Self.timeBins) * Self.timeStep),
                "t_rec (µs)")
            return table.rows.map { ($0.values[0], $0.values[1]) }
        }
        // Binned spectra: the released grid, every bin present once, weights ≥ 0.
        func spectrum(_ name: String, start: Double, step: Double, bins: Int) throws -> [(Double, Double)] {
            let table = try TableShape(base.appendingPathComponent(name), columns: 2)
            try table.count(bins, "bins")
            try table.grid(column: 0, start: start, step: step)
            try table.nonNegative(column: 1, "weight")
            return table.rows.map { ($0.values[0], $0.values[1]) }
        }
        func coefficients(_ name: String, variants: Int) throws -> [Double] {
            let table = try TableShape(base.appendingPathComponent(name), columns: 4)
            try table.count(variants, "coefficient rows (nominal and its variants)")
            return table.rows[0].values
        }
        coincidence = try events("dataBeamOnC.txt")
        anticoincidence = try events("dataBeamOnAC.txt")
        let eff = try coefficients("effCoefficients.txt", variants: 3)
        efficiency = (eff[0], eff[1], eff[2], eff[3])
        try Self.checkEfficiency(efficiency, file: base.appendingPathComponent("effCoefficients.txt").path)
        let r = try coefficients("scintRespCoefficients.txt", variants: 5)
        response = (r[0], r[1], r[2], r[3])
        try Self.checkResponse(response, file: base.appendingPathComponent("scintRespCoefficients.txt").path)
        let timeCentre = Self.timeStart + Self.timeStep / 2
        ninTime = try spectrum("ninTrec.txt", start: timeCentre, step: Self.timeStep, bins: Self.timeBins)
        brnTime = try spectrum("brnTrec.txt", start: timeCentre, step: Self.timeStep, bins: Self.timeBins)
        brnEnergy = try spectrum("brnPE.txt", start: 0.5, step: 1, bins: Self.peBins)
        ninEnergy = try spectrum("ninPE.txt", start: 0.5, step: 1, bins: Self.peBins)
    }

    /// The nominal efficiency a/(1 + exp(−b(x − c))) + d (x in PE) must be one: rising (a, b > 0),
    /// turning on inside the released PE range (0 ≤ c ≤ 250), its plateau a + d in (0, 1]. The
    /// release has a = 1.32, b = 0.286/PE, c = 10.9 PE, d = −0.333 (plateau 0.987); a damaged
    /// user copy (−1e300, a flipped sign) would otherwise give 0 or 3.6× the events silently.
    static func checkEfficiency(_ e: (a: Double, b: Double, c: Double, d: Double), file: String) throws {
        guard e.a > 0, e.b > 0, (0...Double(peBins)).contains(e.c), e.a + e.d > 0, e.a + e.d <= 1 else {
            throw CoherentDataError.field(
                file: file, field: "nominal coefficients a b c d",
                message: "(\(e.a), \(e.b), \(e.c), \(e.d)) is not an efficiency curve: needs a > 0, b > 0, "
                    + "0 ≤ c ≤ \(peBins) PE and a plateau a + d in (0, 1]")
        }
    }

    /// The nominal quartic E_ee(x) (MeVee, x in MeVnr) must be a quenched response over the recoils
    /// π-DAR neutrinos give Cs and I (x ≤ 0.05 MeVnr): rising, with 0 < E_ee/x < 1.
    static func checkResponse(_ r: (a: Double, b: Double, c: Double, d: Double), file: String) throws {
        var previous = 0.0
        for i in 1...50 {
            let x = 0.001 * Double(i)
            let eee = x * (r.a + x * (r.b + x * (r.c + x * r.d)))
            guard eee > previous, eee < x else {
                throw CoherentDataError.field(
                    file: file, field: "nominal coefficients a b c d",
                    message: "(\(r.a), \(r.b), \(r.c), \(r.d)) is not a quenched response: E_ee(\(x) MeVnr) = "
                        + "\(eee) MeVee (needs 0 < E_ee < x, rising, up to 0.05 MeVnr)")
            }
            previous = eee
        }
    }

    /// The neutron spectra sum to the values recorded for the release.
    public func checkSums(_ inputs: AnalysisInputs, directory base: URL) throws {
        for (spectrum, file, id) in [
            (brnEnergy.map(\.weight), "brnPE.txt", "csi.sum.brnPE"),
            (
                ninEnergy.map(\.weight),
                "ninPE.txt", "csi.sum.ninPE"
            ),
            (brnTime.map(\.weight), "brnTrec.txt", "csi.sum.brnTrec"),
            (
                ninTime.map(\.weight),
                "ninTrec.txt", "csi.sum.ninTrec"
            ),
        ] {
            try checkSum(spectrum.reduce(0, +), id, file: base.appendingPathComponent(file), inputs)
        }
    }

    /// The event lists must hold the number of events recorded for the release (a list truncated
    /// at a line boundary is otherwise a valid file).
    public func checkEventCounts(_ inputs: AnalysisInputs, directory: URL) throws {
        for (name, events, id) in [
            ("dataBeamOnC.txt", coincidence.count, "csi.events.coincidence"),
            ("dataBeamOnAC.txt", anticoincidence.count, "csi.events.anticoincidence"),
        ] {
            let expected = try inputs.count(id)
            guard events == expected else {
                throw CoherentDataError.malformed(
                    file: directory.appendingPathComponent(name).path, line: 0,
                    message: "\(events) events, the release has \(expected) (\(id) in "
                        + "\(AnalysisInputs.fileName)): truncated or altered")
            }
        }
    }

    /// The proton-pulse mean (ns) on the t_rec axis, which the CsI files do not state: fitted to
    /// the neutrino-induced-neutron time spectrum, which follows the neutrino arrivals, as a mix
    /// f·prompt + (1 − f)·delayed with the 150 ns pulse width, by least squares on the normalised
    /// shape (GSL simplex over μ and f).
    public func fittedArrivalMean() throws -> (mean: Double, promptFraction: Double) {
        let total = ninTime.reduce(0) { $0 + $1.weight }
        guard total > 0 else {
            throw CoherentDataError.malformed(
                file: "csi2021/ninTrec.txt", line: 0,
                message: "empty spectrum")
        }
        func chi2(_ v: [Double]) throws -> Double {
            let model = try ArrivalTimeModel(mean: v[0], width: 150)
            let f = min(max(v[1], 0), 1)
            var sum = 0.0
            var norm = 0.0
            var predicted: [Double] = []
            for bin in ninTime {
                let a = (bin.time - 0.005) * 1000
                let b = (bin.time + 0.005) * 1000
                let p =
                    f * ArrivalTime.fraction(.numu, model, from: a, to: b) + (1 - f)
                    * ArrivalTime.fraction(
                        .nue,
                        model, from: a, to: b)
                predicted.append(p)
                norm += p
            }
            for (bin, p) in zip(ninTime, predicted) {
                let d = bin.weight / total - p / norm
                sum += d * d
            }
            return sum * 1e6
        }
        let result = try Minimizer.simplex(chi2, start: [600, 0.3], steps: [100, 0.1], sizeTolerance: 1e-6)
        return (result.point[0], min(max(result.point[1], 0), 1))
    }

    /// Events of a window in the 9 × 11 analysis bins, [PE][time].
    public static func binned(_ events: [(pe: Double, time: Double)]) -> [[Double]] {
        var h = Array(repeating: Array(repeating: 0.0, count: timeEdges.count - 1), count: peEdges.count - 1)
        for e in events {
            guard let i = peEdges.indices.dropLast().first(where: { e.pe >= peEdges[$0] && e.pe < peEdges[$0 + 1] }),
                let j = timeEdges.indices.dropLast().first(where: {
                    e.time >= timeEdges[$0]
                        && e.time
                            < timeEdges[
                                $0
                                    + 1]
                })
            else { continue }
            h[i][j] += 1
        }
        return h
    }
}
