import Foundation
import NuData

/// An external limit drawn over a figure (`--overlay FILE.csv`), read from a small CSV file:
///
///     # label: NA64 (2020)
///     mass_MeV,g
///     1,2.1e-5
///     10,3.0e-5
///
/// The first line names the curve (`# label: ` and up to 60 characters); then lines starting
/// with `#` are comments and blank lines are skipped; the first other line is the column header
/// `mass_MeV,g`; every line after it is a mass in MeV and a coupling, both finite and positive
/// (the figures' axes are logarithmic), drawn in the file's order (a closed contour repeats its
/// first point). At least 2 and at most 100000 points; a regular file of at most 10 MB, UTF-8.
/// Anything else is an error naming the file and the line (exit status 5).
public struct OverlayLimit: Sendable {
    public let label: String
    public let points: [(Double, Double)]
    public let path: String

    static let maxBytes = 10_000_000
    static let maxPoints = 100_000
    static let maxLabel = 60

    /// Reads and checks the file at `path`.
    public static func read(_ path: String) throws -> OverlayLimit {
        func refuse(_ message: String) -> HarnessError { .file(path: path, field: nil, message: message) }
        let attributes: [FileAttributeKey: Any]
        do { attributes = try FileManager.default.attributesOfItem(atPath: path) } catch {
            throw refuse("overlay file cannot be read (missing or not accessible)")
        }
        guard attributes[.type] as? FileAttributeType == .typeRegular else {
            throw refuse("overlay file is not a regular file")
        }
        let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
        guard size <= maxBytes else { throw refuse("overlay file is \(size) bytes, over the \(maxBytes) allowed") }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw refuse("overlay file cannot be read")
        }
        guard let text = String(data: data, encoding: .utf8) else { throw refuse("overlay file is not UTF-8 text") }
        return try parse(text, path: path)
    }

    /// Parses the text of an overlay file; `path` names it in the errors.
    public static func parse(_ text: String, path: String) throws -> OverlayLimit {
        func refuse(_ line: Int?, _ message: String) -> HarnessError {
            .file(path: path, field: nil, message: (line.map { "line \($0): " } ?? "") + message)
        }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
            $0.hasSuffix("\r") ? String($0.dropLast()) : String($0)
        }
        guard text.contains(where: { !$0.isWhitespace }) else { throw refuse(nil, "overlay file is empty") }
        let prefix = "# label:"
        guard let first = lines.first, first.hasPrefix(prefix) else {
            throw refuse(1, "expected '# label: NAME' naming the curve")
        }
        let label = first.dropFirst(prefix.count).trimmingCharacters(in: .whitespaces)
        guard !label.isEmpty, label.count <= maxLabel,
            !label.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
        else { throw refuse(1, "the label must be 1 to \(maxLabel) printable characters, got '\(label)'") }
        var header = false
        var points: [(Double, Double)] = []
        for (i, raw) in lines.enumerated().dropFirst() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            guard header else {
                guard line.replacingOccurrences(of: " ", with: "") == "mass_MeV,g" else {
                    throw refuse(i + 1, "expected the column header 'mass_MeV,g', got '\(line)'")
                }
                header = true
                continue
            }
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            guard fields.count == 2 else {
                throw refuse(i + 1, "expected 'mass_MeV,g' (two numbers), got \(fields.count) fields: '\(line)'")
            }
            let values = try zip(["mass_MeV", "g"], fields).map { name, field -> Double in
                let t = field.trimmingCharacters(in: .whitespaces)
                guard let v = Double(t), !t.isEmpty else { throw refuse(i + 1, "\(name) '\(t)' is not a number") }
                guard v.isFinite else { throw refuse(i + 1, "\(name) '\(t)' is not finite") }
                guard v > 0 else { throw refuse(i + 1, "\(name) \(t) must be positive (the axes are logarithmic)") }
                return v
            }
            points.append((values[0], values[1]))
            guard points.count <= maxPoints else { throw refuse(i + 1, "more than \(maxPoints) points") }
        }
        guard header else { throw refuse(nil, "no column header 'mass_MeV,g' and no points") }
        guard points.count >= 2 else { throw refuse(nil, "\(points.count) point(s): a curve needs at least 2") }
        return OverlayLimit(label: label, points: points, path: path)
    }
}
