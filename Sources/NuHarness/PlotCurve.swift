/// One curve of a figure: its legend label, its points (x, y) and how it is drawn. `reference`
/// curves (a printed asymptote) are dashed, do not set the axis ranges and are clipped to the
/// plot; an `excludedAbove` curve has the region above it shaded as excluded.
public struct PlotCurve: Sendable {
    public enum Role: Sendable { case data, reference, excludedAbove }
    public let label: String
    public let points: [(Double, Double)]
    public let dashed: Bool
    public let role: Role

    public init(label: String, points: [(Double, Double)], dashed: Bool = false, role: Role = .data) {
        self.label = label
        self.points = points
        self.dashed = dashed || role == .reference
        self.role = role
    }
}
