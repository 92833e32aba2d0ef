extension Target {
    /// Σ_i w_i f(nucleus_i) over the components whose recoil endpoint 2E²/(M_i + 2E) is at or above
    /// T: a component that cannot recoil by T contributes nothing. T above every component's
    /// endpoint is an error, as is a bad energy or recoil.
    public func sum(energy: Double, recoil: Double, _ f: (Nucleus) throws -> Double) throws -> Double {
        try requirePositive(energy, "neutrino energy")
        try requireNonNegative(recoil, "recoil energy")
        let open = components.filter { recoil <= Kinematics.maximumRecoil(energy: energy, targetMass: $0.nucleus.mass) }
        guard !open.isEmpty else {
            let tMax =
                components.map {
                    Kinematics.maximumRecoil(
                        energy: energy,
                        targetMass: $0.nucleus.mass)
                }.max() ?? 0
            throw PhysicsError.unphysical(
                "recoil \(recoil) MeV is above the endpoint \(tMax) MeV of every nucleus of "
                    + "\(name) at E = \(energy) MeV")
        }
        return try open.reduce(0) { $0 + $1.weight * (try f($1.nucleus)) }
    }
}
