import Foundation
import NuData
import NuPhysics

/// The reactor spectrum of `Reference/reactor.json`: the Vogel-Engel coefficients (002 Ref. [56]),
/// the fission fractions and the fit range, checked where they enter. A coefficient can have
/// either sign, so each isotope's Vogel-Engel fit is checked against the independent Huber-Mueller
/// fit of the same file: as published they agree within a factor 1.39 everywhere on 2-8 MeV
/// (239Pu at 8 MeV), and any coefficient set to 0 or −1 moves them apart by a factor ≥ 1.9; a
/// factor above 1.5 is refused naming every coefficient of the isotope (exit 5).
public enum ReactorSpectrumData {
    static let file = "reactor.json"
    /// The fissioning isotopes, in the file's naming.
    public static let isotopes = ["U235", "Pu239", "U238", "Pu241"]
    /// Largest ratio of the two fits accepted on the fit range.
    public static let crossCheckFactor = 1.5

    /// The spectrum (below the fit range: extrapolated) with total flux `totalFlux` (cm⁻² s⁻¹).
    public static func spectrum(_ library: ReferenceLibrary, totalFlux: Double) throws -> ReactorSpectrum {
        func positive(_ id: String) throws -> Double {
            try library.positiveValue(file, id, citedFrom: "ReactorSpectrumData")
        }
        func number(_ id: String) throws -> Double {
            guard let x = try library.entry("\(file)#\(id)", citedFrom: file, field: id).value else {
                throw HarnessError.file(path: file, field: id, message: "needs a value")
            }
            return x
        }
        let lower = try positive("fit.lower")
        let upper = try positive("fit.upper")
        guard lower < upper else {
            throw HarnessError.file(
                path: file, field: "fit.lower", message: "is \(lower) MeV, not below fit.upper (\(upper) MeV)")
        }
        var list: [ReactorSpectrum.Isotope] = []
        for name in isotopes {
            let fraction = try positive("fraction.\(name)")
            guard fraction <= 1 else {
                throw HarnessError.file(
                    path: file, field: "fraction.\(name)", message: "is \(fraction), not a fraction")
            }
            let veIDs = (0...2).map { "ve.\(name).a\($0)" }
            let hmIDs = (0...5).map { "hm.\(name).a\($0)" }
            let ve = ReactorSpectrum.Isotope(name: name, coefficients: try veIDs.map(number), fraction: fraction)
            let hm = ReactorSpectrum.Isotope(name: name, coefficients: try hmIDs.map(number), fraction: fraction)
            let worst = largestRatio(ve, hm, from: lower, to: upper)
            guard worst <= crossCheckFactor else {
                throw HarnessError.file(
                    path: file, field: (veIDs + hmIDs).joined(separator: ", "),
                    message: String(
                        format: "the Vogel-Engel and Huber-Mueller fits of %@ differ by a factor %.3g on %g-%g MeV "
                            + "(as published at most 1.39; refused above %.2g): a coefficient is not the published one",
                        name, worst, lower, upper, crossCheckFactor))
            }
            list.append(ve)
        }
        do {
            return try ReactorSpectrum(
                isotopes: list, fitRange: lower...upper, totalFlux: totalFlux, belowFit: .extrapolate)
        } catch let error as PhysicsError {
            throw HarnessError.file(
                path: file, field: isotopes.map { "fraction.\($0)" }.joined(separator: ", "),
                message: error.description)
        }
    }

    /// max over [a, b] (121 points) of max(r, 1/r), r the ratio of the two fits (∞ if either is not finite or 0).
    public static func largestRatio(
        _ x: ReactorSpectrum.Isotope, _ y: ReactorSpectrum.Isotope, from a: Double, to b: Double
    ) -> Double {
        (0...120).map { a + (b - a) * Double($0) / 120 }.reduce(1) { worst, e in
            let r = x.perFission(e) / y.perFission(e)
            guard r.isFinite, r > 0 else { return .infinity }
            return max(worst, r, 1 / r)
        }
    }
}
