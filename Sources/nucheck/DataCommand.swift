import ArgumentParser
import Foundation
import NuData
import NuPhysics
import NuRegistry
import NuReports
import NuValidation

/// `nucheck data list|verify|path`: the public data the package ships (and a user's copies),
/// compared file by file with `Reference/releases/manifest.json`.
struct DataCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "data",
        abstract: "The shipped public data: list the files with sources and checksums, verify them, print their "
            + "folders.",
        subcommands: [ListFiles.self, Verify.self, PathOf.self])

    struct ListFiles: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "list", abstract: "Every data file: data set, path, bytes, SHA-256, status, source, citation.")
        @OptionGroup var data: DataOptions
        @Flag(help: "JSON instead of text.") var json = false

        func run() throws {
            do {
                data.configure()
                let statuses = try DataLibrary.shared.status()
                let manifest = try DataLibrary.shared.manifest()
                if json {
                    print(try DataReport.json(statuses, manifest))
                } else {
                    print(DataReport.text(statuses, manifest))
                }
            } catch { throw fail(error) }
        }
    }

    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check every data file against the manifest (size and SHA-256); exit 5 naming each damaged or "
                + "missing file.")
        @OptionGroup var data: DataOptions

        func run() throws {
            let bad: [DataLibrary.FileStatus]
            do {
                data.configure()
                let statuses = try DataLibrary.shared.status()
                bad = statuses.filter { $0.state != .release }
                let sets = Set(statuses.map(\.dataSet)).count
                if bad.isEmpty { print("\(statuses.count) files in \(sets) data sets: all as released") }
            } catch { throw fail(error) }
            guard !bad.isEmpty else { return }
            for status in bad { print(DataReport.problem(status)) }
            let files = bad.map(\.url.path).joined(separator: "; ")
            throw fail(
                DataFileError.damaged(
                    file: files,
                    message: "\(bad.count) data file(s) not as released "
                        + "(details on stdout; restore the package's copy with git checkout)"))
        }
    }

    struct PathOf: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "path",
            abstract: "The folder each data set is read from, and why (the package's copy or a "
                + "user's).")
        @OptionGroup var data: DataOptions
        @Argument(help: "A data set (coherent-ar2020, coherent-csi2021, dune-nd-tdr2021); all when omitted.")
        var dataSet: String?

        func run() throws {
            do {
                data.configure()
                let manifest = try DataLibrary.shared.manifest()
                let ids = manifest.datasets.map(\.id)
                if let dataSet, !ids.contains(dataSet) {
                    throw PhysicsError.unknown("data set '\(dataSet)' (expected one of \(ids.joined(separator: ", ")))")
                }
                for id in dataSet.map({ [$0] }) ?? ids {
                    let (directory, origin) = try DataLibrary.shared.location(id)
                    print(dataSet == nil ? "\(id)\t\(directory.path)\t\(origin)" : directory.path)
                }
            } catch { throw fail(error) }
        }
    }
}
