import GSLKit
import NuBeams
import NuClosedForm
import NuCoherent
import NuData
import NuPhysics

/// The exit status of `nucheck` for each kind of error, and the one line it prints.
/// 0 success; 1 a check failed (fixture case, baseline, audit mapping, eval's paths beyond their
/// agreement); 2 bad input (unknown quantity, model, choice or key; repeated or unused input;
/// missing or non-numeric value; wrong unit); 3 unphysical input or a formula outside its
/// domain; 4 a GSL failure or an iteration that did not converge; 5 a missing or malformed
/// fixture, baseline, reference, data or `--overlay` file (a shipped data file that is not the
/// release's), or an unwritable output; 6 a data file the command needs is absent from a user's data folder.
public enum ExitStatus {
    public static let checkFailed: Int32 = 1

    public static func code(for error: Error) -> Int32 {
        switch error {
        case is InputError: return 2
        case let e as PhysicsError:
            if case .unknown = e { return 2 }
            if case .notConverged = e { return 4 }
            return 3
        case let e as HarnessError:
            if case .unknownQuantity = e { return 2 }
            return 5
        case is Chi2Error: return 2
        case is GSLError, is NonFiniteValue: return 4
        case is BeamDataError: return 5
        case let e as DataFileError:
            if case .absent = e { return 6 }
            return 5
        case is CoherentDataError: return 5
        default: return 3
        }
    }

    /// The text on one line: control characters (newline, tab, escape, ...) become escapes.
    public static func oneLine(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if scalar.properties.generalCategory == .control
                    || scalar.properties.generalCategory == .format
                        && scalar.value < 0x2000
                {
                    out += String(format: "\\u{%X}", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    public static func message(for error: Error) -> String {
        switch error {
        case let e as NonFiniteValue: return "GSL integrand: \(e.description)"
        case let e as CustomStringConvertible: return e.description
        default: return "\(error)"
        }
    }
}
