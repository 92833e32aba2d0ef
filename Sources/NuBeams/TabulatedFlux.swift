import Foundation
import NuData
import NuPhysics

/// A neutrino flux table in GLoBES format: each line `E[GeV] ν_e ν_μ ν_τ ν̄_e ν̄_μ ν̄_τ`, the
/// energies the centres of equal bins, the fluxes per m² per POT per GeV (the DUNE release's
/// units; see `Reference/releases/manifest.json`).
///
/// Integration rule (stated, tested): the histogram of bin centres, ∫ φ f dE = Σ_i φ(E_i) f(E_i) ΔE,
/// ΔE the bin width. The table is the flux averaged over each bin, so this is the rule the
/// numbers are meant for; a smooth f varying across a 0.25 GeV bin is sampled at the centre.
public struct TabulatedFlux: Sendable {
    public static let flavorColumns: [Flavor] = [.nue, .numu, .nutau, .nuebar, .numubar, .nutaubar]
    public let file: String
    /// Bin centres (MeV) and width (MeV).
    public let energies: [Double]
    public let binWidth: Double
    /// Per flavour: flux per cm² per POT per MeV at each centre.
    public let flux: [Flavor: [Double]]

    /// Reads and checks a table: 7 finite numbers a line, centres on an equal grid (the bin width is
    /// the step; the first bin may not reach below 0), fluxes ≥ 0; a violation names the file and the line.
    public init(url: URL) throws {
        file = url.path
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw BeamDataError.missing(path: url.path)
        }
        var rows: [(Int, [Double])] = []
        for (i, line) in String(decoding: data, as: UTF8.self).split(
            separator: "\n",
            omittingEmptySubsequences: false
        ).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let fields = trimmed.split(whereSeparator: { $0 == " " || $0 == "\t" })
            let numbers = fields.compactMap { Double(String($0)) }
            guard fields.count == 7, numbers.count == 7, numbers.allSatisfy(\.isFinite) else {
                throw BeamDataError.malformed(
                    file: url.path, line: i + 1,
                    message: "expected 7 numbers (E nu_e nu_mu nu_tau nubar_e nubar_mu nubar_tau), got "
                        + "'\(trimmed.prefix(80))'")
            }
            guard numbers.dropFirst().allSatisfy({ $0 >= 0 }) else {
                throw BeamDataError.malformed(file: url.path, line: i + 1, message: "a negative flux")
            }
            rows.append((i + 1, numbers))
        }
        guard rows.count >= 2 else {
            throw BeamDataError.malformed(
                file: url.path, line: rows.first?.0 ?? 0,
                message: "needs at least two energy bins")
        }
        let step = rows[1].1[0] - rows[0].1[0]
        guard step > 0, rows[0].1[0] >= step / 2 * (1 - 1e-6) else {
            throw BeamDataError.malformed(
                file: url.path, line: rows[1].0,
                message: "energies must rise in equal steps from at least half a step above 0 (got \(rows[0].1[0]), "
                    + "then \(rows[1].1[0]) GeV)")
        }
        for (k, (line, r)) in rows.enumerated() where abs(r[0] - (rows[0].1[0] + Double(k) * step)) > 1e-6 * step {
            throw BeamDataError.malformed(
                file: url.path, line: line,
                message: "energy \(r[0]) GeV is off the grid of \(step) GeV bins")
        }
        energies = rows.map { $0.1[0] * 1000 }
        binWidth = step * 1000
        // per m² per POT per GeV → per cm² per POT per MeV: 1e-4 × 1e-3.
        flux = Dictionary(
            uniqueKeysWithValues: Self.flavorColumns.enumerated().map { c, flavor in
                (
                    flavor,
                    rows.map { $0.1[c + 1] * 1e-7 }
                )
            })
    }

    /// ∫ φ_flavour(E) f(E) dE per cm² per POT, by the histogram of bin centres.
    public func integrate(_ flavor: Flavor, _ f: (Double) throws -> Double) rethrows -> Double {
        var sum = 0.0
        for (e, phi) in zip(energies, flux[flavor] ?? []) where phi > 0 { sum += phi * (try f(e)) }
        return sum * binWidth
    }
}

/// A missing or malformed beam-flux file (exit 5, like the COHERENT data).
public enum BeamDataError: Error, CustomStringConvertible, Equatable {
    case missing(path: String)
    case malformed(file: String, line: Int, message: String)

    public var description: String {
        switch self {
        case .missing(let path):
            return "flux table not found at \(path)"
        case .malformed(
            let file, let line,
            let message):
            return line > 0 ? "\(file): line \(line): \(message)" : "\(file): \(message)"
        }
    }
}

/// The named fluxes: the DUNE near-detector tables of the data set `dune-nd-tdr2021`, read from the
/// package's copy (or a user's, `--dune-data` / `$NUCHECK_DUNE_DATA`, checked against the manifest);
/// any other name is a path to a GLoBES table.
public enum BeamData {
    public static let named = [
        "dune-nd-nu": "flux_dune_neutrino_ND_globes.txt",
        "dune-nd-nubar": "flux_dune_antineutrino_ND_globes.txt",
    ]

    public static func url(_ name: String, library: DataLibrary = .shared) throws -> URL {
        guard let file = named[name] else { return URL(fileURLWithPath: name) }
        return try library.open(DataLibrary.dune).appendingPathComponent(file)
    }
}
