import Foundation
import Testing
import NuPhysics
@testable import NuCoherent
import TestSupport

/// Sums of one column of a release file, read here independently of the release loaders.
private func columnSums(_ name: String, keep: (Double) -> Bool = { _ in true }) throws -> Double {
    let text = try String(contentsOf: Data.csi.appendingPathComponent(name), encoding: .utf8)
    return text.split(separator: "\n").filter { !$0.hasPrefix("#") }.compactMap { line -> Double? in
        let f = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).compactMap { Double($0) }
        return f.count == 2 && keep(f[0]) ? f[1] : nil
    }.reduce(0, +)
}

@Suite
struct CsINeutronCountTests {
    /// The derivation of `CsINeutronCounts` against the file sums: the PE spectra have unit area in
    /// 0-60 PE, so the region holds Σ_{0-6 µs} w(t) / Σ_{all PE} w(PE) events; the README of the
    /// data records 27.632/1.49778 = 18.4 and 7.4927/1.33396 = 5.6.
    @Test("BRN and NIN counts from the release files' sums")
    func derivation() throws {
        let counts = try CsINeutronCounts.derived(from: try CsIRelease(directory: Data.csi))
        let brn = try columnSums("brnTrec.txt", keep: { $0 >= 0 && $0 < 6 }) / columnSums("brnPE.txt")
        let nin = try columnSums("ninTrec.txt", keep: { $0 >= 0 && $0 < 6 }) / columnSums("ninPE.txt")
        expectClose(counts.brn, brn, relative: 1e-12, "BRN counts: derived vs file sums")
        expectClose(counts.nin, nin, relative: 1e-12, "NIN counts: derived vs file sums")
        #expect(abs(counts.brn - 18.4) < 0.05 && abs(counts.nin - 5.6) < 0.05, "the README's 18.4 and 5.6 (printed to 3 digits): \(counts)")
        #expect(abs(try columnSums("brnPE.txt", keep: { $0 < 60 }) - 1) < 1e-4, "brnPE.txt has unit area in 0-60 PE")
    }

    /// The evidence that the time efficiency is not in the released NIN spectrum: between 1.5 and
    /// 6 µs it falls with the muon lifetime alone, exp(−t/τ_μ) (NIN follows the delayed ν_e);
    /// with the efficiency exp(−0.0494(t − 0.52)) in it, the slope would be 0.0494 /µs steeper.
    @Test("time efficiency: the released NIN time spectrum falls as exp(−t/τ_μ), without it")
    func ninSlope() throws {
        let release = try CsIRelease(directory: Data.csi)
        let points = release.ninTime.filter { $0.time > 1.5 && $0.time < 6 && $0.weight > 0 }.map { ($0.time, log($0.weight)) }
        let n = Double(points.count), sx = points.reduce(0) { $0 + $1.0 }, sy = points.reduce(0) { $0 + $1.1 }
        let sxx = points.reduce(0) { $0 + $1.0 * $1.0 }, sxy = points.reduce(0) { $0 + $1.0 * $1.1 }
        let slope = -(n * sxy - sx * sy) / (n * sxx - sx * sx)
        let muon = 1 / 2.1969811, withEfficiency = muon + 0.0494
        expectClose(slope, muon, relative: 0.005, "fitted slope (/µs) vs 1/τ_μ")
        #expect(abs(slope - withEfficiency) > 0.04, "not the slope with the efficiency, \(withEfficiency)")
    }
}

@Suite
struct AnalysisInputTests {
    /// Reference/coherent.json drives the predictions: the exposure enters linearly, so doubling
    /// the POT doubles every bin; switching the CsI time efficiency off raises the prediction.
    @Test("Reference/coherent.json drives the predictions")
    func inputsDrive() throws {
        let inputs = try Data.inputs(), ar = try ArgonRelease(directory: Data.argon)
        let nominal = total(try ArgonPredictor(release: ar, inputs: inputs).cevns(SignalModel()))
        let doubled = total(try ArgonPredictor(release: ar, inputs: try inputs.replacing("ar.pot", with: 2 * inputs("ar.pot"))).cevns(SignalModel()))
        expectClose(doubled, 2 * nominal, relative: 1e-12, "POT × 2: events vs twice the nominal")
        let higherQF = total(try ArgonPredictor(release: ar, inputs: try inputs.replacing("ar.qf.a", with: 0.252)).cevns(SignalModel()))
        #expect(higherQF > nominal * 1.005, "a higher quenching factor lifts more recoils over threshold: \(higherQF) vs \(nominal)")
        let csi = try CsIRelease(directory: Data.csi), mean = try csi.fittedArrivalMean().mean
        let withEfficiency = total(try CsIPredictor(release: csi, inputs: inputs, arrivalMean: mean).cevns(SignalModel()))
        let without = total(try CsIPredictor(release: csi, inputs: try inputs.replacing("csi.timeEfficiency.slope", with: 0), arrivalMean: mean).cevns(SignalModel()))
        #expect(without > withEfficiency * 1.05, "time efficiency off: \(without) vs \(withEfficiency)")
        #expect(throws: CoherentDataError.self) { try inputs("ar.nonexistent") }
    }

    /// The `paper` set takes 004's printed 13.7e22 POT, 24 kg and 39.96 g/mol: the argon
    /// prediction scales by (13.7/13.8)(24/24.4)(39.948/39.96) exactly; CsI is the same in both.
    @Test("paper inputs: 004's argon exposure")
    func paperInputs() throws {
        let release = try Data.inputs(.release), paper = try Data.inputs(.paper)
        #expect(try paper("ar.pot") == 13.7e22 && paper("ar.mass") == 24 && paper("ar.molarMass") == 39.96)
        #expect(try paper("csi.pot") == release("csi.pot"))
        let ar = try ArgonRelease(directory: Data.argon)
        let ratio = total(try ArgonPredictor(release: ar, inputs: paper).cevns(SignalModel())) / total(try ArgonPredictor(release: ar, inputs: release).cevns(SignalModel()))
        let expected = (13.7 / 13.8) * (24 / 24.4) * (39.948 / 39.96)
        expectClose(ratio, expected, relative: 1e-12, "paper/release event ratio")
    }

    /// A malformed inputs file is one clear error naming the file and the entry.
    @Test("coherent.json faults name the file and the entry")
    func faults() throws {
        try withTemporaryDirectory("nucheck-inputs") { dir in
            let file = dir.appendingPathComponent("coherent.json")
            for (text, needle) in [("{\"entries\": [{\"id\": \"a\", \"value\": \"x\"}]}", "(a).value"),
                                   ("{\"entries\": [{\"id\": \"a\", \"value\": \"1\"}, {\"id\": \"a\", \"value\": \"2\"}]}", "appears twice"),
                                   ("{\"entries\": [{\"id\": \"a\", \"value\": \"1\", \"paper\": 3}]}", "(a).paper"),
                                   ("[1, 2", "entries")] {
                try text.write(to: file, atomically: true, encoding: .utf8)
                do {
                    _ = try AnalysisInputs(file: file, set: .paper)
                    Issue.record("accepted \(text)")
                } catch let e as CoherentDataError {
                    #expect("\(e)".contains(needle) && "\(e)".contains("coherent.json"), "\(e)")
                }
            }
        }
    }
}
