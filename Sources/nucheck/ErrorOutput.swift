import ArgumentParser
import Foundation
import NuAnalyses
import NuCoherent
import NuPhysics
import NuRegistry
import NuValidation

/// Prints the error as one line to stderr and returns the exit status of its kind.
func fail(_ error: Error) -> ExitCode {
    printError(ExitStatus.message(for: error))
    return ExitCode(ExitStatus.code(for: error))
}

/// `nucheck: error: MESSAGE` on stderr, on one line: control characters the user typed (a newline
/// in an argument) are escaped, not printed.
func printError(_ message: String) {
    FileHandle.standardError.write(Data("nucheck: error: \(ExitStatus.oneLine(message))\n".utf8))
}
