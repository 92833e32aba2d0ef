/// The events of one data set at a fixed mediator mass, exactly quadratic in x = g²:
/// N(g) = N_SM + a g² + b g⁴ (a: the interference, b: the pure Z' term; dimensionless counts).
public struct EventPolynomial: Sendable, Equatable {
    public let standardModel: Double, a: Double, b: Double

    public init(standardModel: Double, a: Double, b: Double) {
        self.standardModel = standardModel
        self.a = a
        self.b = b
    }

    /// N(g), the expected events at coupling g.
    public func events(_ g: Double) -> Double { standardModel + a * g * g + b * g * g * g * g }

    /// The data sets added event by event (000's χ²(ν mode + ν̄ mode)): N_SM, a and b add.
    public static func sum(_ parts: [EventPolynomial]) -> EventPolynomial {
        EventPolynomial(
            standardModel: parts.reduce(0) { $0 + $1.standardModel }, a: parts.reduce(0) { $0 + $1.a },
            b: parts.reduce(0) { $0 + $1.b })
    }

    /// The open interval of x = g² > 0 where N − N_SM = x(a + b x) has the sign of `sign` (+1: an
    /// excess, −1: a deficit), or nil where there is none. N − N_SM changes sign only at
    /// x = −a/b, exactly: (0, −a/b) has the sign of a, (−a/b, ∞) the sign of b.
    public func interval(sign: Double) -> (lower: Double, upper: Double)? {
        let a = sign * self.a
        let b = sign * self.b
        if b > 0 { return (a >= 0 ? 0 : -a / b, .infinity) }
        if b < 0 { return a > 0 ? (0, -a / b) : nil }
        return a > 0 ? (0, .infinity) : nil
    }
}
