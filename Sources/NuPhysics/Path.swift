/// The two independent implementations every quantity has: a closed form (analytic, in
/// `NuClosedForm`) and a numerical path on GSL (quadrature, roots, minimisation, in `NuNumerical`).
/// One vocabulary for fixtures, the registry, the detector response and the χ² minimisers.
public enum Path: String, Sendable, CaseIterable, CustomStringConvertible {
    case closedForm, numerical

    public var description: String { self == .closedForm ? "closed form" : "numerical" }
}
