import Foundation
import GSLKit
import NuClosedForm
import NuPhysics

/// The CENNS-10 CEvNS prediction in the release's 12 energy × 10 time bins (004 Eq. (4)):
/// N_ij = N_Ar η Σ_ν ∫dT A·R(E_rec | QF(T)T) ⟨dσ/dT⟩_ν f_j(ν), with the release's quenching
/// QF = a + b T[keVnr], Gaussian resolution σ = c √E_ee[keVee], the released efficiency in
/// reconstructed energy, and arrival times from the Gaussian proton pulse convolved with the pion
/// and muon lifetimes. Every number comes from `AnalysisInputs` (ids `ar.*`).
public struct ArgonPredictor: Sendable {
    public let release: ArgonRelease
    public let inputs: AnalysisInputs
    /// N_targets × η, cm⁻².
    public let exposure: Double
    public let arrival: ArrivalTimeModel
    public let qf: (a: Double, b: Double)
    public let resolution: Double
    public let response: FoldedResponse

    public init(release: ArgonRelease, inputs: AnalysisInputs) throws {
        self.release = release
        self.inputs = inputs
        let targets = try inputs("avogadro") * inputs("ar.mass") * 1000 / inputs("ar.molarMass")
        exposure =
            targets
            * PionDecayFlux.normalization(
                perFlavorPerPOT: try inputs("ar.nuPerFlavorPerPOT"),
                protonsOnTarget: try inputs("ar.pot"), baseline: try inputs("ar.baseline"))
        arrival = try ArrivalTimeModel(
            mean: try inputs("ar.pot.mean"), width: try inputs("ar.pot.width"),
            pionLifetime: try inputs("tau.pion"), muonLifetime: try inputs("tau.muon"))
        qf = (try inputs("ar.qf.a"), try inputs("ar.qf.b"))
        resolution = try inputs("ar.resolution.a")
        let (qf, resolution, arrival) = (qf, resolution, arrival)
        response = try FoldedResponse(
            nuclei: [NuclearData.ar40], energyBins: ArgonRelease.energyBins, exposure: exposure,
            response: { t in Self.energyResponse(recoil: t, release: release, qf: qf, resolution: resolution) },
            timeFractions: { flavor in
                (0..<ArgonRelease.timeBins).map { j in
                    ArrivalTime.fraction(
                        flavor, arrival, from: ArgonRelease.timeEdges[j] * 1000,
                        to: ArgonRelease.timeEdges[j + 1] * 1000)
                }
            })
    }

    /// Probability that a recoil of T (MeV) is reconstructed in each energy bin, times the
    /// efficiency (applied on the release's 0.5 keVee grid).
    static func energyResponse(
        recoil t: Double, release: ArgonRelease, qf: (a: Double, b: Double),
        resolution: Double
    ) -> [Double] {
        let tKeV = t * 1000
        let eee = (qf.a + qf.b * tKeV) * tKeV
        let sigma = max(resolution * eee.squareRoot(), 1e-9)
        func cdf(_ x: Double) -> Double { 0.5 * erfc(-(x - eee) / (sigma * 2.0.squareRoot())) }
        return (0..<ArgonRelease.energyBins).map { i in
            var p = 0.0
            var lo = ArgonRelease.energyEdges[i]
            while lo < ArgonRelease.energyEdges[i + 1] - 1e-9 {
                let hi = lo + 0.5
                p += release.efficiency(at: lo + 0.25) * (cdf(hi) - cdf(lo))
                lo = hi
            }
            return p
        }
    }

    /// CEvNS events [energy][time] for the signal model.
    public func cevns(_ model: SignalModel, path: Path = .closedForm) throws -> [[Double]] {
        try response.predict(model, path: path)
    }
}

/// The CsI time efficiency: 1 below `start`, exp(−slope (t − start)) up to `end`, 0 after
/// (t in µs on the t_rec axis; ids `csi.timeEfficiency.*`).
public struct CsITimeEfficiency: Sendable {
    public let start: Double, slope: Double, end: Double

    public init(_ inputs: AnalysisInputs) throws {
        start = try inputs("csi.timeEfficiency.start")
        slope = try inputs("csi.timeEfficiency.slope")
        end = try inputs("csi.timeEfficiency.end")
    }

    public func callAsFunction(_ t: Double) -> Double {
        t < start ? 1 : (t > end ? 0 : exp(-slope * (t - start)))
    }
}

