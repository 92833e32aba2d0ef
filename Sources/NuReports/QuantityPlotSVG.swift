import Foundation
import NuAnalyses
import NuRegistry
import NuValidation

/// Symbols for axis labels: an input's or a quantity's physics symbol (plain names otherwise).
enum AxisSymbols {
    static let inputs: [String: String] = [
        "recoil": "T", "recoilMin": "T_min", "recoilMax": "T_max", "energy": "E_ν", "mass": "M_Z'", "q": "|q|",
        "g": "g",
        "sw2": "sin²θ_W",
        "radiusFm": "R "
            + "[fm]", "deltaA": "Δa_μ", "sigma": "σ", "expected": "N_X", "standardModel": "N_SM",
    ]
    static let quantities: [String: String] = [
        "nue.dsigma": "dσ/dT", "nue.sigma": "σ", "nue.interference": "dσ_int/dT", "cevns.dsigma": "dσ/dT",
        "cevns.sigma": "σ",
        "g2.muon": "δa_μ", "g2.coupling": "g", "g2.mass": "M", "loop.eps": "ε_βα",
        "loop.epsWrongSign": "ε_βα "
            + "(timelike)",
        "loop.kineticMixing": "ε", "helm": "F_Helm(q)", "formfactor": "F(q)", "flux.fold": "⟨dσ/dT⟩_flux",
        "coherent.events": "N_CEvNS", "coherent.chi2": "χ²", "nue.tmax": "T_max", "cevns.tmax": "T_max",
        "apv.weakCharge": "Q_W",
    ]

    /// "cm^2/MeV" → "cm²/MeV".
    static func units(_ u: String) -> String {
        u.replacingOccurrences(of: "^-1", with: "⁻¹").replacingOccurrences(
            of: "^2",
            with: "²"
        ).replacingOccurrences(of: "^-3", with: "⁻³")
    }
}

extension QuantityPlot {
    /// The plot as a self-contained SVG document: title, caption with the fixed inputs, both paths,
    /// the alternative forms and comparisons, the golden points on the slice.
    public func svg(width: Double = 860, height: Double = 520) -> String {
        let xSymbol = AxisSymbols.inputs[xName] ?? xName
        let ySymbol =
            AxisSymbols.quantities[quantity.name]
            ?? quantity.name
        let units = quantity.units == "dimensionless" ? "" : " [\(AxisSymbols.units(quantity.units))]"
        let caption = fixed.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ", ")
        return SVGChart(
            title: "\(quantity.name): \(ySymbol) against \(xSymbol)", caption: caption,
            xLabel: "\(xSymbol)\(xUnit.isEmpty ? "" : " [\(xUnit)]")", yLabel: "\(ySymbol)\(units)",
            curves: curves, points: golden.map { ($0.id, $0.x, $0.y) }, pointsLabel: "golden values",
            logX: logX, logY: logY
        ).svg(width: width, height: height)
    }
}
