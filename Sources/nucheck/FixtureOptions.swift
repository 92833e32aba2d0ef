import ArgumentParser
import Foundation
import NuHarness
import NuReports
import NuCoherent
import NuPhysics

struct DataOptions: ParsableArguments {
    @Option(help: ArgumentHelp("COHERENT data directory.",
                               discussion: "Default: $NUCHECK_COHERENT_DATA, else ../shared/data/coherent beside the nucheck package."))
    var data: String?

    /// Points the COHERENT quantities at the data and at the analysis inputs (`coherent.json` in
    /// the reference directory); unset, the library's defaults apply.
    func configure(reference: URL? = nil) {
        CoherentContext.shared.configure(data: data.map { URL(fileURLWithPath: $0) }, reference: reference)
    }
}

struct FixtureOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Directory of the golden and grid fixtures.",
                               discussion: "Default: Fixtures/ of the nucheck package ($NUCHECK_HOME, else the package the tool was built from, else the working directory)."))
    var fixtures: String?

    @Option(help: ArgumentHelp("Directory of the transcribed references.", discussion: "Default: Reference/ beside the fixtures directory."))
    var reference: String?

    @OptionGroup var data: DataOptions

    var fixturesURL: URL {
        get throws { try fixtures.map { URL(fileURLWithPath: $0).standardizedFileURL } ?? NucheckHome.locate().fixtures }
    }

    var referenceURL: URL {
        get throws {
            try reference.map { URL(fileURLWithPath: $0) } ?? fixturesURL.deletingLastPathComponent().appendingPathComponent("Reference")
        }
    }

    func load() throws -> FixtureSet {
        data.configure(reference: try referenceURL)
        return try FixtureSet(fixtures: try fixturesURL, reference: try ReferenceLibrary(directory: try referenceURL))
    }
}
