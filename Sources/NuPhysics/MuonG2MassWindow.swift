/// The mediator masses both (g−2)_μ mass roots search, [10⁻⁴, 10⁶] MeV (a shared input, stated in
/// `g2.mass`'s ledger), and the check that a root lies inside: δa_μ falls monotonically with M, so
/// one exists when δa at the lightest mass reaches Δa and at the heaviest falls below it.
public enum MuonG2MassWindow {
    public static let lightest = 1e-4, heaviest = 1e6

    /// Throws `unphysical` when δa_μ(g, M) = `target` has no root in the window.
    public static func requireRoot(reach: Double, floor: Double, target: Double, g: Double) throws {
        guard reach >= target, floor <= target else {
            throw PhysicsError.unphysical(
                "no mass in [\(lightest), \(heaviest)] MeV gives δa_μ = \(target) with g = "
                    + "\(g): δa_μ runs from \(reach) to \(floor)")
        }
    }
}
