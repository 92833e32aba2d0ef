import Foundation

/// How one data set or experiment is drawn, the same in every figure: its colour, line style,
/// line width, the opacity of the regions it tints, and its legend words. The colours follow the
/// papers: 004 Figs. 4-8 draw COHERENT CsI blue, Ar red and CsI+Ar black; 000 Fig. 2 draws DUNE's
/// combined analysis purple. `key` is written into the SVG (`data-style`) so that tests and
/// scripts can find a data set's elements.
public struct FigureStyle: Sendable, Equatable {
    public enum Dash: String, Sendable {
        case solid, dashed, dotDashed, dotted

        /// The SVG `stroke-dasharray` (nil: solid).
        public var pattern: String? {
            switch self {
            case .solid: return nil
            case .dashed: return "7 4"
            case .dotDashed: return "9 3 2 3"
            case .dotted: return "2 3"
            }
        }
    }

    public let key: String
    public let legend: String
    /// Stroke colour, "#rrggbb".
    public let color: String
    public let dash: Dash
    /// Stroke width in px.
    public let width: Double
    /// Fill opacity of the regions this style tints (0-1), low so that overlaps stay readable.
    public let fillOpacity: Double
    /// Fill colour of its regions (default: `color`).
    public let fill: String

    public init(
        key: String, legend: String, color: String, dash: Dash = .solid, width: Double = 1.8,
        fillOpacity: Double = 0.14, fill: String? = nil
    ) {
        self.key = key
        self.legend = legend
        self.color = color
        self.dash = dash
        self.width = width
        self.fillOpacity = fillOpacity
        self.fill = fill ?? color
    }

    /// The same data set drawn with another line style (e.g. a deficit region's dot-dashed edge).
    public func with(dash: Dash) -> FigureStyle {
        FigureStyle(
            key: key, legend: legend, color: color, dash: dash, width: width, fillOpacity: fillOpacity, fill: fill)
    }

    public static let coherentCsI = FigureStyle(
        key: "coherent-csi", legend: "COHERENT CsI (2021)", color: "#1f4fd1", fillOpacity: 0.08)
    public static let coherentAr = FigureStyle(
        key: "coherent-ar", legend: "COHERENT Ar (2020)", color: "#d62728", fillOpacity: 0.08)
    public static let coherentCombined = FigureStyle(
        key: "coherent-combined", legend: "COHERENT CsI + Ar", color: "#000000", width: 2.2, fillOpacity: 0.06)
    public static let duneNu = FigureStyle(key: "dune-nu", legend: "DUNE ND ν mode", color: "#e6700d")
    public static let duneNubar = FigureStyle(key: "dune-nubar", legend: "DUNE ND ν̄ mode", color: "#0f8f8f")
    public static let duneCombined = FigureStyle(
        key: "dune-combined", legend: "DUNE ND ν + ν̄ combined", color: "#7b2fa8", width: 3.4)
    public static let jsns2 = FigureStyle(key: "jsns2", legend: "JSNS²", color: "#8c564b")
    public static let muonG2Band = FigureStyle(
        key: "g2-band", legend: "(g−2)_μ 2σ band", color: "#2e7d32", width: 1, fillOpacity: 0.45, fill: "#7fc97f")
    /// 002 Figs. 2-4: future COHERENT (orange dashed and green dot-dashed, as 002), the reactor
    /// projection (dotted), atomic parity violation (large dots) and Borexino; the current COHERENT
    /// bound is `coherentCombined`, the data set it is computed from.
    public static let futureCoherentSmall = FigureStyle(
        key: "coherent-future-1t", legend: "COHERENT future, 1 t·yr", color: "#ff7f0e", dash: .dashed)
    public static let futureCoherentLarge = FigureStyle(
        key: "coherent-future-10t", legend: "COHERENT future, 10 t·yr", color: "#2ca02c", dash: .dotDashed)
    public static let reactor = FigureStyle(
        key: "reactor", legend: "reactor projection", color: "#c51b7d", dash: .dotted, width: 2.2)
    public static let parityViolation = FigureStyle(
        key: "apv", legend: "atomic parity violation (Cs)", color: "#6a51a3", dash: .dotted, width: 3.2)
    public static let borexino = FigureStyle(
        key: "borexino", legend: "Borexino ⁷Be", color: "#a50f15", dash: .dotted, width: 2.2)

    /// A bound of `nucheck bounds` by its experiment key (ScenarioBounds.Curve.key).
    public static func bound(_ key: String) -> FigureStyle? {
        if key == "coherent-current" { return coherentCombined }
        if key.hasPrefix("coherent-future") { return key.hasSuffix("10t") ? futureCoherentLarge : futureCoherentSmall }
        if key.hasPrefix("reactor") { return reactor }
        return ["apv": parityViolation, "borexino": borexino][key]
    }

    /// 004 Table 2's asymptotes and other printed reference lines.
    public static let reference = FigureStyle(
        key: "reference", legend: "reference", color: "#555555", dash: .dashed, width: 1.4)

    /// The n-th external limit drawn over a figure (`--overlay`): greys and earth tones, away from
    /// the data sets' colours, the line style changing when the colours repeat.
    public static func overlay(_ n: Int, legend: String) -> FigureStyle {
        let colors = ["#4d4d4d", "#a6761d", "#e7298a", "#66a61e", "#999999"]
        let dashes: [Dash] = [.solid, .dashed, .dotted]
        return FigureStyle(
            key: "overlay-\(n + 1)", legend: legend, color: colors[n % colors.count],
            dash: dashes[(n / colors.count) % dashes.count], width: 1.6)
    }

    /// A COHERENT data set by its `--detector` name (ar, csi, combined).
    public static func coherent(_ dataset: String) -> FigureStyle? {
        ["ar": coherentAr, "csi": coherentCsI, "combined": coherentCombined][dataset]
    }

    /// A reach curve by its mode (nu, nubar, combined for DUNE's near detector; jsns2).
    public static func reach(_ mode: String) -> FigureStyle? {
        ["nu": duneNu, "nubar": duneNubar, "combined": duneCombined, "jsns2": jsns2][mode]
    }

    /// Curves without a data set (a quantity's paths): a palette by position.
    static func plain(_ n: Int, dashed: Bool) -> FigureStyle {
        let colors = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#17becf", "#7f7f7f"]
        return FigureStyle(
            key: "curve-\(n + 1)", legend: "", color: colors[n % colors.count], dash: dashed ? .dashed : .solid)
    }
}
