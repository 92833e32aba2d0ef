/// One curve of a figure: its legend label, its points (x, y) and how it is drawn. `reference`
/// curves (a printed asymptote) are dashed, do not set the axis ranges and are clipped to the
/// plot; an `excludedAbove` curve has the region above it shaded as excluded; a `band` is the
/// region between `lower` and `points`, filled.
public struct PlotCurve: Sendable {
    public enum Role: Sendable { case data, reference, excludedAbove, band }
    public let label: String
    public let points: [(Double, Double)]
    public let lower: [(Double, Double)]
    public let dashed: Bool
    public let role: Role

    public init(label: String, points: [(Double, Double)], dashed: Bool = false, role: Role = .data) {
        self.label = label
        self.points = points
        self.lower = []
        self.dashed = dashed || role == .reference
        self.role = role
    }

    /// A filled band between `lower` and `upper` (the same x values).
    public init(band label: String, lower: [(Double, Double)], upper: [(Double, Double)]) {
        self.label = label
        self.points = upper
        self.lower = lower
        self.dashed = false
        self.role = .band
    }
}
