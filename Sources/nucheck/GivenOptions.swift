import Foundation
import NuPhysics

/// What the user typed, as options: the parser fills defaults, so whether an option was given,
/// and how often, is read from the arguments themselves.
enum GivenOptions {
    /// Options that take several values (given once per value).
    static let repeatable: Set<String> = ["--compare", "--overlay"]

    /// `--name` of each option argument, up to a `--` terminator.
    static func names(_ arguments: [String] = Array(CommandLine.arguments.dropFirst())) -> [String] {
        let options = arguments.prefix { $0 != "--" }.filter { $0.hasPrefix("--") && $0.count > 2 }
        return options.map { String($0.split(separator: "=", maxSplits: 1)[0]) }
    }

    /// A single-valued option given twice would be silently last-wins: bad input instead.
    static func refuseRepeats(_ arguments: [String] = Array(CommandLine.arguments.dropFirst())) throws {
        var seen: Set<String> = []
        for name in names(arguments) where !repeatable.contains(name) {
            guard
                seen.insert(name)
                    .inserted
            else { throw InputError.conflicting("option '\(name)' is given twice (give it once)") }
        }
    }

    /// Refuses the first of `options` that was given, saying why it does nothing.
    static func refuse(_ options: [String], because reason: String) throws {
        if let o = names()
            .first(where: options.contains)
        {
            throw InputError.conflicting("\(o) does nothing here: \(reason)")
        }
    }
}
