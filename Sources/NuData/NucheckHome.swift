import Foundation

/// Where the package's own files are (`Fixtures/`, `Reference/`), wherever the tool or the library
/// runs from: `$NUCHECK_HOME`, else the package this code was built from (its sources' location,
/// as SwiftPM checks a dependency out), else the package holding the running executable (walking
/// up from it), else the working directory. Each candidate must hold both `Fixtures/` and
/// `Reference/`.
public struct NucheckHome: Sendable {
    public static let environmentVariable = "NUCHECK_HOME"

    public let root: URL
    public var fixtures: URL { root.appendingPathComponent("Fixtures") }
    public var reference: URL { root.appendingPathComponent("Reference") }

    /// The candidates in order, each with what it is (for the error that lists them).
    static func candidates() -> [(String, URL?)] {
        let environment = ProcessInfo.processInfo.environment[environmentVariable].flatMap {
            $0.isEmpty ? nil : URL(fileURLWithPath: $0)
        }
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        let aboveExecutable = sequence(first: executable.deletingLastPathComponent()) {
            $0.path == "/" ? nil : $0.deletingLastPathComponent()
        }
        .first(where: isHome)
        return [
            ("$\(environmentVariable)", environment), ("the package built from \(sources.path)", sources),
            ("a package above the executable \(executable.path)", aboveExecutable),
            ("the working directory", URL(fileURLWithPath: FileManager.default.currentDirectoryPath)),
        ]
    }

    static func isHome(_ url: URL) -> Bool {
        var isDirectory: ObjCBool = false
        return ["Fixtures", "Reference"].allSatisfy {
            FileManager.default.fileExists(
                atPath: url.appendingPathComponent($0).path,
                isDirectory: &isDirectory) && isDirectory.boolValue
        }
    }

    /// The first candidate holding `Fixtures/` and `Reference/`; an error saying what was looked at.
    public static func locate() throws -> NucheckHome {
        let list = candidates()
        if let environment = list[0].1, !isHome(environment) {
            throw DataFileError.field(
                file: environment.path, field: "$\(environmentVariable)",
                message: "holds no Fixtures/ and Reference/")
        }
        if let found = list.compactMap({ $0.1 })
            .first(where: isHome)
        {
            return NucheckHome(root: found.standardizedFileURL)
        }
        let looked = list.map { "\($0.0)\($0.1.map { " (\($0.path))" } ?? " (unset)")" }.joined(separator: "; ")
        throw DataFileError.field(
            file: "Fixtures/, Reference/", field: "location",
            message: "not found: looked in \(looked); set $\(environmentVariable) to the "
                + "nucheck package, or pass --fixtures and --reference")
    }
}
