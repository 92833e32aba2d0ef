import Foundation

/// The harness version written into baselines and reports, and the git commit of the package
/// the code runs from ("unknown" outside a git checkout).
public enum HarnessVersion {
    public static let string = "0.3.0"

    /// Read from the checkout's `.git` files (HEAD, then the branch's ref or `packed-refs`), no
    /// process spawned: the tool prints it with `--version` on every start.
    public static let commit: String = {
        guard let root = try? NucheckHome.locate().root else { return "unknown" }
        let git = root.appendingPathComponent(".git")
        func read(_ path: String) -> String? {
            (try? String(
                contentsOf: git.appendingPathComponent(path),
                encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        guard let head = read("HEAD") else { return "unknown" }
        guard head.hasPrefix("ref: ") else { return String(head.prefix(12)) }
        let ref = String(head.dropFirst(5))
        if let sha = read(ref) { return String(sha.prefix(12)) }
        let packed = read("packed-refs")?.split(separator: "\n").first { $0.hasSuffix(" " + ref) }
        return packed.map { String($0.prefix(12)) } ?? "unknown"
    }()

    /// "0.3.0 (commit 1a2b3c4d5e6f)".
    public static var full: String { "\(string) (commit \(commit))" }
}
