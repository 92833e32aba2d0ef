import Foundation
import NuCoherent
import NuData
import NuPhysics

/// What 002's Borexino ⁷Be bound (Sec. IV.B, Fig. 4) takes from outside, read from `Reference/`:
/// 002's line energy (0.861 MeV) and 2.7% rate uncertainty (`002_abdullah_et_al.json`); the ν_e survival
/// probability at 862 keV, P_ee = 0.51 (Borexino, PRL 107 (2011) 141302, 002's Ref. [47]), the lower end
/// of Borexino Phase-II's fit window, 0.19 MeV (arXiv:1707.09279, 002's Ref. [46]), and sin²θ₂₃ = 0.5
/// (maximal: NuFIT 6.0 finds no preference for either octant) (`borexino.json`).
///
/// The flavours at Borexino, to leading order in θ₁₃ (the solar ν_e arrive as an incoherent mixture of
/// ν₁ and ν₂, whose ν_μ : ν_τ content is cos²θ₂₃ : sin²θ₂₃): ν_e with P_ee, ν_μ with (1 − P_ee)cos²θ₂₃,
/// ν_τ with (1 − P_ee)sin²θ₂₃. The recoil window is [T_min, T_max(E)] in true electron kinetic energy
/// (no resolution, no quenching): the ⁷Be edge T_max = 0.665 MeV lies inside the fit window 0.19-2.93 MeV.
public struct BorexinoSetup: Sendable, Equatable {
    public static let file = "borexino.json"
    public static let paperFile = "002_abdullah_et_al.json"
    /// ⁷Be line energy (MeV).
    public let energy: Double
    /// Relative 1σ uncertainty of the measured rate.
    public let rateUncertainty: Double
    public let survivalProbability: Double
    public let sin2Theta23: Double
    /// Lower end of the recoil window (MeV).
    public let recoilMin: Double

    /// A setup with every number given; each is checked where it enters.
    public init(
        energy: Double, rateUncertainty: Double, survivalProbability: Double, sin2Theta23: Double,
        recoilMin: Double
    ) throws {
        try requirePositive(energy, "⁷Be line energy")
        for (value, name) in [
            (rateUncertainty, "relative rate uncertainty"), (survivalProbability, "P_ee"),
            (sin2Theta23, "sin²θ₂₃"),
        ] where !(value > 0 && value < 1) {
            throw PhysicsError.unphysical("\(name) must lie in (0, 1), got \(value)")
        }
        try Kinematics.validateRecoil(recoilMin, energy: energy, targetMass: Constants.electronMass)
        self.energy = energy
        self.rateUncertainty = rateUncertainty
        self.survivalProbability = survivalProbability
        self.sin2Theta23 = sin2Theta23
        self.recoilMin = recoilMin
    }

    /// The flavours at the detector and their fractions (they add to 1).
    public var flavours: [(flavor: Flavor, weight: Double)] {
        let other = 1 - survivalProbability
        return [(.nue, survivalProbability), (.numu, other * (1 - sin2Theta23)), (.nutau, other * sin2Theta23)]
    }

    /// The setup of `Reference/`, read once per context; a damaged entry is an error naming it.
    public static func read(_ context: CoherentContext = .shared) throws -> BorexinoSetup {
        try context.memo("borexino.setup") { try load(try context.referenceLibrary()) }
    }

    static func load(_ reference: ReferenceLibrary) throws -> BorexinoSetup {
        func value(_ file: String, _ id: String, below one: Bool = false) throws -> Double {
            let x = try reference.positiveValue(file, id, citedFrom: "BorexinoSetup")
            guard !one || x < 1 else {
                throw HarnessError.file(path: file, field: id, message: "is \(x); a probability or fraction is < 1")
            }
            return x
        }
        let energy = try value(paperFile, "sec4B.be7_energy")
        let window = try value(file, "fitWindow.lower")
        guard window < Kinematics.maximumRecoil(energy: energy, targetMass: Constants.electronMass) else {
            throw HarnessError.file(
                path: file, field: "fitWindow.lower", message: "is \(window) MeV, above the ⁷Be recoil edge")
        }
        return try BorexinoSetup(
            energy: energy, rateUncertainty: try value(paperFile, "sec4B.be7_rate_uncertainty", below: true),
            survivalProbability: try value(file, "pee.be7", below: true),
            sin2Theta23: try value(file, "sin2Theta23", below: true), recoilMin: window)
    }

    /// This setup with some numbers replaced (nil keeps the Reference value).
    public func with(recoilMin: Double? = nil, survivalProbability: Double? = nil, sin2Theta23: Double? = nil)
        throws -> BorexinoSetup
    {
        try BorexinoSetup(
            energy: energy, rateUncertainty: rateUncertainty,
            survivalProbability: survivalProbability ?? self.survivalProbability,
            sin2Theta23: sin2Theta23 ?? self.sin2Theta23, recoilMin: recoilMin ?? self.recoilMin)
    }
}
