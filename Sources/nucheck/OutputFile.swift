import Foundation
import NuHarness

/// The output files a command was asked for, checked before any work (a bad path fails in
/// seconds, not after the computation) and written together at the end: all or none.
struct Outputs {
    private var pending: [(path: String, text: String)] = []

    /// Checks every given path (nil: the option was not given).
    init(_ paths: String?...) throws {
        try OutputFiles.check(paths.compactMap { $0 })
    }

    mutating func add(_ text: @autoclosure () throws -> String, to path: String?) rethrows {
        guard let path else { return }
        pending.append((path, try text()))
    }

    /// Writes them all (temporaries, then renames); `announce` names each written file on stderr.
    func write(announce: Bool = false) throws {
        try OutputFiles.write(pending)
        if announce { for p in pending { FileHandle.standardError.write(Data("wrote \(p.path)\n".utf8)) } }
    }
}

/// Writes one output file (see `OutputFiles`): exit 5 naming the path when it cannot be written.
func writeFile(_ text: String, to path: String) throws {
    try OutputFiles.write([(path, text)])
}
