import Foundation
import NuBeams
import NuCoherent
import NuData
import NuPhysics

/// The DUNE setup, fluxes and electron count, read once.
public enum DuneContext {
    public static func load() throws -> (fluxes: [DuneSensitivity.Mode: TabulatedFlux], setup: DuneSensitivity.Setup,
        electrons: Double) {
        let reference = try ReferenceLibrary(directory: try CoherentContext.shared.referenceDirectory())
        let fluxes: [DuneSensitivity.Mode: TabulatedFlux] = [.nu: try TabulatedFlux(url: BeamData.url("dune-nd-nu")),
                                                             .nubar: try TabulatedFlux(url: BeamData.url("dune-nd-nubar"))]
        let setup = try DuneSensitivity.Setup(reference)
        let inputs = try CoherentContext.shared.inputs(.release)
        let electrons = setup.targetTon * 1e6 / (try inputs("ar.molarMass")) * (try inputs("avogadro"))
            * Double(NuclearData.ar40.protons)
        return (fluxes, setup, electrons)
    }
}
