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

    /// The grid a released table must have: `rows` centres from `first` GeV in steps of `step` GeV.
    public struct ReleasedGrid: Sendable, Equatable {
        public let first: Double, step: Double, rows: Int
        public init(first: Double, step: Double, rows: Int) {
            self.first = first
            self.step = step
            self.rows = rows
        }
        /// The last centre (GeV): first + (rows − 1)·step.
        public var last: Double { first + Double(rows - 1) * step }
    }

    /// Reads and checks a table: 7 finite numbers a line, centres on an equal grid (the bin width is
    /// the step; the first bin may not reach below 0), fluxes ≥ 0; a violation names the file and the line.
    /// With `released`, the table must also be that release's grid (first centre, step, row count, so
    /// a table cut at a line is an error) and end with a line break (a table cut at a byte ends mid-line).
    public init(url: URL, released: ReleasedGrid? = nil) throws {
        file = url.path
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw BeamDataError.missing(path: url.path)
        }
        if released != nil, let last = data.last, last != UInt8(ascii: "\n") {
            throw BeamDataError.malformed(
                file: url.path, line: 0,
                message: "ends in the middle of a line (the release ends each line with a line break): cut?")
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
        if let released {
            guard rows.count == released.rows, abs(step - released.step) <= 1e-9 * released.step,
                abs(rows[0].1[0] - released.first) <= 1e-6 * released.step
            else {
                throw BeamDataError.malformed(
                    file: url.path, line: rows[rows.count - 1].0,
                    message: "\(rows.count) bins from \(rows[0].1[0]) GeV by \(step) GeV, ending at "
                        + "\(rows[rows.count - 1].1[0]) GeV; the release has \(released.rows) bins from "
                        + "\(released.first) by \(released.step) to \(released.last) GeV: cut or altered")
            }
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

    /// The grid of both DUNE near-detector tables as released (dune-nd-tdr2021): 501 bin centres
    /// from 0.125 GeV in steps of 0.25 GeV, the last at 125.125 GeV (read from the shipped files,
    /// whose SHA-256 the manifest records). A user copy must have it too.
    public static let duneGrid = TabulatedFlux.ReleasedGrid(first: 0.125, step: 0.25, rows: 501)

    public static func url(_ name: String, library: DataLibrary = .shared) throws -> URL {
        guard let file = named[name] else { return URL(fileURLWithPath: name) }
        return try library.open(DataLibrary.dune).appendingPathComponent(file)
    }

    /// The table of a name: a named DUNE table checked against the released grid (`duneGrid`), any
    /// other name read as a GLoBES table at that path (checked for regularity only).
    public static func table(_ name: String, library: DataLibrary = .shared) throws -> TabulatedFlux {
        try TabulatedFlux(url: url(name, library: library), released: named[name] != nil ? duneGrid : nil)
    }
}
