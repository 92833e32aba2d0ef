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
    case unknownKey(String)

    public var description: String {
        switch self {
        case .missing(let name): return "missing input '\(name)'"
        case .notANumber(let name, let text): return "input '\(name)': '\(text)' is not a number"
        case .badUnit(let name, let text):
            return "input '\(name)': '\(text)' needs an energy unit right after the number (eV, keV, MeV or GeV), e.g. 30MeV"
        case .unknownKey(let key): return "unknown input '\(key)'"
        }
    }
}

public enum UnitParser {
    /// Reads an energy written with its unit right after the number, "30MeV", "10keV",
    /// "9.75e-6MeV", "1.2GeV", and returns it in MeV. A bare number, an unknown unit or a
    /// non-finite number is an error naming `name`.
    public static func energy(_ text: String, name: String) throws -> Double {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        // Longest unit names first so "keV" is not read as "eV".
        for unit in EnergyUnit.allCases.sorted(by: { $0.rawValue.count > $1.rawValue.count })
        where trimmed.hasSuffix(unit.rawValue) {
            let number = String(trimmed.dropLast(unit.rawValue.count))
            guard let value = Double(number), value.isFinite else {
                throw InputError.notANumber(name: name, text: text)
            }
            return value * unit.inMeV
        }
        if Double(trimmed) != nil { throw InputError.badUnit(name: name, text: text) }
        throw InputError.badUnit(name: name, text: text)
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
