import Foundation
import Testing

/// Runs the built `nucheck` tool (SwiftPM builds it beside the test bundle) and captures what a
/// user would see.
enum CommandLineRunner {
    struct Outcome: Sendable {
        let arguments: [String]
        let status: Int32
        /// False when the process died of a signal (a crash or a trap).
        let exitedNormally: Bool
        let stdout: String
        let stderr: String
        let timedOut: Bool

        var stderrLines: [Substring] { stderr.split(separator: "\n", omittingEmptySubsequences: false).dropLast(stderr.hasSuffix("\n") ? 1 : 0).map { $0 } }
        var invocation: String { "nucheck " + arguments.map { $0.debugDescription }.joined(separator: " ") }
    }

    /// The tool: `$NUCHECK_BINARY`, else `nucheck` beside this test executable.
    static let binary: URL? = {
        if let path = ProcessInfo.processInfo.environment["NUCHECK_BINARY"] { return URL(fileURLWithPath: path) }
        let here = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        for directory in [here.deletingLastPathComponent(), Bundle.main.bundleURL.deletingLastPathComponent(), Bundle.main.bundleURL] {
            let candidate = directory.appendingPathComponent("nucheck")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }()

    /// Runs `nucheck arguments` in `directory` (default: the repository), killed after `timeout` s.
    static func run(_ arguments: [String], in directory: URL = Repository.root, environment: [String: String] = [:],
                    timeout: TimeInterval = 120) throws -> Outcome {
        let binary = try #require(binary, "the nucheck tool was not found beside the test bundle (set NUCHECK_BINARY)")
        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        if !environment.isEmpty { process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new } }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Read both pipes while the process runs (a full pipe would block it).
        let group = DispatchGroup()
        nonisolated(unsafe) var outData = Data(), errData = Data()
        DispatchQueue.global().async(group: group) { outData = out.fileHandleForReading.readDataToEndOfFile() }
        DispatchQueue.global().async(group: group) { errData = err.fileHandleForReading.readDataToEndOfFile() }
        let deadline = Date().addingTimeInterval(timeout)
        var timedOut = false
        while process.isRunning {
            if Date() > deadline { process.terminate(); timedOut = true; break }
            usleep(2000)
        }
        process.waitUntilExit()
        group.wait()
        return Outcome(arguments: arguments, status: process.terminationStatus, exitedNormally: process.terminationReason == .exit,
                       stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self), timedOut: timedOut)
    }

    /// The documented exit statuses (README, `nucheck --help`).
    static let documentedStatuses: Set<Int32> = [0, 1, 2, 3, 4, 5, 6]

    /// The invariants every invocation must keep, as failure messages (empty when all hold):
    /// no signal or timeout, a documented status, exactly one `nucheck: error:` line on stderr when
    /// it fails (and nothing on stderr when it succeeds), no NaN or infinity printed as a result.
    static func violations(_ o: Outcome) -> [String] {
        var found: [String] = []
        if o.timedOut { found.append("timed out") }
        if !o.exitedNormally { found.append("died of signal \(o.status)") }
        if o.exitedNormally && !documentedStatuses.contains(o.status) { found.append("undocumented exit status \(o.status)") }
        if o.status == 0 {
            if !o.stderr.isEmpty { found.append("exit 0 with stderr '\(o.stderr.prefix(200))'") }
        } else {
            let lines = o.stderrLines
            if lines.count != 1 || !lines[0].hasPrefix("nucheck: error: ") {
                found.append("exit \(o.status) with \(lines.count) stderr lines: '\(o.stderr.prefix(300))'")
            }
        }
        for line in o.stdout.split(separator: "\n") where line.hasPrefix("closed form:") || line.hasPrefix("numerical:") || line.hasPrefix("form ") {
            let words = line.lowercased().split(separator: " ")
            if words.contains(where: { $0 == "nan" || $0 == "inf" || $0 == "-inf" || $0 == "+inf" }) { found.append("non-finite result printed: '\(line)'") }
        }
        return found
    }
}
