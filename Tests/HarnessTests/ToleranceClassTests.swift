import Foundation
import Testing
import NuPhysics
import NuRegistry
import TestSupport

/// The tolerance classes' derived numbers, read from printed text as the fixtures' references
/// print it (`Reference/*.json`), against the half-units and uncertainties worked out by hand.
struct ToleranceClassTests {
    @Test("printed digits: half a unit in the last significant digit, relative to the printed value")
    func printedDigits() throws {
        let examples: [(printed: String, value: Double, expected: Double)] = [
            (#"T_{nr}\simeq 92~keV for Ar"#, 92, 0.5 / 92),
            (#"(g^{univ})_{strip}\simeq 1.8\times10^{-3}M_{Z'}/GeV"#, 1.8e-3, 0.05 / 1.8),
            (#"(g^{L_e-L_\tau})_{strip}\approx 6\times10^{-2}M_{Z'}/GeV"#, 6e-2, 0.5 / 6),
            (#"T_{nr}\approx 50~keV for Ar"#, 50, 5.0 / 50),           // trailing zero not significant
            (#"\frac{(g_V^2+g_A^2)_{CC+NC}}{(g_V^2+g_A^2)_{CC}}\approx 0.60"#, 0.6, 0.005 / 0.6),
            (#"T_{nr}=47.7~keV for Ar (T^{max}=2E^2/M, E=29.8 MeV)"#, 47.7, 0.05 / 47.7),
            (#"T_{nr}=47.7~keV for Ar (T^{max}=2E^2/M, E=29.8 MeV)"#, 29.8, 0.05 / 29.8),
            ("a small non-excluded part at M_Z' ~ 20-30 MeV and g_Z' ~ (4-7) x 10^-4", 7e-4, 0.5 / 7),
            ("relative couplings to protons and neutrons are -3.3 and 0.06", -3.3, 0.05 / 3.3),
            ("nu - e scattering 8930 per year, 75t LAr", 8930, 5.0 / 8930),
        ]
        for e in examples {
            expectClose(try PrintedPrecision.halfUnitRelative(printed: e.printed, value: e.value), e.expected,
                        relative: 1e-15, "printed digits of \(e.value) in '\(e.printed)'")
        }
        #expect(throws: PrintedPrecision.Failure.self) { try PrintedPrecision.halfUnitRelative(printed: "about ninety",
            value: 92) }
        #expect(throws: PrintedPrecision.Failure.self) { try PrintedPrecision.halfUnitRelative(printed: "93 keV",
            value: 92) }
        // Two numerals state 15 with different precisions: which one the paper meant is not known.
        #expect(throws: PrintedPrecision.Failure.self) { try PrintedPrecision.halfUnitRelative(printed: "15 or 15.0",
            value: 15) }
    }

    @Test("printed uncertainty: x(d) in units of the last digit, +- terms in quadrature")
    func printedUncertainty() throws {
        let examples: [(printed: String, value: Double, expected: Double)] = [
            (#"Q_w=-N+Z(1-4\sin^2\theta_w); Q_w^{SM}(^{133}Cs)=-73.16(5)"#, -73.16, 0.05 / 73.16),
            ("128 +- 17", 128, 17.0 / 128),
            ("341 +- 11 (theory) +- 42 (experiment)", 341, (11.0 * 11 + 42 * 42).squareRoot() / 341),
            ("1.25 ± 0.05", 1.25, 0.05 / 1.25),
        ]
        for e in examples {
            expectClose(try PrintedPrecision.uncertaintyRelative(printed: e.printed, value: e.value), e.expected,
                        relative: 1e-15, "printed uncertainty of \(e.value) in '\(e.printed)'")
        }
        #expect(throws: PrintedPrecision.Failure.self) {
            try PrintedPrecision.uncertaintyRelative(printed: "4.29 x 10^9 / (cm^2 s)", value: 4.29e9)
        }
    }

    @Test("bounded classes: ranges as documented; the paths' default agreement is the quadrature class's")
    func bounded() throws {
        #expect(ToleranceClass.quadrature.relativeRange?.contains(1e-8) == true)
        #expect(ToleranceClass.quadrature.relativeRange?.contains(1e-6) == false)
        #expect(ToleranceClass.rounding.relativeRange?.contains(1e-10) == false)
        #expect(ToleranceClass.allCases.filter(\.isDerived) == [.printedDigits, .printedUncertainty, .target])
        #expect(ToleranceClass.allCases.allSatisfy { $0.isDerived == ($0.relativeRange == nil) })
        #expect(Quantity.defaultAgreement == .tolerance(relative: 1e-8, absolute: 0),
                "the default agreement is the quadrature class's 1e-8 (QAGS asked for 1e-10, with margin)")
    }
}
