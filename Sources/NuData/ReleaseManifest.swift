import Foundation

/// `Reference/releases/manifest.json`: every public data file the package ships, byte for byte as
/// released, with its size, SHA-256, the release it belongs to (source and citation) and the
/// quantities and commands that read it.
public struct ReleaseManifest: Sendable {
    public struct File: Sendable, Equatable {
        /// Path inside the data set's folder.
        public let path: String
        public let bytes: Int
        public let sha256: String
        /// Quantities and commands that read the file (empty: shipped as released, not read).
        public let readBy: [String]
        public let content: String
    }

    public struct DataSet: Sendable {
        public let id: String
        /// The folder under `Reference/releases/` holding the package's copy.
        public let directory: String
        /// The folder a user's copy has under `--data` / `$NUCHECK_COHERENT_DATA` (the release's
        /// own name, `ar2020`, `csi2021`); empty where the variable names the folder itself.
        public let userDirectory: String
        /// The environment variable that points at a user's copy.
        public let variable: String
        public let title: String
        public let citation: String
        public let source: String
        public let notCopied: [String]
        public let files: [File]
    }

    public static let fileName = "manifest.json"
    public let datasets: [DataSet]
    public let url: URL

    public func dataSet(_ id: String) throws -> DataSet {
        guard let set = datasets.first(where: { $0.id == id }) else {
            throw DataFileError.field(file: url.path, field: "datasets", message: "no data set '\(id)'")
        }
        return set
    }

    /// Reads and checks the manifest: every field present and typed, ids and paths unique, sizes
    /// positive, checksums 64 hex digits.
    public init(url: URL) throws {
        self.url = url
        guard let data = FileManager.default.contents(atPath: url.path), !data.isEmpty else {
            throw DataFileError.damaged(file: url.path, message: "missing or empty (the manifest of the shipped data)")
        }
        guard let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let sets = root["datasets"] as? [[String: Any]], !sets.isEmpty
        else {
            throw DataFileError.field(file: url.path, field: "datasets", message: "expected a non-empty list")
        }
        func string(_ o: [String: Any], _ key: String, _ context: String) throws -> String {
            guard let s = o[key] as? String else {
                throw DataFileError.field(file: url.path, field: "\(context).\(key)", message: "expected a string")
            }
            return s
        }
        func strings(_ o: [String: Any], _ key: String, _ context: String) throws -> [String] {
            guard let s = o[key] as? [String] else {
                throw DataFileError.field(
                    file: url.path, field: "\(context).\(key)",
                    message: "expected a list of strings")
            }
            return s
        }
        var parsed: [DataSet] = []
        for set in sets {
            let id = try string(set, "id", "datasets")
            guard let fileList = set["files"] as? [[String: Any]], !fileList.isEmpty else {
                throw DataFileError.field(file: url.path, field: "\(id).files", message: "expected a non-empty list")
            }
            var files: [File] = []
            for f in fileList {
                let path = try string(f, "path", id)
                let context = "\(id).\(path)"
                let sha = try string(f, "sha256", context)
                guard sha.count == 64, sha.allSatisfy({ $0.isHexDigit && !$0.isUppercase }) else {
                    throw DataFileError.field(
                        file: url.path, field: "\(context).sha256",
                        message: "expected 64 lowercase hex digits")
                }
                guard let bytes = f["bytes"] as? Int, bytes > 0 else {
                    throw DataFileError.field(
                        file: url.path, field: "\(context).bytes",
                        message: "expected a positive integer")
                }
                guard !path.isEmpty, !path.hasPrefix("/"), !path.split(separator: "/").contains("..") else {
                    throw DataFileError.field(
                        file: url.path, field: "\(context)",
                        message: "a path inside the data set's folder")
                }
                guard !files.contains(where: { $0.path == path }) else {
                    throw DataFileError.field(file: url.path, field: context, message: "listed twice")
                }
                files.append(
                    File(
                        path: path, bytes: bytes, sha256: sha, readBy: try strings(f, "readBy", context),
                        content: try string(f, "content", context)))
            }
            guard !parsed.contains(where: { $0.id == id }) else {
                throw DataFileError.field(file: url.path, field: id, message: "data set listed twice")
            }
            parsed.append(
                DataSet(
                    id: id, directory: try string(set, "directory", id),
                    userDirectory: try string(set, "userDirectory", id),
                    variable: try string(
                        set,
                        "variable", id),
                    title: try string(set, "title", id), citation: try string(set, "citation", id),
                    source: try string(set, "source", id), notCopied: try strings(set, "notCopied", id),
                    files: files))
        }
        datasets = parsed
    }
}
