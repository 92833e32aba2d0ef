import Foundation
import NuData
import NuRegistry
import NuValidation

/// What every machine-readable output carries: the harness version and commit, and (for outputs
/// computed from the public data) the data sets read, with their origin, status and checksums.
public enum OutputMetadata {
    public static var harness: [String: Any] { ["version": HarnessVersion.string, "commit": HarnessVersion.commit] }

    /// The data block (`DataReport.provenanceObject`) of the current data library.
    public static func data() throws -> [[String: Any]] {
        DataReport.provenanceObject(try DataLibrary.shared.provenance())
    }

    /// Pretty, key-sorted JSON of `root` with `harness` (and `data`) added.
    public static func jsonString(_ root: [String: Any], withData: Bool = false) throws -> String {
        var root = root
        root["harness"] = harness
        if withData { root["data"] = try data() }
        return String(
            decoding: try JSONSerialization.data(
                withJSONObject: root,
                options: [
                    .prettyPrinted,
                    .sortedKeys,
                ]),
            as: UTF8.self)
    }

    /// Comment lines for text and CSV outputs: the harness, then one line per data set.
    public static func headerLines(withData: Bool, prefix: String = "# ") throws -> [String] {
        var lines = ["\(prefix)nucheck \(HarnessVersion.string) (commit \(HarnessVersion.commit))"]
        if withData {
            lines += DataReport.provenanceLines(try DataLibrary.shared.provenance()).map { "\(prefix)data: \($0)" }
        }
        return lines
    }

    /// For a HEPData submission built from the data sets `ids`: the harness line, per data set
    /// the header line of the files that read it (status and digest), and per data set a line
    /// for the submission's comment (title, citation, source, digest).
    public static func hepdataProvenance(
        _ ids: [String]
    ) throws
        -> (harness: String, headers: [String: String], comments: [String])
    {
        let used = try DataLibrary.shared.provenance().filter { ids.contains($0.dataSet) }
        let headers = Dictionary(
            uniqueKeysWithValues: zip(
                used.map(\.dataSet),
                DataReport.provenanceLines(used).map { "data: " + $0 }))
        let comments = used.map { p in
            "Data set \(p.dataSet) (\(p.status), \(p.origin)): \(p.title); \(p.citation); \(p.source); "
                + "SHA-256 of its file list \(p.digest)."
        }
        return ("nucheck \(HarnessVersion.string) (commit \(HarnessVersion.commit))", headers, comments)
    }
}
