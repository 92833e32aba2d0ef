/// Text inside XML (JUnit reports, SVG figures).
enum XMLText {
    /// & < > and " escaped (attributes are double-quoted, so ' needs none); the control
    /// characters XML 1.0 cannot hold replaced by U+FFFD.
    static func escape(_ s: String) -> String {
        var out = ""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                out.unicodeScalars.append(
                    scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF
                        ? "\u{FFFD}" : scalar)
            }
        }
        return out
    }
}
