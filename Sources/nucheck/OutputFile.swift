import Foundation
import NuHarness
import NuReports

/// Writes text to a file (atomically), as one clear error (exit 5) when the directory is missing
/// or the file cannot be written.
func writeFile(_ text: String, to path: String) throws {
    let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
        throw HarnessError.file(path: path, field: nil, message: "cannot be written: directory '\(directory)' does not exist")
    }
    do { try text.write(toFile: path, atomically: true, encoding: .utf8) } catch {
        throw HarnessError.file(path: path, field: nil, message: "cannot be written (\((error as NSError).localizedDescription))")
    }
}
