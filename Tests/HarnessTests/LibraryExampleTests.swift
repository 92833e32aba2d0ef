import Foundation
import Testing
import TestSupport

// The README's library example, compiled and run here; `readmeMatches` checks the README shows
// exactly this code (between the `// example:` markers).

// example: begin
import NuPhysics
import NuClosedForm
import NuNumerical
import NuRegistry

/// dσ/dT of ν_μ e → ν_μ e with a B−L Z' (g = 1e-4, M = 10 MeV) at E = 30 MeV, T = 10 MeV, by the
/// closed form of Dev et al. and by the amplitude-level numerical path, in cm²/MeV.
func libraryExample() throws -> (closed: Double, numerical: Double, total: Evaluation) {
    let zPrime = try ZPrime(model: ModelRegistry.bMinusL, g: 1e-4, mass: 10)         // mass in MeV
    let point = try NuElectronPoint(flavor: .numu, energy: 30, recoil: 10, mediator: zPrime)
    let closed = try NuElectronDev.differentialCrossSection(point)                     // MeV⁻³
    let numerical = try NuElectronAmplitude.differentialCrossSection(point)
    // Any registered quantity by name, with the tool's inputs (units in the text), both paths:
    let total = try QuantityRegistry.named("nue.sigma").evaluate(["flavor": "numu", "energy": "30MeV"])
    return (closed * Constants.squaredHbarCInMeV2Cm2, numerical * Constants.squaredHbarCInMeV2Cm2, total)
}
// example: end

struct LibraryExampleTests {
    @Test("the README's library example runs: both paths agree, the evaluation carries its units")
    func example() throws {
        let (closed, numerical, total) = try libraryExample()
        expectClose(numerical, closed, relative: 1e-12, "dσ/dT (cm²/MeV): numerical vs closed form")
        #expect(closed > 1e-46 && closed < 1e-42, "dσ/dT = \(closed) cm²/MeV is not the size of ν-e scattering at 30 MeV")
        #expect(total.units == "cm^2" && total.disagreement == nil, "\(total.units), \(String(describing: total.disagreement))")
    }

    @Test("the README shows exactly the example that is compiled here")
    func readmeMatches() throws {
        func between(_ text: String, _ begin: String, _ end: String) -> String? {
            guard let a = text.range(of: begin), let b = text.range(of: end, range: a.upperBound..<text.endIndex) else { return nil }
            return String(text[a.upperBound..<b.lowerBound]).trimmingCharacters(in: .whitespacesAndNewlines)
        }
        let source = try String(contentsOf: URL(fileURLWithPath: #filePath), encoding: .utf8)
        let readme = try String(contentsOf: Repository.root.appendingPathComponent("README.md"), encoding: .utf8)
        let code = try #require(between(source, "// example: begin", "// example: end"))
        let shown = try #require(between(readme, "```swift\n// library example\n", "```"), "README has no block starting with '// library example'")
        #expect(shown == code, "README's library example differs from Tests/HarnessTests/LibraryExampleTests.swift")
    }
}
