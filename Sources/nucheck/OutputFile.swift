import Foundation
import NuData
import NuRegistry
import NuValidation

/// The output files a command was asked for, checked before any work (a bad path fails in
/// seconds, not after the computation) and written together at the end: all or none.
struct Outputs {
    private var pending: [(path: String, text: String)] = []
    private var folders: [(path: String, files: [(name: String, text: String)])] = []

    /// Checks every given path and the folder (nil: the option was not given).
    init(_ paths: String?..., folder: String? = nil) throws {
        try OutputFiles.check(paths.compactMap { $0 })
        if let folder { try OutputFiles.checkFolder(folder) }
    }

    mutating func add(_ text: @autoclosure () throws -> String, to path: String?) rethrows {
        guard let path else { return }
        pending.append((path, try text()))
    }

    /// A folder of files (a HEPData submission).
    mutating func add(
        folder files: @autoclosure () throws -> [(name: String, text: String)],
        to path: String?
    ) rethrows {
        guard let path else { return }
        folders.append((path, try files()))
    }

    /// Writes them all (temporaries, then renames); `announce` names each written file and
    /// folder on stderr.
    func write(announce: Bool = false) throws {
        try OutputFiles.write(pending, folders: folders)
        guard announce else { return }
        for p in pending { FileHandle.standardError.write(Data("wrote \(p.path)\n".utf8)) }
        for f in folders {
            FileHandle.standardError.write(Data("wrote \(f.path)/ (\(f.files.count) files)\n".utf8))
        }
    }
}

/// Writes one output file (see `OutputFiles`): exit 5 naming the path when it cannot be written.
func writeFile(_ text: String, to path: String) throws {
    try OutputFiles.write([(path, text)])
}
