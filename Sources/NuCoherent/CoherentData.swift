import Foundation
import NuPhysics

/// Where the COHERENT data releases are: `--data DIR`, else `$NUCHECK_COHERENT_DATA`, else
/// `../shared/data/coherent` relative to the project root. The files are read in place, never copied.
public enum CoherentData {
    public static let environmentVariable = "NUCHECK_COHERENT_DATA"

    public static func directory(explicit: String?, projectRoot: URL) -> URL {
        if let explicit { return URL(fileURLWithPath: explicit) }
        if let env = ProcessInfo.processInfo.environment[environmentVariable], !env.isEmpty { return URL(fileURLWithPath: env) }
        return projectRoot.appendingPathComponent("../shared/data/coherent").standardizedFileURL
    }

    /// True when the directory holds both releases.
    public static func isPresent(_ directory: URL) -> Bool {
        FileManager.default.fileExists(atPath: directory.appendingPathComponent("ar2020/cevnspdf.txt").path)
            && FileManager.default.fileExists(atPath: directory.appendingPathComponent("csi2021/dataBeamOnC.txt").path)
    }

    /// True when absent data must fail rather than be skipped (CI sets `CI`).
    public static var absenceIsFailure: Bool { ProcessInfo.processInfo.environment["CI"].map { !$0.isEmpty } ?? false }
}

public enum CoherentDataError: Error, CustomStringConvertible, Equatable {
    case missing(path: String)
    case malformed(file: String, line: Int, message: String)
    case field(file: String, field: String, message: String)

    public var description: String {
        switch self {
        case .missing(let path):
            return "COHERENT data not found at \(path): get the official releases (CENNS-10 argon 2020, Zenodo record 3903810; CsI[Na] 2021, arXiv:2110.07730 and its release) and point --data or $\(CoherentData.environmentVariable) at the directory holding ar2020/ and csi2021/"
        case .malformed(let file, let line, let message): return "\(file): line \(line): \(message)"
        case .field(let file, let field, let message): return "\(file): \(field): \(message)"
        }
    }
}

/// Reads whitespace-separated numeric columns, skipping blank and '#' lines; every row must have
/// `columns` finite numbers.
func readTable(_ url: URL, columns: Int) throws -> [[Double]] {
    guard let data = FileManager.default.contents(atPath: url.path) else { throw CoherentDataError.missing(path: url.path) }
    var rows: [[Double]] = []
    for (i, line) in String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
        let fields = trimmed.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        let numbers = fields.compactMap(Double.init)
        guard numbers.count == columns, fields.count == columns, numbers.allSatisfy(\.isFinite) else {
            throw CoherentDataError.malformed(file: url.path, line: i + 1, message: "expected \(columns) numbers, got '\(trimmed.prefix(80))'")
        }
        rows.append(numbers)
    }
    guard !rows.isEmpty else { throw CoherentDataError.malformed(file: url.path, line: 0, message: "no data rows") }
    return rows
}