/// The CsI[Na] CEvNS prediction in 9 PE × 11 time bins: per CsI formula unit Cs and I, the
/// release's quartic scintillation response, the light yield, the Gamma resolution
/// (shape 1 + b E_ee[keVee], mean light yield × E_ee), the released energy efficiency (negative
/// values of the fitted curve at a few PE are taken as 0) and the time efficiency. Every number
/// comes from `AnalysisInputs` (ids `csi.*`); the pulse timing is fitted to the NIN spectrum.
public struct CsIPredictor: Sendable {
    public let release: CsIRelease
    public let inputs: AnalysisInputs
    public let exposure: Double
    public let arrival: ArrivalTimeModel
    public let timeEfficiency: CsITimeEfficiency
    public let response: FoldedResponse

    public init(release: CsIRelease, inputs: AnalysisInputs, arrivalMean: Double) throws {
        self.release = release
        self.inputs = inputs
        let units = try inputs("avogadro") * inputs("csi.mass") * 1000 / inputs("csi.molarMass")
        exposure =
            units
            * PionDecayFlux.normalization(
                perFlavorPerPOT: try inputs("csi.nuPerFlavorPerPOT"),
                protonsOnTarget: try inputs("csi.pot"), baseline: try inputs("csi.baseline"))
        let arrival = try ArrivalTimeModel(
            mean: arrivalMean, width: try inputs("csi.pot.width"),
            pionLifetime: try inputs("tau.pion"), muonLifetime: try inputs("tau.muon"))
        self.arrival = arrival
        let timeEfficiency = try CsITimeEfficiency(inputs)
        self.timeEfficiency = timeEfficiency
        let lightYield = try inputs("csi.lightYield")
        let gammaB = try inputs("csi.gamma.b")
        response = try FoldedResponse(
            nuclei: [NuclearData.cs133, NuclearData.i127], energyBins: CsIRelease.peEdges.count - 1, exposure: exposure,
            response: { t in
                try Self.energyResponse(
                    recoil: t, release: release, lightYield: lightYield,
                    gammaB: gammaB)
            },
            timeFractions: { flavor in Self.timeFractions(flavor, arrival, timeEfficiency) })
    }

    static func efficiency(pe x: Double, _ release: CsIRelease) -> Double {
        let e = release.efficiency
        return max(0, e.a / (1 + exp(-e.b * (x - e.c))) + e.d)
    }

    static func energyResponse(
        recoil t: Double, release: CsIRelease, lightYield: Double,
        gammaB: Double
    ) throws -> [Double] {
        let r = release.response
        let eee = (r.a * t + r.b * t * t + r.c * t * t * t + r.d * t * t * t * t) * 1000  // keVee
        guard eee > 0 else { return Array(repeating: 0, count: CsIRelease.peEdges.count - 1) }
        let mean = lightYield * eee
        let shape = 1 + gammaB * eee
        let rate = shape / mean
        return try (0..<(CsIRelease.peEdges.count - 1)).map { i in
            var p = 0.0
            var lo = CsIRelease.peEdges[i]
            var below = try SpecialFunctions.regularizedGammaP(shape, rate * lo)
            while lo < CsIRelease.peEdges[i + 1] - 1e-9 {
                let hi = lo + 0.5
                let above = try SpecialFunctions.regularizedGammaP(shape, rate * hi)
                p += efficiency(pe: lo + 0.25, release) * (above - below)
                lo = hi
                below = above
            }
            return p
        }
    }

    /// Time-efficiency-weighted arrival fraction in each time bin (integrated on 0.01 µs steps).
    static func timeFractions(
        _ flavor: Flavor, _ arrival: ArrivalTimeModel,
        _ efficiency: CsITimeEfficiency
    ) -> [Double] {
        (0..<(CsIRelease.timeEdges.count - 1)).map { j in
            let a = CsIRelease.timeEdges[j]
            let b = CsIRelease.timeEdges[j + 1]
            let n = max(1, Int(((b - a) / 0.01).rounded()))
            let h = (b - a) / Double(n)
            return (0..<n).reduce(0) { s, k in
                let t0 = a + Double(k) * h
                return s + efficiency(t0 + h / 2)
                    * ArrivalTime.fraction(
                        flavor, arrival, from: t0 * 1000,
                        to: (t0 + h) * 1000)
            }
        }
    }

    public func cevns(_ model: SignalModel, path: Path = .closedForm) throws -> [[Double]] {
        try response.predict(model, path: path)
    }
}

public func total(_ h: [[Double]]) -> Double { h.reduce(0) { $0 + $1.reduce(0, +) } }
