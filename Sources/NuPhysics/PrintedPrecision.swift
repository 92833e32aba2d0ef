import Foundation

/// What a number printed in a paper says about its own precision: the tolerances of the
/// `printedDigits` and `printedUncertainty` classes, read from the printed text itself.
///
/// The numeral that states the value is the one equal to it up to a power of ten ("1.8" in
/// "1.8\times10^{-3}" for 1.8e-3; signs are ignored); none, or two with different precisions, is
/// an error. A numeral's last significant digit is its last decimal ("47.7" → 0.1), or for an
/// integer its last non-zero digit ("92" → 1, "50" → 10: trailing zeros are not significant).
public enum PrintedPrecision {
    public struct Failure: Error, CustomStringConvertible, Sendable {
        public let description: String
    }

    /// A numeral found in the text: its value and the unit of its last significant digit (both
    /// scaled by the power of ten that makes it the stated value), its value as printed, where it ends.
    struct Numeral {
        let value: Double
        let unit: Double
        var printed: Double { value / scale }
        var scale: Double = 1
        let end: Int
    }

    /// ½ unit in the last significant digit of the numeral stating `value`, relative to it.
    public static func halfUnitRelative(printed: String, value: Double) throws -> Double {
        let n = try numeral(stating: value, in: Array(printed))
        return 0.5 * n.unit / n.value
    }

    /// The uncertainty printed right after the numeral stating `value`, relative to it: "(5)" after
    /// "73.16" is 5 units of its last digit (0.05); "+- 11 (theory) +- 42 (experiment)" (or ±, \pm)
    /// adds its terms in quadrature.
    public static func uncertaintyRelative(printed: String, value: Double) throws -> Double {
        let text = Array(printed)
        let n = try numeral(stating: value, in: text)
        var i = n.end
        func skipSpaces() { while i < text.count, text[i] == " " || text[i] == "~" { i += 1 } }
        if i < text.count, text[i] == "(", let digits = scan(text, from: i + 1), digits.end < text.count,
            text[digits.end] == ")", !String(text[(i + 1)..<digits.end]).contains(".")
        {
            return digits.value * n.unit / n.value
        }
        var squares = 0.0
        var terms = 0
        while true {
            skipSpaces()
            let rest = String(text[min(i, text.count)...])
            guard let sign = ["+-", "±", "\\pm"].first(where: { rest.hasPrefix($0) }) else { break }
            i += sign.count
            skipSpaces()
            guard let term = scan(text, from: i) else { break }
            squares += term.value * term.value
            terms += 1
            i = term.end
            skipSpaces()
            if i < text.count, text[i] == "(", let close = text[i...].firstIndex(of: ")") { i = close + 1 }
        }
        guard terms > 0 else {
            throw Failure(description: "prints no uncertainty after \(format(n.value)) (give \"x(d)\" or \"x +- d\")")
        }
        return squares.squareRoot() / n.printed
    }

    /// The numeral of `text` equal to |value| up to a power of ten, with one precision.
    static func numeral(stating value: Double, in text: [Character]) throws -> Numeral {
        guard value != 0, value.isFinite else {
            throw Failure(description: "the value \(value) has no relative precision")
        }
        var found: [Numeral] = []
        var i = 0
        while i < text.count {
            guard let n = scan(text, from: i) else {
                i += 1
                continue
            }
            let decades = log10(abs(value) / n.value)
            if n.value > 0, abs(decades - decades.rounded()) < 1e-9 {
                let scale = pow(10, decades.rounded())
                found.append(Numeral(value: n.value * scale, unit: n.unit * scale, scale: scale, end: n.end))
            }
            i = n.end
        }
        guard let first = found.first else {
            throw Failure(description: "no numeral in the printed text states \(format(abs(value)))")
        }
        if let other = found.first(where: { abs($0.unit - first.unit) > 1e-12 * first.unit }) {
            throw Failure(
                description: "two numerals state \(format(abs(value))) with different precisions "
                    + "(\(format(first.unit)) and \(format(other.unit)))")
        }
        return first
    }

    /// The numeral (digits, optionally "." and digits) starting at `start`, if one starts there
    /// and is not the tail of a longer one.
    static func scan(_ text: [Character], from start: Int) -> Numeral? {
        guard start < text.count, text[start].isASCII, text[start].isNumber,
            start == 0 || !(text[start - 1].isASCII && (text[start - 1].isNumber || text[start - 1] == "."))
        else { return nil }
        var end = start
        while end < text.count, text[end].isASCII, text[end].isNumber { end += 1 }
        var decimals = 0
        if end + 1 < text.count, text[end] == ".", text[end + 1].isASCII, text[end + 1].isNumber {
            end += 1
            while end < text.count, text[end].isASCII, text[end].isNumber {
                end += 1
                decimals += 1
            }
        }
        let digits = String(text[start..<end])
        guard let value = Double(digits) else { return nil }
        let unit: Double
        if decimals > 0 {
            unit = pow(10, -Double(decimals))
        } else {
            let trailingZeros = digits.reversed().prefix { $0 == "0" }.count
            unit = pow(10, Double(min(trailingZeros, digits.count - 1)))
        }
        return Numeral(value: value, unit: unit, end: end)
    }

    static func format(_ x: Double) -> String { String(format: "%g", x) }
}
