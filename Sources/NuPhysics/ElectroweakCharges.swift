/// Standard Model quantum numbers of the electron, the inputs from which each path builds its
/// own chiral couplings g_L = T₃ − Q s_W², g_R = −Q s_W².
public enum ElectronCharges {
    /// Weak isospin of the left-handed electron.
    public static let isospin = -0.5
    /// Electric charge in units of e.
    public static let electricCharge = -1.0
}
