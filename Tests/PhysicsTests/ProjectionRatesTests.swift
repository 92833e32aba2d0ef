import Foundation
import NuClosedForm
import NuNumerical
import NuPhysics
import Testing
import TestSupport

/// The projected CEvNS rates (002 Sec. V) against hand integrals written here: Simpson's rule in E
/// and T of G_F²M/π (1 − MT/(2E²)) Q(T)² with a Helm form factor coded in the test, for a reactor
/// spectrum whose normalisation is known in closed form (e^{−E/2} on [0, 8] MeV: 2(1 − e⁻⁴)) and
/// for the π-DAR spectra of 004 Eqs. (1)-(3).
struct ProjectionRatesTests {
    static let gF = 1.1663787e-11, hbarC = 197.3269804

    /// Helm: 3 j₁(qR₀)/(qR₀) e^{−q²s²/2}, R₀² = (5/3)(R² − 3s²), s = 0.9 fm; q in MeV, R in fm.
    static func helm(q: Double, rms: Double) -> Double {
        let s = 0.9
        let r0 = ((5.0 / 3) * (rms * rms - 3 * s * s)).squareRoot()
        let x = q / hbarC * r0
        let j1 = x < 1e-4 ? x / 3 : (sin(x) / (x * x) - cos(x) / x)
        return 3 * j1 / x * exp(-pow(q / hbarC * s, 2) / 2)
    }

    /// ∫_a^b f by Simpson's rule on n (even) intervals.
    static func simpson(_ a: Double, _ b: Double, _ n: Int = 400, _ f: (Double) -> Double) -> Double {
        guard b > a else { return 0 }
        let h = (b - a) / Double(n)
        var sum = f(a) + f(b)
        for i in 1..<n { sum += f(a + Double(i) * h) * (i % 2 == 1 ? 4 : 2) }
        return sum * h / 3
    }

    /// Q(T) of one nucleus for a ν of the given flavour's proton coupling, plus a B−L Z' (charge −1
    /// for the lepton, +1 for p and n) of coupling g and mass m: Q_SM − g²(ZF_Z + NF_N)/(√2G_F(q² + m²)),
    /// F_Z and F_N Helm factors of the proton and neutron rms radii.
    static func charge(_ n: Nucleus, proton gp: Double, t: Double, g: Double, m: Double) -> Double {
        let q2 = 2 * n.mass * t
        let fz = helm(q: q2.squareRoot(), rms: n.protonRadius)
        let fn = helm(q: q2.squareRoot(), rms: n.neutronRadius)
        let z = Double(n.protons) * fz, nn = Double(n.neutrons) * fn
        return gp * z - 0.5094 * nn - g * g * (z + nn) / (2.0.squareRoot() * gF * (q2 + m * m))
    }

    static func detector(_ source: NeutrinoSource, _ nucleus: Nucleus, threshold: Double) throws -> ProjectionDetector {
        try ProjectionDetector(
            target: TargetRegistry.lookup(nucleus.name), source: source, threshold: threshold, exposure: 1,
            background: 1, bins: 5, daysPerYear: 365.25, avogadro: 6.02214076e23)
    }

    /// Events per MeV⁻² of ∫: 1 kg yr of the nucleus, 365.25 days, (ħc)² in MeV² cm².
    static func scale(_ n: Nucleus) -> Double {
        1000 / n.atomicMassU * 6.02214076e23 * 365.25 * 86400 * pow(hbarC * 1e-13, 2)
    }

    @Test("reactor ν̄_e on Ge74: the bins' sum is the hand double integral, SM and with a B−L Z'")
    func reactorHandIntegral() throws {
        let spectrum = try ReactorSpectrum(
            isotopes: [.init(name: "toy", coefficients: [0, -0.5], fraction: 1)], fitRange: 2...8, totalFlux: 1e12,
            belowFit: .extrapolate)
        let ge = NuclearData.ge74
        let d = try Self.detector(.reactor(spectrum), ge, threshold: 2e-4)
        let norm = 2 * (1 - exp(-4.0))
        for (g, m) in [(0.0, 1.0), (3e-6, 10.0)] {
            let m2 = ge.mass
            let eMin = (2e-4 + (4e-8 + 2 * m2 * 2e-4).squareRoot()) / 2
            let hand = Self.simpson(eMin, 8) { e in
                let tMax = 2 * e * e / (m2 + 2 * e)
                let inner = Self.simpson(2e-4, tMax) { t in
                    let q = Self.charge(ge, proton: 0.0401, t: t, g: g, m: m)
                    return Self.gF * Self.gF * m2 / Double.pi * (1 - m2 * t / (2 * e * e)) * q * q
                }
                return 1e12 * exp(-e / 2) / norm * inner
            } * Self.scale(ge)
            for path in [Path.closedForm, .numerical] {
                let bins =
                    path == .closedForm
                    ? try ProjectionRates.binCoefficients(d, model: ModelRegistry.bMinusL, mass: m)
                    : try ProjectionRatesQuadrature.binCoefficients(d, model: ModelRegistry.bMinusL, mass: m)
                let total = bins.reduce(0) { $0 + $1.standardModel + $1.a * g * g + $1.b * g * g * g * g }
                expectClose(total, hand, relative: 1e-6, "\(path), g = \(g)")
            }
        }
    }

