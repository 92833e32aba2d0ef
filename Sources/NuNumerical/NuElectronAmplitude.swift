import NuPhysics

/// Neutrino-electron scattering from the squared amplitude in Mandelstam variables: the
/// numerical path's own integrand, written independently of the closed-form module.
///
/// With s = m² + 2mE, t = −2mT, u = 2m² − s − t and effective chiral couplings ε_L, ε_R of the
/// electron (SM plus Z' exchange at momentum transfer t),
///
///     dσ/dt = G_F²/(π(s − m²)²) [ε₁²(s − m²)² + ε₂²(u − m²)² + 2m²ε₁ε₂ t],  dσ/dT = 2m dσ/dt,
///
/// where (ε₁, ε₂) = (ε_L, ε_R) for neutrinos and (ε_R, ε_L) for antineutrinos;
/// ε_L = T₃ − Q s_W² (+1 for ν_e, W exchange) + g_ν g_{Le}/(2√2G_F(M² − t)),
/// ε_R = −Q s_W² + g_ν g_{Re}/(2√2G_F(M² − t)). Units MeV⁻³.
public enum NuElectronAmplitude {
    public static func differentialCrossSection(_ p: NuElectronPoint) -> Double {
        let (left, right) = chiralCouplings(p)
        return crossSection(p, left: left, right: right)
    }

    /// Effective (ε_L, ε_R) at the point's momentum transfer.
    static func chiralCouplings(_ p: NuElectronPoint) -> (Double, Double) {
        let t = -2 * Constants.electronMass * p.recoil
        let charged = p.flavor.lepton == .e ? 1.0 : 0.0
        var left = ElectronCharges.isospin - ElectronCharges.electricCharge * p.sin2ThetaW + charged
        var right = -ElectronCharges.electricCharge * p.sin2ThetaW
        if !p.mediator.isStandardModel {
            let amplitude = p.neutrinoCoupling
                / (2 * 2.0.squareRoot() * Constants.fermiConstant * (p.mediator.mass * p.mediator.mass - t))
            left += amplitude * p.electron.left
            right += amplitude * p.electron.right
        }
        return (left, right)
    }

    /// dσ/dT (MeV⁻³) for given effective chiral couplings.
    static func crossSection(_ p: NuElectronPoint, left: Double, right: Double) -> Double {
        let m = Constants.electronMass, gF = Constants.fermiConstant
        let s = m * m + 2 * m * p.energy
        let t = -2 * m * p.recoil
        let u = 2 * m * m - s - t
        let (e1, e2) = p.flavor.isAntineutrino ? (right, left) : (left, right)
        let sm = s - m * m, um = u - m * m
        let dSigmaDt = gF * gF / (Double.pi * sm * sm) * (e1 * e1 * sm * sm + e2 * e2 * um * um + 2 * m * m * e1 * e2 * t)
        return 2 * m * dSigmaDt
    }
}
