import Foundation
import Testing

/// The layout is the architecture: each target imports only the targets below it, and the two
/// paths never import each other. This is the same table as the README's and each folder's
/// README; Package.swift enforces the dependencies at build time, this test the `import` lines.
struct ArchitectureTests {
    static let system: Set = ["Foundation", "Glibc", "Darwin", "Dispatch"]
    static let allowed: [String: Set<String>] = [
        "GSLKit": ["CGSL"],
        "NuPhysics": [],
        "NuClosedForm": ["NuPhysics"],
        "NuNumerical": ["NuPhysics", "GSLKit"],
        "NuData": ["NuPhysics"],
        "NuCoherent": ["NuPhysics", "NuClosedForm", "NuNumerical", "GSLKit", "NuData"],
        "NuBeams": ["NuPhysics", "NuData"],
        "NuAnalyses": ["NuPhysics", "NuClosedForm", "NuNumerical", "GSLKit", "NuData", "NuCoherent", "NuBeams"],
        "NuRegistry": ["NuPhysics", "NuClosedForm", "NuNumerical", "GSLKit", "NuData", "NuCoherent", "NuBeams",
                       "NuAnalyses"],
        "NuValidation": ["NuPhysics", "NuClosedForm", "NuNumerical", "GSLKit", "NuData", "NuCoherent", "NuBeams",
                         "NuAnalyses", "NuRegistry"],
        "NuReports": ["NuPhysics", "NuClosedForm", "NuNumerical", "GSLKit", "NuData", "NuCoherent", "NuBeams",
                      "NuAnalyses", "NuRegistry", "NuValidation"],
    ]

    @Test("every import is of a target below", arguments: allowed.keys.sorted())
    func imports(_ target: String) throws {
        let folder = Repository.root.appendingPathComponent("Sources/\(target)")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".swift") }
        #expect(!files.isEmpty, "Sources/\(target) holds no Swift file")
        for file in files {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            for line in text.split(separator: "\n") where line.hasPrefix("import ") {
                let module = String(line.dropFirst("import ".count))
                #expect(Self.system.contains(module) || Self.allowed[target]!.contains(module),
                        "Sources/\(target)/\(file) imports \(module), which \(target) may not")
            }
        }
    }

    /// No target holds more than about a fifth of the source (the issue's measure of a grab-bag).
    @Test("no target holds more than a fifth of the source lines")
    func sizes() throws {
        let sources = Repository.root.appendingPathComponent("Sources")
        var lines: [String: Int] = [:]
        for target in try FileManager.default.contentsOfDirectory(atPath: sources.path) {
            let folder = sources.appendingPathComponent(target)
            let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            for file in files where file.hasSuffix(".swift") {
                let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
                lines[target, default: 0] += text.split(separator: "\n", omittingEmptySubsequences: false).count
            }
        }
        let total = lines.values.reduce(0, +)
        for (target, n) in lines {
            #expect(Double(n) <= 0.2 * Double(total) + 1,
                    "\(target) holds \(n) of \(total) source lines (\(100 * n / total)%), over a fifth")
        }
    }

    @Test("each target's folder says what it holds and what it may import", arguments: allowed.keys.sorted())
    func readme(_ target: String) throws {
        let url = Repository.root.appendingPathComponent("Sources/\(target)/README.md")
        let text = try String(contentsOf: url, encoding: .utf8)
        #expect(text.contains("May import:"), "Sources/\(target)/README.md does not say what it may import")
    }

    /// swift-numerics keeps 0.1% of its lines over 120 characters; the package keeps none
    /// (`.swift-format` holds the layout, long messages are split at word boundaries).
    @Test("no source line is longer than 120 characters")
    func lineLength() throws {
        let sources = Repository.root.appendingPathComponent("Sources")
        for target in try FileManager.default.contentsOfDirectory(atPath: sources.path) {
            let folder = sources.appendingPathComponent(target)
            for file in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
            where file.hasSuffix(".swift") {
                let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
                for (i, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
                where line.count > 120 {
                    Issue.record("Sources/\(target)/\(file):\(i + 1) has \(line.count) characters")
                }
            }
        }
    }
}
