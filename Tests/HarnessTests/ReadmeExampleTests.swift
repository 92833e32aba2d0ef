import Foundation
import Testing
import TestSupport

/// Every `nucheck` example of the README runs as written (the README's install step puts the
/// built tool on the PATH), from a directory outside the repository, and exits 0 without an error.
/// `NUCHECK_HOME` points at a scratch copy of the package so that `baseline record` and the
/// figures cannot touch the repository.
struct ReadmeExampleTests {
    static let readme = Repository.root.appendingPathComponent("README.md")

    /// The command lines of the README's `sh` blocks that call `nucheck` (continuations joined,
    /// trailing comments dropped).
    static func examples() throws -> [String] {
        let text = try String(contentsOf: readme, encoding: .utf8)
        var examples: [String] = [], inShell = false, pending = ""
        for line in text.components(separatedBy: "\n") {
            if line.hasPrefix("```") { inShell = line == "```sh"; continue }
            guard inShell else { continue }
            let joined = pending + line
            if joined.hasSuffix("\\") { pending = String(joined.dropLast()) + " "; continue }
            pending = ""
            guard joined.hasPrefix("nucheck ") else { continue }
            examples.append(joined.components(separatedBy: "  #")[0].trimmingCharacters(in: .whitespaces))
        }
        return examples
    }

    @Test("the README's examples are nucheck commands and name no folder outside the repository")
    func shape() throws {
        let text = try String(contentsOf: Self.readme, encoding: .utf8)
        #expect(!text.contains("../shared"), "the README points at ../shared, which a clone does not have")
        let count = try Self.examples().count
        #expect(count >= 30, "\(count) examples found")
        #expect(text.contains("swift build -c release && export PATH=\"$PWD/.build/release:$PATH\""),
                "the README's install step is missing")
    }

    @Test("every README example runs as written and exits 0")
    func run() throws {
        let binary = try #require(CommandLineRunner.binary)
        let fm = FileManager.default
        try withTemporaryDirectory("nucheck-readme") { scratch in
            let home = scratch.appendingPathComponent("home"), work = scratch.appendingPathComponent("work")
            try fm.createDirectory(at: work, withIntermediateDirectories: true)
            try fm.createDirectory(at: home, withIntermediateDirectories: true)
            for folder in ["Fixtures", "Reference"] {
                try fm.copyItem(at: Repository.root.appendingPathComponent(folder), to: home.appendingPathComponent(folder))
            }
            let path = binary.deletingLastPathComponent().path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
            for example in try Self.examples() {
                let process = Process()
                process.executableURL = URL(fileURLWithPath: "/bin/bash")
                process.arguments = ["-c", example]
                process.currentDirectoryURL = work
                process.environment = ProcessInfo.processInfo.environment.merging(["PATH": path, "NUCHECK_HOME": home.path]) { $1 }
                let err = Pipe()
                process.standardOutput = FileHandle.nullDevice
                process.standardError = err
                process.standardInput = FileHandle.nullDevice
                try process.run()
                let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                process.waitUntilExit()
                #expect(process.terminationStatus == 0 && !stderr.contains("error"),
                        "README example `\(example)` exited \(process.terminationStatus): \(stderr.prefix(300))")
            }
        }
    }
}
