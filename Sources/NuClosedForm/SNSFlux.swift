import Foundation
import NuPhysics

/// The time-averaged π-DAR neutrino flux at a detector, all three flavours (cm⁻² s⁻¹):
///
///     Φ = 3 r (P/E_p)/(4π L²),  E_p = exposure/POT (J per proton)
///
/// r neutrinos of each flavour per proton on target, beam power P in MW, exposure in GWh over
/// `pot` protons, baseline L in m (004 Sec. II gives r and L). All inputs > 0.
public enum SNSFlux {
    public static func allFlavours(
        powerMW: Double, exposureGWh: Double, pot: Double,
        neutrinosPerFlavorPerPOT r: Double, baselineMetres: Double
    ) throws -> Double {
        try requirePositive(powerMW, "beam power", unit: "MW")
        let joulesPerProton = exposureGWh * 3.6e12 / pot
        let protonsPerSecond = powerMW * 1e6 / joulesPerProton
        let baselineCm = baselineMetres * 100
        return 3 * r * protonsPerSecond / (4 * Double.pi * baselineCm * baselineCm)
    }
}
