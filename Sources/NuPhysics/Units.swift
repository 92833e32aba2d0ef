import Foundation

/// Energy units accepted on input. Inside the harness every energy, mass and momentum is in MeV.
public enum EnergyUnit: String, CaseIterable, Sendable {
    case eV, keV, MeV, GeV

    /// How many MeV one of this unit is.
    public var inMeV: Double {
        switch self {
        case .eV: return 1e-6
        case .keV: return 1e-3
        case .MeV: return 1
        case .GeV: return 1e3
        }
    }
}

/// Why a textual input could not be read.
public enum InputError: Error, Equatable, CustomStringConvertible {
    case missing(String)
    case notANumber(name: String, text: String)
    case badUnit(name: String, text: String)
    case unknownKey(String, allowed: [String])
    case conflicting(String)

    public var description: String {
        switch self {
        case .missing(let name): return "missing input '\(name)'"
        case .notANumber(let name, let text): return "input '\(name)': '\(text)' is not a number"
        case .badUnit(let name, let text):
            return "input '\(name)': '\(text)' needs an energy unit right after the number (eV, keV, MeV or GeV), "
                + "e.g. 30MeV"
        case .unknownKey(
            let key,
            let allowed):
            return "unknown input '\(key)' (this quantity takes: \(allowed.joined(separator: ", ")))"
        case .conflicting(let message): return message
        }
    }
}

public enum UnitParser {
    /// Reads an energy written with its unit right after the number, "30MeV", "10keV",
    /// "9.75e-6MeV", "1.2GeV", and returns it in MeV. A bare number, an unknown unit or a
    /// non-finite number is an error naming `name`.
    public static func energy(_ text: String, name: String) throws -> Double {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        // The unit is the run of letters at the end ("MeV" in "9.75e-6MeV"), the number the rest.
        let unitText = String(trimmed.reversed().prefix { $0.isLetter }.reversed())
        let numberText = String(trimmed.dropLast(unitText.count))
        guard let unit = EnergyUnit(rawValue: unitText) else {
            // "30" or "30TeV": a number with a missing or unknown unit; "xMeV": no number at all.
            if Double(numberText) != nil { throw InputError.badUnit(name: name, text: text) }
            throw InputError.notANumber(name: name, text: text)
        }
        guard let value = Double(numberText), value.isFinite else {
            throw InputError.notANumber(name: name, text: text)
        }
        return value * unit.inMeV
    }

    /// Reads a plain dimensionless number ("1e-4", "0.23121"). A number with a unit suffix or a
    /// non-finite value is an error naming `name`.
    public static func number(_ text: String, name: String) throws -> Double {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard let value = Double(trimmed) else {
            throw InputError.notANumber(name: name, text: text)
        }
        guard value.isFinite else { throw InputError.notANumber(name: name, text: text) }
        return value
    }
}
