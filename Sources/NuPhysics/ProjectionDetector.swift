import Foundation

/// One detector of a projected CEvNS experiment (002 Sec. V): a target exposed to a source, a
/// threshold in nuclear recoil (no quenching: 002 names none), an exposure, a flat background and
/// equal recoil bins from the threshold to the largest recoil endpoint 2E²/(M + 2E) of the target's
/// nuclei at the source's highest energy E.
///
/// Units: energies MeV (`threshold`, bin edges), exposure kg·yr, background events/(kg·day·keV)
/// (dru), `daysPerYear` days, `avogadro` mol⁻¹.
public struct ProjectionDetector: Sendable, Equatable {
    public let target: Target
    public let source: NeutrinoSource
    public let threshold: Double
    public let exposure: Double
    public let background: Double
    public let bins: Int
    public let daysPerYear: Double
    public let avogadro: Double

    /// Checks every number where it enters: positive and finite, a whole number of bins ≥ 1, the
    /// threshold below the target's largest recoil endpoint.
    public init(
        target: Target, source: NeutrinoSource, threshold: Double, exposure: Double, background: Double,
        bins: Int, daysPerYear: Double, avogadro: Double
    ) throws {
        try requirePositive(threshold, "threshold")
        try requirePositive(exposure, "exposure", unit: "kg yr")
        try requirePositive(background, "background", unit: "dru")
        try requirePositive(daysPerYear, "days per year", unit: "days")
        try requirePositive(avogadro, "Avogadro's number", unit: "mol^-1")
        guard bins >= 1 else { throw PhysicsError.unphysical("a detector needs at least one bin, got \(bins)") }
        (self.target, self.source, self.threshold, self.exposure) = (target, source, threshold, exposure)
        (self.background, self.bins, self.daysPerYear, self.avogadro) = (background, bins, daysPerYear, avogadro)
        guard threshold < upperRecoil else {
            throw PhysicsError.unphysical(
                "threshold \(threshold) MeV is at or above the largest recoil \(upperRecoil) MeV of \(target.name) "
                    + "at E = \(source.maximumEnergy) MeV")
        }
    }

    /// The upper edge of the last bin: max over the nuclei of 2E²/(M + 2E) at the highest energy (MeV).
    public var upperRecoil: Double {
        target.components.map {
            Kinematics.maximumRecoil(energy: source.maximumEnergy, targetMass: $0.nucleus.mass)
        }.max() ?? 0
    }

    /// The bins' edges (MeV), `bins + 1` of them, equally spaced from the threshold.
    public var binEdges: [Double] {
        let width = (upperRecoil - threshold) / Double(bins)
        return (0...bins).map { $0 == bins ? upperRecoil : threshold + Double($0) * width }
    }

    /// Formula units (a compound: Σ w_i = nuclei per unit) or atoms (an isotope mixture: Σ w_i = 1)
    /// per kg: 1000 g / (Σ w_i A_i g/mol) × N_A, A_i the atomic masses in u.
    public var unitsPerKilogram: Double {
        1000 / target.components.reduce(0) { $0 + $1.weight * $1.nucleus.atomicMassU } * avogadro
    }

    /// Events per unit of Σ_flavour Φ_f ∫⟨dσ/dT⟩ dT in MeV⁻² per target unit per second:
    /// units in the exposure × its seconds (days per year × 86400) × (ħc)² (MeV² cm²).
    public var eventsPerRate: Double {
        exposure * unitsPerKilogram * daysPerYear * 86400 * Constants.squaredHbarCInMeV2Cm2
    }

    /// The detector's response, shared by both paths: in each recoil bin [lo, hi], Σ over the
    /// target's nuclei (by weight) and the source's flavours of a path's `term` (the (SM, g², g⁴)
    /// parts of Φ_f ∫ dσ/dT dT), times `eventsPerRate`.
    public func binSums(
        _ term: (_ flavor: Flavor, _ nucleus: Nucleus, _ lo: Double, _ hi: Double) throws -> (Double, Double, Double)
    ) rethrows -> [(standardModel: Double, a: Double, b: Double)] {
        let edges = binEdges
        return try (0..<bins).map { bin in
            var sums = (0.0, 0.0, 0.0)
            for (nucleus, weight) in target.components {
                for flavor in source.flavors {
                    let t = try term(flavor, nucleus, edges[bin], edges[bin + 1])
                    sums = (sums.0 + weight * t.0, sums.1 + weight * t.1, sums.2 + weight * t.2)
                }
            }
            return (eventsPerRate * sums.0, eventsPerRate * sums.1, eventsPerRate * sums.2)
        }
    }

    /// The flat background's counts in each bin: dru × kg·day × the bin's width in keV.
    public var backgroundCounts: [Double] {
        let edges = binEdges
        return (0..<bins).map { background * exposure * daysPerYear * (edges[$0 + 1] - edges[$0]) * 1000 }
    }
}

/// A projected experiment: one or more detectors fitted with one normalisation nuisance (002 Eq. (14)
/// sums over bins and detectors).
public struct ProjectionExperiment: Sendable, Equatable {
    public let name: String
    public let summary: String
    public let detectors: [ProjectionDetector]

    public init(name: String, summary: String, detectors: [ProjectionDetector]) throws {
        guard !detectors.isEmpty else { throw PhysicsError.unphysical("experiment \(name) has no detector") }
        (self.name, self.summary, self.detectors) = (name, summary, detectors)
    }
}
