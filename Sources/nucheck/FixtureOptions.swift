import ArgumentParser
import Foundation
import NuAnalyses
import NuCoherent
import NuData
import NuPhysics
import NuRegistry
import NuReports
import NuValidation

struct DataOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "A user copy of the COHERENT releases: a folder holding ar2020/ and csi2021/ as "
                + "released.",
            discussion: "Default: $NUCHECK_COHERENT_DATA, else the package's copy "
                + "(Reference/releases/). "
                + "Checked against Reference/releases/manifest.json; files that differ are named "
                + "in every report."))
    var data: String?

    @Option(
        name: .customLong("dune-data"),
        help: ArgumentHelp(
            "A user copy of the DUNE near-detector flux tables (a folder holding the two GLoBES "
                + "files).",
            discussion: "Default: $NUCHECK_DUNE_DATA, else the package's copy "
                + "(Reference/releases/)."))
    var duneData: String?

    /// Points the data library at the user's copies and the COHERENT quantities at the analysis
    /// inputs (`coherent.json` in the reference directory); unset, the package's copies are read.
    func configure(reference: URL? = nil) {
        if let data { CoherentContext.shared.configure(data: URL(fileURLWithPath: data)) }
        if let duneData { DataLibrary.shared.configure(dune: URL(fileURLWithPath: duneData)) }
        if let reference { CoherentContext.shared.configure(reference: reference) }
    }
}

struct FixtureOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Directory of the golden and grid fixtures.",
            discussion: "Default: Fixtures/ of the nucheck package ($NUCHECK_HOME, else the "
                + "package the tool was built from, else the working directory)."))
    var fixtures: String?

    @Option(
        help: ArgumentHelp(
            "Directory of the transcribed references.",
            discussion: "Default: Reference/ beside the fixtures directory."))
    var reference: String?

    @OptionGroup var data: DataOptions

    var fixturesURL: URL {
        get throws {
            try fixtures.map { URL(fileURLWithPath: $0).standardizedFileURL }
                ?? NucheckHome.locate()
                .fixtures
        }
    }

    var referenceURL: URL {
        get throws {
            try reference.map { URL(fileURLWithPath: $0) }
                ?? fixturesURL.deletingLastPathComponent()
                .appendingPathComponent("Reference")
        }
    }

    func load() throws -> FixtureSet {
        data.configure(reference: try referenceURL)
        return try FixtureSet(fixtures: try fixturesURL, reference: try ReferenceLibrary(directory: try referenceURL))
    }
}