    @Test("π-DAR on Ar40: the bins' sum is the prompt line plus the delayed spectra by hand")
    func pionDecayHandIntegral() throws {
        let ar = NuclearData.ar40
        let d = try Self.detector(.pionDecayAtRest(totalFlux: 3e7), ar, threshold: 2e-3)
        let m = ar.mass, mu = 105.6583755
        let ePrompt = (139.57039 * 139.57039 - mu * mu) / (2 * 139.57039)
        func sigma(_ e: Double, _ gp: Double) -> Double {
            Self.simpson(2e-3, 2 * e * e / (m + 2 * e)) { t in
                let q = Self.charge(ar, proton: gp, t: t, g: 0, m: 1)
                return Self.gF * Self.gF * m / Double.pi * (1 - m * t / (2 * e * e)) * q * q
            }
        }
        let eMin = (2e-3 + (4e-6 + 2 * m * 2e-3).squareRoot()) / 2
        let prompt = sigma(ePrompt, 0.0318)
        let numubar = Self.simpson(eMin, mu / 2) { e in 64 * e * e / pow(mu, 3) * (0.75 - e / mu) * sigma(e, 0.0318) }
        let nue = Self.simpson(eMin, mu / 2) { e in 192 * e * e / pow(mu, 3) * (0.5 - e / mu) * sigma(e, 0.0401) }
        let hand = 1e7 * (prompt + numubar + nue) * Self.scale(ar)
        let closed = try ProjectionRates.binCoefficients(d, model: nil, mass: 0).reduce(0) { $0 + $1.standardModel }
        let numerical = try ProjectionRatesQuadrature.binCoefficients(d, model: nil, mass: 0)
            .reduce(0) { $0 + $1.standardModel }
        expectClose(closed, hand, relative: 1e-6, "closed form")
        expectClose(numerical, hand, relative: 1e-6, "numerical")
    }

    @Test("the reactor normalisation is the closed form 2(1 − e⁻⁴) on both paths; Φ counts the extrapolated fit")
    func reactorNormalisation() throws {
        let s = try ReactorSpectrum(
            isotopes: [.init(name: "toy", coefficients: [0, -0.5], fraction: 1)], fitRange: 2...8, totalFlux: 1,
            belowFit: .zero)
        expectClose(try SourceFolding.reactorNormalisation(s), 2 * (1 - exp(-4.0)), relative: 1e-13, "closed form")
        expectClose(try SourceFoldingQuadrature.reactorNormalisation(s), 2 * (1 - exp(-4.0)), relative: 1e-11, "QAGS")
        // Below the fit the zero stand-in removes the antineutrinos there and leaves the flux above
        // 2 MeV as it is: I(T) for a recoil only neutrinos above 2 MeV reach is the same.
        let t = 2 * 3.0 * 3.0 / (NuclearData.ge74.mass + 6)
        let n = try SourceFolding.reactorNormalisation(s)
        let zero = try SourceFolding.kinematicIntegral(
            .reactor(s), .nuebar, recoil: t, nucleusMass: NuclearData.ge74.mass, normalisation: n)
        let extrapolated = try SourceFolding.kinematicIntegral(
            .reactor(s.with(belowFit: .extrapolate)), .nuebar, recoil: t, nucleusMass: NuclearData.ge74.mass,
            normalisation: n)
        expectClose(zero, extrapolated, relative: 1e-12, "I(T) at a recoil only E > 3 MeV reach")
    }

    @Test("a spectrum that is not one is refused: rising exponent, fractions off 1, a reversed fit range")
    func spectrumRefusals() {
        let iso = ReactorSpectrum.Isotope(name: "x", coefficients: [0.9, -0.2, -0.09], fraction: 1)
        #expect(throws: PhysicsError.self) {
            try ReactorSpectrum(
                isotopes: [.init(name: "x", coefficients: [0.9, -0.2, 0.09], fraction: 1)], fitRange: 2...8,
                totalFlux: 1, belowFit: .extrapolate)
        }
        #expect(throws: PhysicsError.self) {
            try ReactorSpectrum(
                isotopes: [.init(name: "x", coefficients: [0.9, -0.2, -0.09], fraction: 0.9)], fitRange: 2...8,
                totalFlux: 1, belowFit: .extrapolate)
        }
        #expect(throws: PhysicsError.self) {
            try ReactorSpectrum(isotopes: [iso], fitRange: 0...8, totalFlux: 1, belowFit: .extrapolate)
        }
        #expect(throws: PhysicsError.self) {
            try ReactorSpectrum(isotopes: [iso], fitRange: 2...8, totalFlux: 0, belowFit: .extrapolate)
        }
    }
}
