import Foundation

/// A reactor's ν̄_e spectrum: a mixture of fissioning isotopes, each parameterised as
/// dN/dE = exp(Σ_k a_k E^k) antineutrinos per MeV per fission (E in MeV; Vogel & Engel: k ≤ 2),
/// weighted by its fission fraction f_i:
///
///     S(E) = Σ_i f_i exp(Σ_k a_ik E^k)   (MeV⁻¹ per fission),
///
/// trusted on the fit range [E_lo, E_hi] (Vogel & Engel: 2-8 MeV). The spectrum ends at E_hi. The
/// flux is φ(E) = Φ S(E)/∫₀^{E_hi} S_fit dE (cm⁻²s⁻¹MeV⁻¹), S_fit the fit carried down to E = 0: Φ
/// counts every energy, as 002's "1 MW at 1 m" does (~6 antineutrinos a fission; the fit gives 5.2,
/// 30% of them above 2 MeV). Below E_lo `belowFit` chooses what stands in for S: the fit
/// extrapolated (the default), held at its value at E_lo, or zero; the flux above E_lo is the same
/// for all three. The normalising integral is each path's own.
public struct ReactorSpectrum: Sendable, Equatable {
    public struct Isotope: Sendable, Equatable {
        public let name: String
        /// a_0 … a_n of exp(Σ a_k E^k), E in MeV.
        public let coefficients: [Double]
        public let fraction: Double

        public init(name: String, coefficients: [Double], fraction: Double) {
            self.name = name
            self.coefficients = coefficients
            self.fraction = fraction
        }

        /// exp(Σ a_k E^k), antineutrinos per MeV per fission of this isotope (Horner's rule).
        public func perFission(_ e: Double) -> Double {
            exp(coefficients.reversed().reduce(0) { $0 * e + $1 })
        }
    }

    /// What stands in for the spectrum below the fit range.
    public enum BelowFit: String, CaseIterable, Sendable, NamedChoice {
        /// The fit's exponential carried down to E = 0.
        case extrapolate
        /// S(E) = S(E_lo) below E_lo.
        case flat
        /// No antineutrinos below E_lo: all of Φ lies in the fit range.
        case zero
        public static let inputName = "belowFit"
    }

    public let isotopes: [Isotope]
    /// [E_lo, E_hi] in MeV.
    public let fitRange: ClosedRange<Double>
    /// Φ, cm⁻² s⁻¹: the flux of the extrapolated fit over [0, E_hi].
    public let totalFlux: Double
    public let belowFit: BelowFit

    /// Checks what the numbers must be to be a spectrum: finite coefficients with a falling
    /// exponent (highest-order coefficient < 0), fractions in [0, 1] summing to 1 within 1e-3,
    /// 0 < E_lo < E_hi and Φ > 0, all finite.
    public init(isotopes: [Isotope], fitRange: ClosedRange<Double>, totalFlux: Double, belowFit: BelowFit) throws {
        guard !isotopes.isEmpty else { throw PhysicsError.unphysical("a reactor spectrum needs at least one isotope") }
        for i in isotopes {
            guard let last = i.coefficients.last, i.coefficients.allSatisfy(\.isFinite), last < 0 else {
                throw PhysicsError.unphysical(
                    "\(i.name): the exponent's coefficients must be finite with the highest-order one < 0 "
                        + "(a spectrum that falls), got \(i.coefficients)")
            }
            guard i.fraction.isFinite, (0...1).contains(i.fraction) else {
                throw PhysicsError.unphysical("\(i.name): the fission fraction must lie in [0, 1], got \(i.fraction)")
            }
        }
        let sum = isotopes.reduce(0) { $0 + $1.fraction }
        guard abs(sum - 1) <= 1e-3 else {
            throw PhysicsError.unphysical("the fission fractions must sum to 1 (within 1e-3), got \(sum)")
        }
        guard fitRange.lowerBound > 0, fitRange.upperBound.isFinite, fitRange.lowerBound < fitRange.upperBound else {
            throw PhysicsError.unphysical("the fit range must satisfy 0 < E_lo < E_hi < ∞, got \(fitRange) MeV")
        }
        try requirePositive(totalFlux, "reactor flux", unit: "cm^-2 s^-1")
        self.isotopes = isotopes
        self.fitRange = fitRange
        self.totalFlux = totalFlux
        self.belowFit = belowFit
    }

    /// The same spectrum with another stand-in below the fit range.
    public func with(belowFit: BelowFit) -> ReactorSpectrum {
        try! ReactorSpectrum(isotopes: isotopes, fitRange: fitRange, totalFlux: totalFlux, belowFit: belowFit)
    }

    /// The same spectrum with other fission fractions (isotopes by name; those not named get 0).
    public func with(fractions: [String: Double]) throws -> ReactorSpectrum {
        try ReactorSpectrum(
            isotopes: isotopes.map {
                Isotope(name: $0.name, coefficients: $0.coefficients, fraction: fractions[$0.name] ?? 0)
            },
            fitRange: fitRange, totalFlux: totalFlux, belowFit: belowFit)
    }

    /// The end of the spectrum, E_hi (MeV).
    public var maximumEnergy: Double { fitRange.upperBound }

    /// S(E), antineutrinos per MeV per fission of the fuel mix, on [0, E_hi] (0 outside).
    public func perFission(_ e: Double) -> Double {
        guard e >= 0, e <= fitRange.upperBound else { return 0 }
        if e < fitRange.lowerBound {
            switch belowFit {
            case .extrapolate: break
            case .flat: return perFission(fitRange.lowerBound)
            case .zero: return 0
            }
        }
        return isotopes.reduce(0) { $0 + $1.fraction * $1.perFission(e) }
    }

    /// S_fit(E): the fit on all of [0, E_hi] (0 outside), whose integral normalises the flux.
    public func perFissionExtrapolated(_ e: Double) -> Double {
        guard e >= 0, e <= fitRange.upperBound else { return 0 }
        return isotopes.reduce(0) { $0 + $1.fraction * $1.perFission(e) }
    }

    /// Energies inside (0, E_hi) where S is not smooth (E_lo unless the fit is extrapolated): a
    /// quadrature splits there.
    public var breakpoints: [Double] { belowFit == .extrapolate ? [] : [fitRange.lowerBound] }
}
