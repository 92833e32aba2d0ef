import Foundation
import Testing

/// GSL's test style (gsl_test_rel): every comparison states its tolerance, and a failure prints
/// observed vs expected with 17 significant digits, the deviation, the tolerance and what was
/// compared. Passes when |observed − expected| ≤ max(relative·|expected|, absolute); a NaN or an
/// infinity on either side never passes unless both are the same infinity.
public func expectClose(_ observed: Double, _ expected: Double, relative: Double = 0, absolute: Double = 0,
                        _ description: String, sourceLocation: SourceLocation = #_sourceLocation) {
    precondition(relative >= 0 && absolute >= 0 && (relative > 0 || absolute > 0),
                 "expectClose needs a positive relative or absolute tolerance")
    let passes = isClose(observed, expected, relative: relative, absolute: absolute)
    guard !passes else { return }
    Issue.record(Comment(rawValue: closeFailureText(observed, expected, relative: relative, absolute: absolute,
        description)), sourceLocation: sourceLocation)
}

/// |observed − expected| ≤ max(relative·|expected|, absolute), NaN-safe.
public func isClose(_ observed: Double, _ expected: Double, relative: Double, absolute: Double) -> Bool {
    if observed.isInfinite || expected.isInfinite { return observed == expected }
    return abs(observed - expected) <= max(relative * abs(expected), absolute)
}

/// "what: observed 0.12345678901234568 vs expected 0.12345678901234566 (deviation 1.6e-16 relative,
/// 2.0e-17 absolute; allowed 1e-16 relative)".
public func closeFailureText(_ observed: Double, _ expected: Double, relative: Double, absolute: Double,
                             _ description: String) -> String {
    let difference = abs(observed - expected)
    let deviation = expected == 0 ? difference : difference / abs(expected)
    var allowed: [String] = []
    if relative > 0 { allowed.append("\(relative) relative") }
    if absolute > 0 { allowed.append("\(absolute) absolute") }
    return "\(description): observed \(String(format: "%.17g", observed)) vs expected "
        + "\(String(format: "%.17g", expected)) (deviation \(String(format: "%.2e", deviation)) relative, "
        + "\(String(format: "%.2e", difference)) absolute; allowed \(allowed.joined(separator: " or ")))"
}
