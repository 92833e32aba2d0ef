/// Two-body elastic kinematics shared by both paths (used to validate inputs).
public enum Kinematics {
    /// Largest kinetic recoil energy T_max = 2E²/(m + 2E) (MeV) of a target of mass m at rest hit
    /// by a massless particle of energy E (001 slide "Neutrino-electron scattering"). E, m > 0.
    public static func maximumRecoil(energy: Double, targetMass: Double) -> Double {
        2 * energy * energy / (targetMass + 2 * energy)
    }

    /// Throws unless 0 ≤ T ≤ T_max(E) and E > 0.
    public static func validateRecoil(_ recoil: Double, energy: Double, targetMass: Double) throws {
        try requirePositive(energy, "neutrino energy")
        try requireNonNegative(recoil, "recoil energy")
        let tMax = maximumRecoil(energy: energy, targetMass: targetMass)
        if recoil > tMax {
            throw PhysicsError.unphysical("recoil \(recoil) MeV is above T_max = \(tMax) MeV for E = \(energy) MeV")
        }
    }
}
