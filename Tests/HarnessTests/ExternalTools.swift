import Foundation
import Testing

/// The ecosystem's own validators, run on what the tool writes: `hepdata-validator` (Python,
/// `pip install hepdata-validator`) and `xmllint` (libxml2-utils). `.ci/run` installs both; on a
/// machine without them the tests that need them are skipped and say why, except under CI
/// (`$CI` set), where a missing validator is a failure.
enum ExternalTools {
    struct Result { let status: Int32; let output: String }

    static var underCI: Bool { ProcessInfo.processInfo.environment["CI"].map { !$0.isEmpty } ?? false }

    static func executable(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(name)" }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Runs `executable arguments`, stdout and stderr together.
    static func run(_ executable: String, _ arguments: [String]) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, output: String(decoding: data, as: UTF8.self))
    }

    static let python = executable("python3")

    /// True when `python3 -c "import hepdata_validator"` succeeds.
    static let hepdataValidator: Bool = {
        guard let python else { return false }
        return (try? run(python, ["-c", "import hepdata_validator"]))?.status == 0
    }()

    static let xmllint = executable("xmllint")

    /// Validates a submission folder with hepdata-validator's FullSubmissionValidator, and checks
    /// what the schema allows but a reader would take wrongly: every value a number (YAML 1.1
    /// reads 1e-05 as a string) or '-'. Prints the validator's messages; exit 0 when valid.
    static let hepdataScript = """
        import sys, yaml
        from hepdata_validator.full_submission_validator import FullSubmissionValidator
        folder = sys.argv[1]
        validator = FullSubmissionValidator()
        valid = validator.validate(directory=folder)
        for name in validator.messages:
            validator.print_errors(name)
        tables = list(yaml.safe_load_all(open(folder + '/submission.yaml')))[1:]
        for table in tables:
            data = yaml.safe_load(open(folder + '/' + table['data_file']))
            for variable in data['independent_variables'] + data['dependent_variables']:
                for v in variable['values']:
                    if not (isinstance(v['value'], (int, float)) or v['value'] == '-'):
                        print('not a number:', table['data_file'], variable['header']['name'], repr(v['value']))
                        valid = False
        print('tables:', len(tables))
        print('VALID' if valid else 'INVALID')
        sys.exit(0 if valid else 1)
        """

    static func validateHEPData(_ folder: URL) throws -> Result {
        let python = try #require(python, "python3 not found")
        return try run(python, ["-c", hepdataScript, folder.path])
    }
}
