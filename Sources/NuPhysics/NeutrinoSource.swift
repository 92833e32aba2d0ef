import Foundation

/// Where a projected experiment's neutrinos come from, with the flux normalisation.
///
/// - `reactor`: ν̄_e with the spectrum's φ(E) (`ReactorSpectrum`, total flux Φ over its range);
/// - `pionDecayAtRest`: the π⁺ decay-at-rest source of 004 Eqs. (1)-(3), the total flux Φ of the
///   three flavours split equally (one ν_μ, ν̄_μ and ν_e per π⁺), each with `PionDecayFlux`'s
///   unit-normalised spectrum.
///
/// Fluxes in cm⁻² s⁻¹, energies in MeV.
public enum NeutrinoSource: Sendable, Equatable {
    case reactor(ReactorSpectrum)
    case pionDecayAtRest(totalFlux: Double)

    /// The flavours the source emits.
    public var flavors: [Flavor] {
        switch self {
        case .reactor: return [.nuebar]
        case .pionDecayAtRest: return PionDecayFlux.components
        }
    }

    /// The flux of one flavour (cm⁻² s⁻¹): all of it for a reactor, a third for π-DAR.
    public func flux(_ flavor: Flavor) -> Double {
        switch self {
        case .reactor(let s): return flavor == .nuebar ? s.totalFlux : 0
        case .pionDecayAtRest(let total): return flavors.contains(flavor) ? total / 3 : 0
        }
    }

    /// The highest neutrino energy (MeV): the spectrum's end, or m_μ/2 for π-DAR.
    public var maximumEnergy: Double {
        switch self {
        case .reactor(let s): return s.maximumEnergy
        case .pionDecayAtRest: return PionDecayFlux.maximumEnergy
        }
    }

    /// A short name for reports: "reactor" or "sns".
    public var name: String {
        switch self {
        case .reactor: return "reactor"
        case .pionDecayAtRest: return "sns"
        }
    }
}
