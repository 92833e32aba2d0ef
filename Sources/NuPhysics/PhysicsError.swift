/// Why a physics evaluation refused its input. Every case carries a message that names the
/// offending quantity and value, so the command-line tool can print it as one line.
public enum PhysicsError: Error, Equatable, CustomStringConvertible {
    /// An input that no physical configuration has (negative energy, recoil above T_max, ...).
    case unphysical(String)
    /// A model, flavour or option that the registry does not know.
    case unknown(String)
    /// A formula asked for outside the domain it is defined on (for example Dev et al.'s
    /// Eqs. (3)-(5), which hold for vector couplings only, given axial ones).
    case notApplicable(String)
    /// An iteration (fit, minimisation, root) that stopped without converging: an error, never a
    /// number.
    case notConverged(String)

    public var description: String {
        switch self {
        case .unphysical(let m): return "unphysical input: \(m)"
        case .unknown(let m): return "unknown: \(m)"
        case .notApplicable(let m): return "not applicable: \(m)"
        case .notConverged(let m): return "did not converge: \(m)"
        }
    }
}

/// Throws `.unphysical` unless `value` is finite and strictly positive.
public func requirePositive(_ value: Double, _ name: String, unit: String = "MeV") throws {
    guard value.isFinite, value > 0 else {
        throw PhysicsError.unphysical("\(name) must be finite and > 0, got \(value) \(unit)")
    }
}

/// Throws `.unphysical` unless `value` is finite and ≥ 0.
public func requireNonNegative(_ value: Double, _ name: String, unit: String = "MeV") throws {
    guard value.isFinite, value >= 0 else {
        throw PhysicsError.unphysical("\(name) must be finite and ≥ 0, got \(value) \(unit)")
    }
}

/// Throws `.unphysical` unless `value` is finite.
public func requireFinite(_ value: Double, _ name: String) throws {
    guard value.isFinite else { throw PhysicsError.unphysical("\(name) must be finite, got \(value)") }
}

/// The inputs of a Z' exchange at momentum scale q, checked where they enter: a finite coupling,
/// M ≥ 0 and q ≥ 0 (MeV), not both zero (the propagator 1/(M² + q²) would be infinite), and M² + q²
/// finite (an overflow would turn the shift into a silent zero).
public func requireExchange(coupling g: Double, mass: Double, momentum q: Double) throws {
    try requireFinite(g, "coupling g")
    try requireNonNegative(mass, "mediator mass M")
    try requireNonNegative(q, "momentum scale q")
    guard mass + q > 0 else { throw PhysicsError.unphysical("a massless Z' at q = 0 has an infinite propagator") }
    guard (mass * mass + q * q).isFinite else {
        throw PhysicsError.unphysical("M = \(mass) MeV, q = \(q) MeV: M² + q² overflows a double")
    }
}
