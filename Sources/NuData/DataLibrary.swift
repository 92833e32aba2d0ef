import Foundation

/// The public data the harness reads, and where it reads them from: by default the package's own
/// copy (`Reference/releases/`, byte for byte as released, listed with checksums in the manifest);
/// a user's copy of the COHERENT releases through `--data` or `$NUCHECK_COHERENT_DATA` (a folder
/// holding `ar2020/` and `csi2021/`, the releases' own layout), of the DUNE fluxes through
/// `--dune-data` or `$NUCHECK_DUNE_DATA` (a folder holding the two GLoBES tables).
///
/// Opening a data set checks the files it reads against the manifest. In the package's copy a
/// file whose bytes differ is an error naming it (exit 5). In a user's copy a missing file is an
/// error naming it and what can still run (exit 6); a file that differs from the release is used,
/// recorded, and named in every report (`provenance()`), never passed off as the release.
public final class DataLibrary: @unchecked Sendable {
    public enum Origin: Sendable, Equatable, CustomStringConvertible {
        case package
        case option(String)
        case environment(String)

        public var description: String {
            switch self {
            case .package: return "the package's copy"
            case .option(let flag): return "a user copy (\(flag))"
            case .environment(let variable): return "a user copy ($\(variable))"
            }
        }
    }

    public static let coherentVariable = "NUCHECK_COHERENT_DATA"
    public static let duneVariable = "NUCHECK_DUNE_DATA"
    public static let argon = "coherent-ar2020", csi = "coherent-csi2021", dune = "dune-nd-tdr2021"

    /// The library the tool and the quantities use; `configure` points it at a user's copies.
    public static let shared = DataLibrary()

    private let lock = NSLock()
    private var releasesURL: URL?
    private var coherentOverride: (URL, Origin)?
    private var duneOverride: (URL, Origin)?
    private var manifestCache: ReleaseManifest?
    private var opened: [String: URL] = [:]
    private var modified: [String: [String]] = [:]

    public init(releases: URL? = nil) { releasesURL = releases }

    /// Points the COHERENT and/or DUNE data sets at a user's folder (`nil` keeps the current one);
    /// `flag` names the option for messages. Forgets what was opened.
    public func configure(coherent: URL? = nil, dune: URL? = nil, releases: URL? = nil, flag: String = "--data") {
        lock.lock()
        defer { lock.unlock() }
        if let coherent { coherentOverride = (coherent.standardizedFileURL, .option(flag)) }
        if let dune { duneOverride = (dune.standardizedFileURL, .option("--dune-data")) }
        if let releases {
            releasesURL = releases
            manifestCache = nil
        }
        opened = [:]
        modified = [:]
    }

    /// The package's `Reference/releases/`.
    public func releasesDirectory() throws -> URL {
        try releasesURL ?? NucheckHome.locate().reference.appendingPathComponent("releases")
    }

    public func manifest() throws -> ReleaseManifest {
        lock.lock()
        defer { lock.unlock() }
        return try manifestUnlocked()
    }

    private func manifestUnlocked() throws -> ReleaseManifest {
        if let manifestCache { return manifestCache }
        let releases = try releasesURL ?? NucheckHome.locate().reference.appendingPathComponent("releases")
        let manifest = try ReleaseManifest(url: releases.appendingPathComponent(ReleaseManifest.fileName))
        manifestCache = manifest
        return manifest
    }

    /// Where a data set is read from, and why there.
    public func location(_ id: String) throws -> (directory: URL, origin: Origin) {
        lock.lock()
        defer { lock.unlock() }
        return try locationUnlocked(try manifestUnlocked().dataSet(id))
    }

    private func locationUnlocked(_ set: ReleaseManifest.DataSet) throws -> (directory: URL, origin: Origin) {
        let environment = ProcessInfo.processInfo.environment
        let isDune = set.variable == Self.duneVariable
        let user: (URL, Origin)? =
            (isDune ? duneOverride : coherentOverride)
            ?? environment[set.variable].flatMap {
                $0.isEmpty ? nil : (URL(fileURLWithPath: $0).standardizedFileURL, .environment(set.variable))
            }
        if let (root, origin) = user {
            let directory = set.userDirectory.isEmpty ? root : root.appendingPathComponent(set.userDirectory)
            return (directory, origin)
        }
        let releases = try releasesURL ?? NucheckHome.locate().reference.appendingPathComponent("releases")
        return (releases.appendingPathComponent(set.directory), .package)
    }

