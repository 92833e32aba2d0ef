/// One curve of a figure: its legend label, its points (x, y) and how it is drawn. A `data`
/// curve sets the axis ranges; a `reference` curve (a printed asymptote) is dashed and an
/// `overlay` (an external limit) keeps its style; neither sets the ranges, both are clipped to
/// the plot. `style` is the data set's (`FigureStyle`); curves without one take a palette
/// colour by position. An empty label draws the curve without a legend entry.
public struct PlotCurve: Sendable {
    public enum Role: Sendable { case data, reference, overlay }
    public let label: String
    public let points: [(Double, Double)]
    public let dashed: Bool
    public let role: Role
    public let style: FigureStyle?

    public init(label: String, points: [(Double, Double)], dashed: Bool = false, role: Role = .data) {
        self.label = label
        self.points = points
        self.dashed = dashed || role == .reference
        self.role = role
        self.style = nil
    }

    /// A curve drawn in a data set's style.
    public init(label: String, points: [(Double, Double)], style: FigureStyle, role: Role = .data) {
        self.label = label
        self.points = points
        self.dashed = style.dash != .solid
        self.role = role
        self.style = style
    }
}

/// A filled region of a figure and the lines that bound it, in data coordinates: `fills` are
/// polygons tinted in the style's fill colour at its low opacity (one SVG path, so that pieces
/// of the same region that touch or overlap are tinted once), `outlines` polylines stroked in the
/// style (a closed outline repeats its first point). A y of +∞ stands for the top of the plot
/// and 0 (on a log axis) or −∞ for its bottom. `kind` names what it is in the SVG's `class`.
public struct PlotRegion: Sendable {
    public enum Kind: String, Sendable { case excluded, band, deficit }
    public let label: String
    public let style: FigureStyle
    public let kind: Kind
    public let fills: [[(Double, Double)]]
    public let outlines: [[(Double, Double)]]

    public init(
        label: String, style: FigureStyle, kind: Kind, fills: [[(Double, Double)]], outlines: [[(Double, Double)]]
    ) {
        self.label = label
        self.style = style
        self.kind = kind
        self.fills = fills
        self.outlines = outlines
    }

    /// The region between `lower` and `upper` (the same x values), filled and outlined.
    public init(band label: String, style: FigureStyle, lower: [(Double, Double)], upper: [(Double, Double)]) {
        let polygon = upper + lower.reversed()
        self.init(
            label: label, style: style, kind: .band, fills: polygon.isEmpty ? [] : [polygon],
            outlines: [upper, lower].filter { !$0.isEmpty })
    }
}

/// One row of a figure's legend: its words and a swatch in a style (a line, a tinted patch
/// with the style's edge, or a marker circle).
public struct LegendEntry: Sendable {
    public enum Swatch: Sendable { case line, patch, marker }
    public let label: String
    public let style: FigureStyle
    public let swatch: Swatch

    public init(_ label: String, style: FigureStyle, swatch: Swatch) {
        self.label = label
        self.style = style
        self.swatch = swatch
    }
}
