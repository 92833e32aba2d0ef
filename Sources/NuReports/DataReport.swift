import Foundation
import NuData

/// How the shipped data are shown: `nucheck data list` (text, JSON), `verify`'s lines, and the
/// data-set block every report carries (origin, status, SHA-256 of each file).
public enum DataReport {
    static func state(_ s: DataLibrary.State) -> String {
        switch s {
        case .release: return "release"
        case .absent: return "absent"
        case .differs: return "differs"
        }
    }

    /// One line for a file that is not as released.
    public static func problem(_ status: DataLibrary.FileStatus) -> String {
        switch status.state {
        case .release: return "\(status.url.path): as released"
        case .absent: return "\(status.url.path): absent (data set \(status.dataSet))"
        case .differs(let sha, let bytes):
            return "\(status.url.path): SHA-256 \(sha) (\(bytes) bytes), the release's is \(status.file.sha256) "
                + "(\(status.file.bytes) bytes)"
        }
    }

    public static func text(_ statuses: [DataLibrary.FileStatus], _ manifest: ReleaseManifest) -> String {
        var lines: [String] = []
        for set in manifest.datasets {
            let mine = statuses.filter { $0.dataSet == set.id }
            let folder = mine.first.map { $0.url.deletingLastPathComponent().path } ?? ""
            lines.append("\(set.id): \(set.title)")
            lines.append("  source: \(set.source)")
            lines.append("  citation: \(set.citation)")
            lines.append("  read from: \(folder)")
            for note in set.notCopied { lines.append("  not shipped: \(note)") }
            for s in mine {
                let readers = s.file.readBy.isEmpty ? "not read" : "read by " + s.file.readBy.joined(separator: ", ")
                lines.append(
                    String(
                        format: "  %-8@ %@  %7d B  %@  (%@)", state(s.state), s.file.sha256, s.file.bytes,
                        s.file.path, readers))
            }
        }
        return lines.joined(separator: "\n")
    }

    public static func json(_ statuses: [DataLibrary.FileStatus], _ manifest: ReleaseManifest) throws -> String {
        let sets: [[String: Any]] = manifest.datasets.map { set in
            [
                "id": set.id, "title": set.title, "source": set.source, "citation": set.citation,
                "notShipped": set.notCopied,
                "files": statuses.filter { $0.dataSet == set.id }.map { s -> [String: Any] in
                    [
                        "path": s.file.path, "location": s.url.path, "bytes": s.file.bytes, "sha256": s.file.sha256,
                        "observedSha256": s.observedSHA256 ?? NSNull(), "status": state(s.state),
                        "readBy": s.file.readBy,
                        "content": s.file.content,
                    ]
                },
            ]
        }
        return try OutputMetadata.jsonString(["datasets": sets])
    }

    /// The data block of a report: per data set its origin, folder, status and file checksums.
    public static func provenanceObject(_ provenance: [DataLibrary.Provenance]) -> [[String: Any]] {
        provenance.map { p in
            [
                "dataSet": p.dataSet, "citation": p.citation, "source": p.source, "origin": p.origin,
                "directory": p.directory,
                "status": p.status, "digestSha256": p.digest,
                "files": p.files.map { ["path": $0.path, "sha256": $0.sha256 ?? NSNull()] as [String: Any] },
            ]
        }
    }

    /// One line per data set, for text reports and CSV headers: "id (status, origin): digest".
    public static func provenanceLines(_ provenance: [DataLibrary.Provenance]) -> [String] {
        provenance.map { "\($0.dataSet) (\($0.status), \($0.origin)): SHA-256 of its file list \($0.digest)" }
    }
}
