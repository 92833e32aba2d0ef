import Foundation
import NuPhysics

public enum CoherentDataError: Error, CustomStringConvertible, Equatable {
    case missing(path: String)
    case malformed(file: String, line: Int, message: String)
    case field(file: String, field: String, message: String)

    public var description: String {
        switch self {
        case .missing(let path):
            return "\(path): not found"
        case .malformed(let file, let line, let message):
            // line 0: a property of the whole file (its length, its sum).
            return line > 0 ? "\(file): line \(line): \(message)" : "\(file): \(message)"
        case .field(let file, let field, let message): return "\(file): \(field): \(message)"
        }
    }
}

/// Reads whitespace-separated numeric columns, skipping blank and '#' lines; every row must have
/// `columns` finite numbers, and the file must end with a line break.
func readTable(_ url: URL, columns: Int) throws -> [[Double]] { try readRows(url, columns: columns).map(\.values) }

/// A release file's sum over its bins must equal the value recorded for it in `coherent.json`
/// (to 1e-5: the files round their entries): an altered entry, a truncated file or an absurd
/// magnitude is caught where the file is read.
func checkSum(_ sum: Double, _ id: String, file: URL, _ inputs: AnalysisInputs) throws {
    let expected = try inputs(id)
    guard sum.isFinite, abs(sum - expected) <= 1e-5 * abs(expected) else {
        throw CoherentDataError.malformed(
            file: file.path, line: 0,
            message: "sums to \(sum), the release's \(expected) (\(id) in \(AnalysisInputs.fileName)): altered or "
                + "truncated")
    }
}

/// One data row of a release file and its line number (1-based), for errors.
struct TableRow {
    let line: Int
    let values: [Double]
}

/// The shape checks of a release file: row count, a regular grid in one column, non-negative
/// weights. A violation names the file and the line.
struct TableShape {
    let file: String
    let rows: [TableRow]

    init(_ url: URL, columns: Int) throws {
        file = url.path
        rows = try readRows(url, columns: columns)
    }

    func fail(_ line: Int, _ message: String) -> CoherentDataError {
        .malformed(
            file: file, line: line,
            message: message)
    }

    func count(_ expected: Int, _ what: String) throws {
        guard rows.count == expected else {
            throw fail(rows.last?.line ?? 0, "expected \(expected) \(what), got \(rows.count) (truncated or extended?)")
        }
    }

    /// Column `column` of row i must be start + i·step (to 1e-6 of the step).
    func grid(column: Int, start: Double, step: Double) throws {
        for (i, r) in rows.enumerated() where abs(r.values[column] - (start + Double(i) * step)) > 1e-6 * step {
            throw fail(
                r.line,
                "expected \(start + Double(i) * step) in column \(column + 1) (a grid from \(start) by \(step)), got "
                    + "\(r.values[column])")
        }
    }

    func nonNegative(column: Int, _ what: String) throws {
        if let r = rows.first(where: { !($0.values[column] >= 0) }) {
            throw fail(
                r.line,
                "\(what) \(r.values[column]) is negative")
        }
    }

    func within(column: Int, _ range: ClosedRange<Double>, _ what: String) throws {
        if let r = rows.first(where: { !range.contains($0.values[column]) }) {
            throw fail(r.line, "\(what) \(r.values[column]) is outside \(range.lowerBound)-\(range.upperBound)")
        }
    }
}

func readRows(_ url: URL, columns: Int) throws -> [TableRow] {
    guard let data = FileManager.default.contents(atPath: url.path) else {
        throw CoherentDataError.missing(path: url.path)
    }
    // Every released file ends each line with a line break: one that ends mid-line was cut at a
    // byte, and its last number may be a shorter, valid, wrong one.
    if let last = data.last, last != UInt8(ascii: "\n") {
        throw CoherentDataError.malformed(
            file: url.path, line: 0,
            message: "ends in the middle of a line (the release ends each line with a line break): cut?")
    }
    var rows: [TableRow] = []
    for (i, line) in String(decoding: data, as: UTF8.self).split(
        separator: "\n",
        omittingEmptySubsequences: false
    ).enumerated() {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
        let fields = trimmed.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        let numbers = fields.compactMap(Double.init)
        guard numbers.count == columns, fields.count == columns, numbers.allSatisfy(\.isFinite) else {
            throw CoherentDataError.malformed(
                file: url.path, line: i + 1,
                message: "expected \(columns) numbers, got '\(trimmed.prefix(80))'")
        }
        rows.append(TableRow(line: i + 1, values: numbers))
    }
    guard !rows.isEmpty else { throw CoherentDataError.malformed(file: url.path, line: 0, message: "no data rows") }
    return rows
}
