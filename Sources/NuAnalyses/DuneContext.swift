import Foundation
import NuBeams
import NuCoherent
import NuData
import NuPhysics

/// The DUNE setup, fluxes and electron count, read once per context.
public enum DuneContext {
    public typealias Loaded = (
        fluxes: [DuneSensitivity.Mode: TabulatedFlux], setup: DuneSensitivity.Setup,
        electrons: Double
    )

    public static func load(_ context: CoherentContext) throws -> Loaded {
        try context.memo("dune") { try read(context) }
    }

    private static func read(_ context: CoherentContext) throws -> Loaded {
        let reference = try context.referenceLibrary()
        let fluxes: [DuneSensitivity.Mode: TabulatedFlux] = [
            .nu: try BeamData.table("dune-nd-nu"),
            .nubar: try BeamData.table("dune-nd-nubar"),
        ]
        let setup = try DuneSensitivity.Setup(reference)
        let inputs = try context.inputs(.release)
        let electrons =
            setup.targetTon * 1e6 / (try inputs("ar.molarMass")) * (try inputs("avogadro"))
            * Double(NuclearData.ar40.protons)
        return (fluxes, setup, electrons)
    }
}
