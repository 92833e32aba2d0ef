import Foundation
import Testing
import NuData
import TestSupport

/// The shipped data: the SHA-256 against FIPS 180-2's examples, the manifest against the files
/// (its checksums were computed with Python's hashlib, independently of `SHA256`), and the tool
/// on a damaged package copy and on incomplete or modified user copies.
struct DataSetTests {
    static let releases = Repository.reference.appendingPathComponent("releases")

    @Test("SHA-256 of the FIPS 180-2 examples (one block, two blocks, a block boundary)", arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
         "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
        ("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
         "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"),
    ])
    func fips(_ message: String, _ expected: String) {
        let observed = SHA256.hex(Array(message.utf8))
        #expect(observed == expected, "SHA-256('\(message.prefix(12))…'): \(observed) vs expected \(expected)")
    }

    /// Every shipped file is listed with its size and checksum, and nothing is shipped unlisted.
    @Test("every file under Reference/releases is in the manifest and matches it")
    func manifest() throws {
        let library = DataLibrary(releases: Self.releases)
        let statuses = try library.status()
        #expect(statuses.count == 30, "\(statuses.count) files listed, expected 20 argon, 8 CsI and 2 DUNE files")
        for s in statuses { #expect(s.state == .release, "\(s.url.path): \(s.state)") }
        let listed = Set(statuses.map { $0.url.standardizedFileURL.path })
        let enumerator = FileManager.default.enumerator(at: Self.releases, includingPropertiesForKeys: [.isRegularFileKey])
        var shipped: [String] = []
        while let url = enumerator?.nextObject() as? URL {
            if (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true,
               url.lastPathComponent != ReleaseManifest.fileName {
                shipped.append(url.standardizedFileURL.path)
            }
        }
        #expect(Set(shipped) == listed, "unlisted: \(Set(shipped).subtracting(listed)); listed, absent: \(listed.subtracting(shipped))")
        let manifest = try library.manifest()
        for set in manifest.datasets {
            #expect(!set.citation.isEmpty && !set.source.isEmpty, "\(set.id) lacks its citation or source")
        }
    }

    /// A copy of the package (Fixtures/, Reference/) in `scratch`, for damaging.
    static func packageCopy(in scratch: URL) throws -> URL {
        for folder in ["Fixtures", "Reference"] {
            try FileManager.default.copyItem(at: Repository.root.appendingPathComponent(folder),
                                             to: scratch.appendingPathComponent(folder))
        }
        return scratch
    }

    /// Changes one digit of a file (the first '1' becomes '2').
    static func alter(_ url: URL) throws {
        var bytes = Array(try Data(contentsOf: url))
        let index = try #require(bytes.firstIndex(of: UInt8(ascii: "1")))
        bytes[index] = UInt8(ascii: "2")
        try Data(bytes).write(to: url)
    }

    @Test("a damaged shipped file: data verify and the commands that read it fail naming it (exit 5); others run")
    func damagedPackageCopy() throws {
        try withTemporaryDirectory("nucheck-package") { scratch in
            let home = try Self.packageCopy(in: scratch)
            let argon = "coherent-ar2020/cevnspdf.txt", dune = "dune-nd-tdr2021/flux_dune_neutrino_ND_globes.txt"
            try Self.alter(home.appendingPathComponent("Reference/releases/\(argon)"))
            try Self.alter(home.appendingPathComponent("Reference/releases/\(dune)"))
            let environment = ["NUCHECK_HOME": home.path]
            let runs: [([String], Int32, String?)] = [
                (["data", "verify"], 5, argon),
                (["eval", "coherent.events", "detector=ar"], 5, argon),
                (["eval", "nue.events", "flux=dune-nd-nu", "pot=1e20", "targetTon=1"], 5, dune),
                (["eval", "coherent.events", "detector=csi"], 0, nil),
            ]
            for (arguments, status, file) in runs {
                let o = try CommandLineRunner.run(arguments, environment: environment)
                #expect(CommandLineRunner.violations(o).isEmpty, "\(o.invocation): \(CommandLineRunner.violations(o))")
                #expect(o.status == status, "\(o.invocation): exit \(o.status), expected \(status); '\(o.stderr)'")
                if let file { #expect(o.stderr.contains(file), "\(o.invocation): the error does not name \(file): '\(o.stderr)'") }
            }
            let verify = try CommandLineRunner.run(["data", "verify"], environment: environment)
            #expect(verify.stderr.contains(dune), "data verify names every damaged file: '\(verify.stderr)'")
        }
    }

    /// A user folder in the releases' layout made from the shipped files, in `scratch`.
    static func userCopy(argon: Bool, csi: Bool, in scratch: URL) throws -> URL {
        for (shipped, released, wanted) in [("coherent-ar2020", "ar2020", argon), ("coherent-csi2021", "csi2021", csi)] where wanted {
            try FileManager.default.copyItem(at: Self.releases.appendingPathComponent(shipped),
                                             to: scratch.appendingPathComponent(released))
        }
        return scratch
    }

    @Test("an argon-only user folder serves argon; CsI says which file is absent (exit 6)")
    func argonOnly() throws {
        try withTemporaryDirectory("nucheck-user") { scratch in
            let data = try Self.userCopy(argon: true, csi: false, in: scratch)
            let ar = try CommandLineRunner.run(["rates", "--detector", "ar", "--data", data.path])
            #expect(ar.status == 0, "\(ar.invocation): exit \(ar.status), '\(ar.stderr)'")
            let csi = try CommandLineRunner.run(["rates", "--detector", "csi", "--data", data.path])
            #expect(csi.status == 6 && csi.stderr.contains("csi2021/"), "\(csi.invocation): exit \(csi.status), '\(csi.stderr)'")
            #expect(CommandLineRunner.violations(csi).isEmpty, "\(CommandLineRunner.violations(csi))")
            let env = try CommandLineRunner.run(["eval", "coherent.events", "detector=ar"],
                                                environment: ["NUCHECK_COHERENT_DATA": data.path])
            #expect(env.status == 0, "$NUCHECK_COHERENT_DATA with argon only: exit \(env.status), '\(env.stderr)'")
        }
    }

    @Test("a user copy that differs from the release is used, warned about and named in the report")
    func modifiedUserCopy() throws {
        try withTemporaryDirectory("nucheck-user") { scratch in
            let data = try Self.userCopy(argon: true, csi: true, in: scratch)
            // A shape systematic: the file is checked only for its total (half to twice the PDF's).
            try Self.alter(data.appendingPathComponent("ar2020/SystErrors/brnpdf+1sigEnergy.txt"))
            let o = try CommandLineRunner.run(["limits", "B-L", "--detector", "ar", "--points", "2", "--json", "--data", data.path])
            #expect(o.status == 0, "\(o.invocation): exit \(o.status), '\(o.stderr)'")
            #expect(o.stderr.contains("warning") && o.stderr.contains("brnpdf+1sigEnergy.txt"), "no warning: '\(o.stderr)'")
            let root = try JSONSerialization.jsonObject(with: Data(o.stdout.utf8)) as? [String: Any]
            let argon = (root?["data"] as? [[String: Any]])?.first { $0["dataSet"] as? String == "coherent-ar2020" }
            let status = argon?["status"] as? String ?? ""
            #expect(status.hasPrefix("modified") && status.contains("brnpdf+1sigEnergy.txt"), "status '\(status)'")
        }
    }
}

/// A user copy whose CsI coefficients are no longer an efficiency or a quenched response is
/// refused naming the file (exit 5), not used: −1e300 gave 0 events, a flipped sign 1239.6
/// instead of 315.9, with only the "modified" warning.
struct CsICoefficientTests {
    static let cases: [(file: String, from: String, to: String)] = [
        ("effCoefficients.txt", "1.32045  0.285979", "-1e300  0.285979"),
        ("effCoefficients.txt", "1.32045  0.285979", "1.32045  -0.285979"),
        ("scintRespCoefficients.txt", "0.0554628 4.30681", "0.0554628 -4.30681"),
    ]

    @Test("damaged CsI coefficients in a user copy: exit 5 naming the file", arguments: 0..<cases.count)
    func damaged(_ index: Int) throws {
        let c = Self.cases[index]
        try withTemporaryDirectory { dir in
            let csi = dir.appendingPathComponent("csi2021")
            try FileManager.default.copyItem(
                at: DataSetTests.releases.appendingPathComponent("coherent-csi2021"), to: csi)
            let url = csi.appendingPathComponent(c.file)
            let text = try String(contentsOf: url, encoding: .utf8)
            #expect(text.contains(c.from), "\(c.file) no longer holds '\(c.from)'")
            try text.replacingOccurrences(of: c.from, with: c.to).write(to: url, atomically: true, encoding: .utf8)
            let o = try CommandLineRunner.run(["eval", "coherent.events", "detector=csi", "--data", dir.path])
            #expect(o.status == 5, "\(c.file) with '\(c.to)': exit \(o.status), expected 5")
            #expect(o.stderr.contains("\(c.file): nominal coefficients"), "\(o.stderr)")
        }
    }
}
