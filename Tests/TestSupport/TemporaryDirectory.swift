import Foundation

/// Runs `body` with a new, empty directory under the system's temporary directory (named
/// `prefix-UUID`), and removes the directory and everything in it when `body` returns or throws.
public func withTemporaryDirectory<T>(_ prefix: String = "nucheck", _ body: (URL) throws -> T) throws -> T {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: url) }
    return try body(url)
}

/// Runs `body` with a file holding `text` (UTF-8) in a new temporary directory, removed afterwards.
public func withTemporaryFile<T>(_ text: String, named name: String = "file.txt",
                                 _ body: (URL) throws -> T) throws -> T {
    try withTemporaryDirectory("nucheck-file") { directory in
        let url = directory.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return try body(url)
    }
}