    /// The folder of a data set, after checking the files it reads (`readBy` not empty) against
    /// the manifest; checked once per configuration.
    public func open(_ id: String) throws -> URL {
        lock.lock()
        defer { lock.unlock() }
        if let url = opened[id] { return url }
        let set = try manifestUnlocked().dataSet(id)
        let (directory, origin) = try locationUnlocked(set)
        var differing: [String] = []
        for file in set.files where !file.readBy.isEmpty {
            let url = directory.appendingPathComponent(file.path)
            switch Self.state(of: file, at: url) {
            case .release: continue
            case .absent:
                if origin == .package {
                    throw DataFileError.damaged(
                        file: url.path,
                        message: "missing from the package's copy of \(id) "
                            + "(listed in Reference/releases/\(ReleaseManifest.fileName)); restore it with git checkout"
                    )
                }
                throw DataFileError.absent(file: url.path, dataSet: id, hint: Self.absenceHint(set, origin))
            case .differs(let observed, let bytes):
                if origin == .package {
                    throw DataFileError.damaged(
                        file: url.path,
                        message: "SHA-256 \(observed.prefix(16))… (\(bytes) bytes) "
                            + "is not the release's \(file.sha256.prefix(16))… (\(file.bytes) bytes) recorded in "
                            + "Reference/releases/\(ReleaseManifest.fileName): damaged; restore it with git checkout "
                            + "(nucheck data verify lists every file)")
                }
                differing.append(file.path)
            }
        }
        opened[id] = directory
        if !differing.isEmpty { modified[id] = differing }
        return directory
    }

    static func absenceHint(_ set: ReleaseManifest.DataSet, _ origin: Origin) -> String {
        let layout = set.userDirectory.isEmpty ? "the files themselves" : "\(set.userDirectory)/"
        return "\(origin) must hold \(layout) as released (\(set.title)); the commands that read \(set.id) "
            + "cannot run from it (the others can), and without \(origin == .package ? "it" : "that setting") "
            + "the package's own copy is used"
    }

    /// How a file compares with the manifest.
    public enum State: Sendable, Equatable {
        case release
        case absent
        case differs(sha256: String, bytes: Int)
    }

    static func state(of file: ReleaseManifest.File, at url: URL) -> State {
        guard let data = FileManager.default.contents(atPath: url.path) else { return .absent }
        if data.count == file.bytes, SHA256.hex(data) == file.sha256 { return .release }
        return .differs(sha256: SHA256.hex(data), bytes: data.count)
    }

    /// One file's status, for `nucheck data list|verify` and the reports.
    public struct FileStatus: Sendable {
        public let dataSet: String
        public let file: ReleaseManifest.File
        public let url: URL
        public let state: State
        public var observedSHA256: String? {
            switch state {
            case .release: return file.sha256
            case .absent: return nil
            case .differs(let sha, _): return sha
            }
        }
    }

    /// Every file of every data set where it would be read from, compared with the manifest.
    public func status() throws -> [FileStatus] {
        lock.lock()
        defer { lock.unlock() }
        let manifest = try manifestUnlocked()
        return try manifest.datasets.flatMap { set in
            let directory = try locationUnlocked(set).directory
            return set.files.map { file in
                let url = directory.appendingPathComponent(file.path)
                return FileStatus(dataSet: set.id, file: file, url: url, state: Self.state(of: file, at: url))
            }
        }
    }

    /// What a report says of the data: per data set its origin, folder, citation, whether it is the
    /// release, and each file's SHA-256 as read (the release's where the file is the release's).
    public struct Provenance: Sendable {
        public let dataSet: String
        public let title: String
        public let citation: String
        public let source: String
        public let origin: String
        public let directory: String
        /// "release" (every file as released), "modified: a, b" or "incomplete: a, b".
        public let status: String
        public let files: [(path: String, sha256: String?)]
        /// SHA-256 of the `sha256sum`-style listing of the files ("<sha256>  <path>" lines, sorted;
        /// "absent" for a missing file): one number naming the data as read.
        public var digest: String {
            SHA256.hex(Array(files.map { "\($0.sha256 ?? "absent")  \($0.path)\n" }.joined().utf8))
        }
    }

    public func provenance() throws -> [Provenance] {
        let statuses = try status()
        let manifest = try self.manifest()
        return try manifest.datasets.map { set in
            let mine = statuses.filter { $0.dataSet == set.id }
            let (directory, origin) = try location(set.id)
            let absent = mine.filter { $0.state == .absent }.map(\.file.path)
            let differing = mine.filter { if case .differs = $0.state { return true } else { return false } }
                .map(\.file.path)
            let status =
                !differing.isEmpty
                ? "modified: " + differing.joined(separator: ", ")
                : !absent.isEmpty ? "incomplete: " + absent.joined(separator: ", ") : "release"
            return Provenance(
                dataSet: set.id, title: set.title, citation: set.citation, source: set.source,
                origin: origin.description, directory: directory.path, status: status,
                files: mine.map { ($0.file.path, $0.observedSHA256) })
        }
    }

    /// The data sets opened from a user copy whose files differ from the release (for warnings).
    public func modifiedDataSets() -> [String: [String]] {
        lock.lock()
        defer { lock.unlock() }
        return modified
    }
}
