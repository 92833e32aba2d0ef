import Foundation

/// Charged-lepton generations e, μ, τ, with their masses (MeV).
public enum Lepton: String, CaseIterable, Sendable, Codable {
    case e, mu, tau

    /// Mass in MeV (see `Constants`).
    public var mass: Double {
        switch self {
        case .e: return Constants.electronMass
        case .mu: return Constants.muonMass
        case .tau: return Constants.tauMass
        }
    }

    /// Parses "e", "mu", "tau" (also "muon", "tau", "electron", "μ", "τ").
    public static func parse(_ text: String) throws -> Lepton {
        switch text.lowercased() {
        case "e", "electron": return .e
        case "mu", "muon", "μ": return .mu
        case "tau", "τ": return .tau
        default: throw PhysicsError.unknown("lepton '\(text)' (expected e, mu or tau)")
        }
    }
}

/// The six neutrino states of the harness: three flavours, neutrino or antineutrino.
public struct Flavor: Hashable, Sendable, CustomStringConvertible {
    public let lepton: Lepton
    public let isAntineutrino: Bool

    public init(_ lepton: Lepton, antineutrino: Bool = false) {
        self.lepton = lepton
        self.isAntineutrino = antineutrino
    }

    public static let nue = Flavor(.e), nuebar = Flavor(.e, antineutrino: true)
    public static let numu = Flavor(.mu), numubar = Flavor(.mu, antineutrino: true)
    public static let nutau = Flavor(.tau), nutaubar = Flavor(.tau, antineutrino: true)
    public static let all: [Flavor] = [.nue, .nuebar, .numu, .numubar, .nutau, .nutaubar]

    /// Command-line name: nue, nuebar, numu, numubar, nutau, nutaubar.
    public var name: String { "nu" + lepton.rawValue + (isAntineutrino ? "bar" : "") }
    public var description: String { name }

    /// Parses the names of `name` (case-insensitive; "nu_e", "anti-nue" style also accepted).
    public static func parse(_ text: String) throws -> Flavor {
        var t = text.lowercased().replacingOccurrences(of: "_", with: "")
        var anti = false
        if t.hasPrefix("anti-") {
            anti = true
            t.removeFirst(5)
        }
        if t.hasSuffix("bar") {
            anti = true
            t.removeLast(3)
        }
        guard let flavor = all.first(where: { $0.name == t + (anti ? "bar" : "") }) ?? nil else {
            throw PhysicsError.unknown("flavor '\(text)' (expected one of \(all.map(\.name).joined(separator: ", ")))")
        }
        return flavor
    }
}
