import Foundation
import NuPhysics

/// The predicted beam-related-neutron (BRN) and neutrino-induced-neutron (NIN) counts of the CsI
/// analysis region (0-60 PE, 0-6 µs), derived from the release files' own sums:
///
///  - `brnPE.txt`, `ninPE.txt` are normalised to unit area in 0-60 PE (their sums there are 1 to
///    1e-5; over all 250 PE 1.49778 and 1.33396);
///  - `brnTrec.txt`, `ninTrec.txt` carry events over the whole PE range (sums 27.632 and 7.5648;
///    27.632 and 7.4927 in 0-6 µs);
///
/// so the counts in the region are Σ_{0-6 µs} w(t) / Σ_{all PE} w(PE): 18.45 BRN and 5.617 NIN,
/// the 18.4 and 5.6 public analyses of this release use. These are counts *before* the CsI time
/// efficiency: the released NIN time spectrum falls as exp(−t/2.197 µs) between 1.5 and 6 µs
/// (fitted slope 0.4552 /µs against 1/τ_μ = 0.4552 /µs; with the efficiency it would be
/// 0.5046), so the efficiency is not in it and the fit applies it (`CsIChi2`), giving 18.3 and
/// 5.2 events in the fit.
public struct CsINeutronCounts: Sendable, Equatable {
    public let brn: Double, nin: Double

    public init(brn: Double, nin: Double) throws {
        guard brn.isFinite, nin.isFinite, brn >= 0, nin >= 0 else {
            throw PhysicsError.unphysical("BRN and NIN counts must be finite and ≥ 0 (got \(brn), \(nin))")
        }
        self.brn = brn
        self.nin = nin
    }

    /// The derivation above, checked on the way: a PE spectrum must have unit area in 0-60 PE to
    /// 1e-3 (else the files are not the release's and the counts would be wrong).
    public static func derived(from release: CsIRelease) throws -> CsINeutronCounts {
        func count(
            _ energy: [(pe: Double, weight: Double)], _ time: [(time: Double, weight: Double)],
            _ files: (String, String)
        ) throws -> Double {
            let region = energy.filter { $0.pe < 60 }.reduce(0) { $0 + $1.weight }
            let all = energy.reduce(0) { $0 + $1.weight }
            guard abs(region - 1) < 1e-3, all > 0 else {
                throw CoherentDataError.malformed(
                    file: "csi2021/\(files.0)", line: 0,
                    message: "expected a spectrum of unit area in 0-60 PE (the "
                        + "release's normalisation), found \(region)")
            }
            let events = time.filter { $0.time >= 0 && $0.time < 6 }.reduce(0) { $0 + $1.weight }
            guard events > 0 else {
                throw CoherentDataError.malformed(
                    file: "csi2021/\(files.1)", line: 0,
                    message: "no weight in 0-6 µs")
            }
            return events / all
        }
        return try CsINeutronCounts(
            brn: try count(release.brnEnergy, release.brnTime, ("brnPE.txt", "brnTrec.txt")),
            nin: try count(release.ninEnergy, release.ninTime, ("ninPE.txt", "ninTrec.txt")))
    }
}
