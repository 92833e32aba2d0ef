/// Why a tolerance has the size it has: every fixture tolerance, and every documented agreement of
/// two paths, belongs to one class, which states its rule and why. A class is either derived (the
/// numbers follow from the printed text or are fixed, and are never typed) or bounded (the fixture
/// carries the number, which must lie in the class's range). |observed − expected| ≤
/// max(relative·|expected|, absolute) in every case; absolute is in the quantity's units.
public enum ToleranceClass: String, Sendable, CaseIterable {
    /// Derived: half a unit in the last significant printed digit relative to the printed value
    /// ("~92 keV" → 0.5/92, "1.8×10⁻³" → 0.05/1.8, "~50 keV" → 5/50: an integer's trailing zeros
    /// are not significant). A paper's number is known only to the digits it prints.
    case printedDigits
    /// Derived: the uncertainty the paper prints beside the value, relative to it ("128 +- 17" →
    /// 17/128, "−73.16(5)" → 0.05/73.16, several "+-" terms added in quadrature).
    case printedUncertainty
    /// Derived: 10% of a printed limit, the target for reproducing a paper's fitted bounds,
    /// whose statistical conventions move them by more than their printed digits.
    case target
    /// Bounded, relative in (0, 0.1]: a stated approximation or convention (the next order of a
    /// limit, a simplified endpoint, the paper's cross-section conventions); the reason gives its size.
    case approximation
    /// Bounded, relative in [1e-12, 1e-7]: an adaptive GSL quadrature (QAGS, QAGP, QAG) asked for
    /// 1e-9 to 1e-12 relative; its error estimate is conservative, so 10–100 times the requested
    /// accuracy bounds the true error (1e-8 for QAGS asked for 1e-10, the paths' default).
    case quadrature
    /// Bounded, relative in [1e-14, 1e-6]: a bracketing root (Brent) asked for 1e-10 to 1e-15 in x
    /// or ln x; the root of a function known to ε moves by ε/|slope|, so a root of a quadrature or
    /// of a Δχ² is looser than the root's own tolerance.
    case root
    /// Bounded, relative in [1e-13, 1e-7]: a minimiser (simplex, BFGS, Newton) stopping at a
    /// gradient or step size δ; the minimum value is quadratic there, so it is off by ~curvature·δ².
    case minimiser
    /// Bounded, relative in [1e-12, 1e-8]: rounding amplified by subtracting nearly equal numbers
    /// (symmetric differences of cross sections, an interference term as σ(+A) − σ(−A)).
    case cancellation
    /// Bounded, relative in [1e-16, 1e-11]: exact formulas, or algebraically equal forms, that only
    /// floating-point rounding separates (up to ~100× an ulp where terms cancel).
    case rounding
    /// Bounded, relative 0 and absolute in (0, 1e-6]: a sign, a count or a share of counts, exact
    /// numbers; the absolute slack only absorbs their floating-point representation.
    case exact

    /// The class's rule, for reports and error messages.
    public var rule: String {
        switch self {
        case .printedDigits: return "half a unit in the last printed digit, relative to the printed value"
        case .printedUncertainty: return "the printed uncertainty (terms in quadrature), relative to the value"
        case .target: return "10% of the printed value (the issue's target for fitted limits)"
        case .approximation: return "the size of a stated approximation, relative at most 0.1"
        case .quadrature: return "an adaptive quadrature's accuracy with margin, relative 1e-12 to 1e-7"
        case .root: return "a bracketing root's accuracy through the function's slope, relative 1e-14 to 1e-6"
        case .minimiser: return "a minimiser's stopping rule, relative 1e-13 to 1e-7"
        case .cancellation: return "rounding amplified by cancellation, relative 1e-12 to 1e-8"
        case .rounding: return "floating-point rounding only, relative 1e-16 to 1e-11"
        case .exact: return "an exact sign or count: relative 0, absolute at most 1e-6"
        }
    }

    /// True when the numbers follow from the printed text (or are fixed) and must not be typed.
    public var isDerived: Bool { self == .printedDigits || self == .printedUncertainty || self == .target }

    /// The relative tolerances a bounded class allows (nil for a derived class).
    public var relativeRange: ClosedRange<Double>? {
        switch self {
        case .printedDigits, .printedUncertainty, .target: return nil
        case .approximation: return Double.leastNonzeroMagnitude...0.1
        case .quadrature: return 1e-12...1e-7
        case .root: return 1e-14...1e-6
        case .minimiser: return 1e-13...1e-7
        case .cancellation: return 1e-12...1e-8
        case .rounding: return 1e-16...1e-11
        case .exact: return 0...0
        }
    }

    /// The relative tolerance of `quadrature` used where nothing else is stated: QAGS asked for
    /// 1e-10 (or 1e-9 with a conservative estimate), with a factor 10–100 of margin.
    public static let quadratureDefault = 1e-8

    /// The target class's fixed relative tolerance.
    public static let targetRelative = 0.1

    /// The largest absolute tolerance of the exact class.
    public static let exactAbsoluteLimit = 1e-6

    /// A derived class's relative tolerance for a golden value `printed.value` printed as
    /// `printed.text` (nil for a bounded class); throws `PrintedPrecision.Failure` when the printed
    /// text does not give it (no printed value, no numeral stating the value, no uncertainty).
    public func derivedRelative(printed: (text: String, value: Double)?) throws -> Double? {
        switch self {
        case .target:
            return Self.targetRelative
        case .printedDigits, .printedUncertainty:
            guard let printed else {
                throw PrintedPrecision.Failure(description: "there is no printed value (a grid has none)")
            }
            return self == .printedDigits
                ? try PrintedPrecision.halfUnitRelative(printed: printed.text, value: printed.value)
                : try PrintedPrecision.uncertaintyRelative(printed: printed.text, value: printed.value)
        case .approximation, .quadrature, .root, .minimiser, .cancellation, .rounding, .exact:
            return nil
        }
    }
}
