import Foundation
import NuPhysics

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Output files, written so that nothing is replaced that should not be and no failure is
/// silent: the target is a regular file or a new path (rename(2) would turn `/dev/null`, a FIFO
/// or a symbolic link into a regular file), every write and the close are checked, and the
/// temporary file is unique per process and call, so concurrent writers never meet.
public enum OutputFiles {
    /// Refuses an output path whose directory is missing or that exists and is not a regular
    /// file; a symbolic link is refused rather than followed (give the file's own path).
    public static func check(_ path: String) throws {
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw refusal(path, "directory '\(directory)' does not exist")
        }
        var info = stat()
        guard lstat(path, &info) == 0 else {
            if errno == ENOENT { return }
            throw refusal(path, errnoText())
        }
        let kind: String
        switch info.st_mode & S_IFMT {
        case S_IFREG: return
        case S_IFLNK: kind = "a symbolic link (refused, not followed: give the file's own path)"
        case S_IFCHR, S_IFBLK: kind = "a device, not a regular file"
        case S_IFIFO: kind = "a FIFO, not a regular file"
        case S_IFDIR: kind = "a directory"
        default: kind = "not a regular file"
        }
        throw refusal(path, "it is \(kind)")
    }

    /// Checks every path before any is written; the same file named twice is bad input.
    public static func check(_ paths: [String]) throws {
        try checkDistinct(paths)
        for p in paths { try check(p) }
    }

    static func checkDistinct(_ paths: [String]) throws {
        let resolved = paths.map { URL(fileURLWithPath: $0).standardizedFileURL.path }
        if let twice = resolved.enumerated().first(where: { resolved.prefix($0.offset).contains($0.element) }) {
            throw InputError.conflicting(
                "output '\(paths[twice.offset])' is named twice (give each output its own "
                    + "file)")
        }
    }

    /// Writes all outputs or none: every target checked, every text written to its temporary,
    /// then all renamed. A failure removes the temporaries and leaves the targets as they were.
    public static func write(_ outputs: [(path: String, text: String)]) throws {
        try check(outputs.map(\.path))
        var temporaries: [String] = []
        do {
            for o in outputs { temporaries.append(try writeTemporary(Data(o.text.utf8), for: o.path)) }
            for (o, temporary) in zip(outputs, temporaries) {
                guard rename(temporary, o.path) == 0 else { throw refusal(o.path, "cannot replace it: \(errnoText())") }
            }
        } catch {
            for t in temporaries { unlink(t) }
            throw error
        }
    }

    /// Refuses an output folder unless it is a new path (created at the write) or a directory
    /// holding nothing but `*.yaml` files: empty, or a submission written before (its files are
    /// replaced and the ones the new submission does not name removed). A path ending in `.yaml`
    /// is refused: it names a file, and the option takes a folder.
    public static func checkFolder(_ path: String) throws {
        if path.hasSuffix(".yaml") || path.hasSuffix(".yml") {
            throw refusal(
                path,
                "it names a YAML file; give a folder (the submission: submission.yaml and one "
                    + "data file per table)")
        }
        let parent = URL(fileURLWithPath: path).standardizedFileURL.deletingLastPathComponent().path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: parent, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw refusal(path, "directory '\(parent)' does not exist")
        }
        var info = stat()
        guard lstat(path, &info) == 0 else {
            if errno == ENOENT { return }
            throw refusal(path, errnoText())
        }
        guard info.st_mode & S_IFMT == S_IFDIR else {
            throw refusal(path, "it exists and is not a folder (give a new or empty folder)")
        }
        let foreign = try entries(path).filter { name in
            var entry = stat()
            let full = URL(fileURLWithPath: path).appendingPathComponent(name).path
            return !(name.hasSuffix(".yaml") && lstat(full, &entry) == 0 && entry.st_mode & S_IFMT == S_IFREG)
        }
        if let first = foreign.sorted().first {
            throw refusal(
                path,
                "the folder holds '\(first)', which is not a submission's YAML file (give a new or "
                    + "empty folder)")
        }
    }

    static func entries(_ path: String) throws -> [String] {
        do { return try FileManager.default.contentsOfDirectory(atPath: path) } catch {
            throw refusal(path, "cannot list the folder: \(error.localizedDescription)")
        }
    }

    /// Writes files and folders of files all or none: each folder checked (`checkFolder`) and
    /// created when new, every file written through `write`; on failure the folders created are
    /// removed again. Afterwards a folder holds exactly the files given: the YAML files of an
    /// earlier submission that the new one does not name are removed.
    public static func write(
        _ outputs: [(path: String, text: String)],
        folders: [(path: String, files: [(name: String, text: String)])]
    ) throws {
        for f in folders { try checkFolder(f.path) }
        var created: [String] = []
        let inFolders = folders.flatMap { f in
            f.files.map { (URL(fileURLWithPath: f.path).appendingPathComponent($0.name).path, $0.text) }
        }
        do {
            try checkDistinct(outputs.map(\.path) + folders.map(\.path))
            for f in folders where !FileManager.default.fileExists(atPath: f.path) {
                guard mkdir(f.path, 0o777) == 0 else { throw refusal(f.path, "cannot create it: \(errnoText())") }
                created.append(f.path)
            }
            try write(outputs + inFolders)
        } catch {
            for c in created { rmdir(c) }
            throw error
        }
        for f in folders {
            let kept = Set(f.files.map(\.name))
            for name in try entries(f.path) where name.hasSuffix(".yaml") && !kept.contains(name) {
                unlink(URL(fileURLWithPath: f.path).appendingPathComponent(name).path)
            }
        }
    }

    /// `.NAME.PID.UUID.tmp` beside the target: unique per process and call, and the pid tells a
    /// killed writer's leftover from a live one's.
    static func temporaryPath(for path: String) -> String {
        let url = URL(fileURLWithPath: path)
        return url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(getpid()).\(UUID().uuidString).tmp").path
    }

    /// Writes `data` to a new temporary beside `path` (O_EXCL: never an existing file), checking
    /// every write, the fsync and the close; returns its path.
    static func writeTemporary(_ data: Data, for path: String) throws -> String {
        let temporary = temporaryPath(for: path)
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard fd >= 0 else { throw refusal(path, "cannot create a temporary file beside it: \(errnoText())") }
        var failure: String?
        data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            var offset = 0
            while offset < buffer.count {
                let n = Foundation.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = "write failed: \(errnoText())"
                    return
                }
                offset += n
            }
        }
        if failure == nil, fsync(fd) != 0 { failure = "fsync failed: \(errnoText())" }
        if close(fd) != 0, failure == nil { failure = "close failed: \(errnoText())" }
        if let failure {
            unlink(temporary)
            throw refusal(path, failure)
        }
        return temporary
    }

    /// Removes the temporaries of `path` that a killed writer left behind: those whose process
    /// no longer runs, or older than a day. Never another live writer's.
    public static func removeStaleTemporaries(of path: String) {
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent()
        let prefix = ".\(url.lastPathComponent)."
        let suffix = ".tmp"
        for name in (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        where name.hasPrefix(prefix) && name.hasSuffix(suffix) {
            let full = directory.appendingPathComponent(name).path
            let middle = name.dropFirst(prefix.count).dropLast(suffix.count).split(separator: ".")
            let writerGone = middle.count == 2 && Int32(middle[0]).map { kill($0, 0) != 0 && errno == ESRCH } == true
            var info = stat()
            let old = lstat(full, &info) == 0 && Double(info.st_mtim.tv_sec) < Date().timeIntervalSince1970 - 86_400
            if writerGone || old { unlink(full) }
        }
    }

    static func refusal(_ path: String, _ reason: String) -> HarnessError {
        HarnessError.file(path: path, field: nil, message: "cannot be written: \(reason)")
    }

    static func errnoText() -> String { String(cString: strerror(errno)) }
}
