import Foundation
import GSLKit
import NuClosedForm
import NuNumerical
import NuPhysics

/// Which path folds the flux with the cross section.
public enum FoldingPath: Sendable { case closedForm, numerical }

/// The physics choices of a CEvNS prediction: the mediator and 004's options.
public struct SignalModel: Sendable {
    public let mediator: CEvNSMediator
    public let convention: CoefficientConvention
    public let formFactor: FormFactorModel
    public let loop: LoopMixingMode

    public init(mediator: CEvNSMediator = .none, convention: CoefficientConvention = .full,
                formFactor: FormFactorModel = .helm, loop: LoopMixingMode = .exact) {
        self.mediator = mediator
        self.convention = convention
        self.formFactor = formFactor
        self.loop = loop
    }

    /// Flux-averaged dσ/dT of one π-DAR component on one nucleus at recoil T (MeV), in cm²/MeV per neutrino.
    func averaged(_ flavor: Flavor, _ nucleus: Nucleus, recoil t: Double, path: FoldingPath) throws -> Double {
        let p = try CEvNSPoint(nucleus: nucleus, flavor: flavor, energy: PionDecayFlux.maximumEnergy, recoil: t,
                               mediator: mediator, convention: convention, formFactor: formFactor, loop: loop)
        let value = path == .closedForm ? try FluxFolding.averagedCrossSection(flavor, p) : try FluxFoldingQuadrature.averagedCrossSection(flavor, p)
        return value * Constants.squaredHbarCInMeV2Cm2
    }
}

/// Integrates the vector function f over [0, tMax] (MeV) by the composite Simpson rule on about
/// `steps` intervals, split at the kinks `breaks` (the prompt line's endpoints), where the folded
/// spectrum is not smooth.
func simpson(upTo tMax: Double, breaks: [Double], steps: Int, dimension: Int, _ f: (Double) throws -> [Double]) rethrows -> [Double] {
    let nodes = [0] + breaks.filter { $0 > 0 && $0 < tMax }.sorted() + [tMax]
    var total = Array(repeating: 0.0, count: dimension)
    for (a, b) in zip(nodes, nodes.dropFirst()) {
        let n = max(2, Int(Double(steps) * (b - a) / tMax) / 2 * 2)
        let h = (b - a) / Double(n)
        for k in 0...n {
            let weight = (k == 0 || k == n ? 1.0 : (k % 2 == 1 ? 4 : 2)) * h / 3
            let values = try f(a + Double(k) * h)
            for d in 0..<dimension { total[d] += weight * values[d] }
        }
    }
    return total
}

/// The CENNS-10 CEvNS prediction in the release's 12 energy × 10 time bins (004 Eq. (4)):
/// N_ij = N_Ar η Σ_ν ∫dT A·R(E_rec | QF(T)T) ⟨dσ/dT⟩_ν f_j(ν), with the release's quenching
/// QF = 0.246 + 0.00078 T[keVnr], Gaussian resolution σ = 0.58 √E_ee[keVee], the released
/// efficiency in reconstructed energy, and arrival times from the Gaussian proton pulse
/// (440 ns, 150 ns on the t_trig axis) convolved with the pion and muon lifetimes.
public struct ArgonPredictor: Sendable {
    public let release: ArgonRelease
    public let exposure: Double      // N_targets × η, cm⁻²
    public let arrival: ArrivalTimeModel
    public let qf: (a: Double, b: Double)
    public let resolution: Double

    public init(release: ArgonRelease, pot: Double = 13.8e22, baseline: Double = 27.5, mass: Double = 24.4,
                perFlavorPerPOT: Double = 0.09, molarMass: Double = 39.948, arrivalMean: Double = 440, arrivalWidth: Double = 150) throws {
        self.release = release
        let targets = 6.02214076e23 * mass * 1000 / molarMass
        exposure = targets * PionDecayFlux.normalization(perFlavorPerPOT: perFlavorPerPOT, protonsOnTarget: pot, baseline: baseline)
        arrival = try ArrivalTimeModel(mean: arrivalMean, width: arrivalWidth)
        qf = (0.246, 0.00078)
        resolution = 0.58
    }

    /// Probability that a recoil of T (MeV) is reconstructed in each energy bin, times the efficiency.
    func energyResponse(recoil t: Double) -> [Double] {
        let tKeV = t * 1000, eee = (qf.a + qf.b * tKeV) * tKeV
        let sigma = max(resolution * eee.squareRoot(), 1e-9)
        func cdf(_ x: Double) -> Double { 0.5 * erfc(-(x - eee) / (sigma * 2.0.squareRoot())) }
        return (0..<ArgonRelease.energyBins).map { i in
            var p = 0.0, lo = ArgonRelease.energyEdges[i]
            while lo < ArgonRelease.energyEdges[i + 1] - 1e-9 {
                let hi = lo + 0.5
                p += release.efficiency(at: lo + 0.25) * (cdf(hi) - cdf(lo))
                lo = hi
            }
            return p
        }
    }

    /// CEvNS events [energy][time] for the signal model.
    public func cevns(_ model: SignalModel, path: FoldingPath = .closedForm, steps: Int = 1500) throws -> [[Double]] {
        let nucleus = NuclearData.ar40
        let tMax = Kinematics.maximumRecoil(energy: PionDecayFlux.maximumEnergy, targetMass: nucleus.mass)
        let promptEnd = Kinematics.maximumRecoil(energy: PionDecayFlux.promptEnergy, targetMass: nucleus.mass)
        var result = Array(repeating: Array(repeating: 0.0, count: ArgonRelease.timeBins), count: ArgonRelease.energyBins)
        for flavor in PionDecayFlux.components {
            let times = (0..<ArgonRelease.timeBins).map { j in
                ArrivalTime.fraction(flavor, arrival, from: ArgonRelease.timeEdges[j] * 1000, to: ArgonRelease.timeEdges[j + 1] * 1000)
            }
            let perBin = try simpson(upTo: tMax, breaks: [promptEnd], steps: steps, dimension: ArgonRelease.energyBins) { t in
                guard t > 0 else { return Array(repeating: 0, count: ArgonRelease.energyBins) }
                let rate = try model.averaged(flavor, nucleus, recoil: t, path: path)
                return energyResponse(recoil: t).map { rate * $0 }
            }
            for i in 0..<ArgonRelease.energyBins { for j in 0..<ArgonRelease.timeBins { result[i][j] += exposure * perBin[i] * times[j] } }
        }
        return result
    }
}

/// The CsI[Na] CEvNS prediction in 9 PE × 11 time bins: per CsI formula unit Cs and I, the
/// release's quartic scintillation response, 13.35 PE/keVee, the Gamma resolution
/// (shape 1 + 9.56 E_ee[keVee], mean 13.35 E_ee), the released energy efficiency (negative values
/// of the fitted curve at a few PE are taken as 0) and time efficiency.
public struct CsIPredictor: Sendable {
    public let release: CsIRelease
    public let exposure: Double
    public let arrival: ArrivalTimeModel

    public init(release: CsIRelease, pot: Double = 3.198e23, baseline: Double = 19.3, mass: Double = 14.6,
                perFlavorPerPOT: Double = 0.0848, molarMass: Double = 259.8, arrivalMean: Double, arrivalWidth: Double = 150) throws {
        self.release = release
        let units = 6.02214076e23 * mass * 1000 / molarMass
        exposure = units * PionDecayFlux.normalization(perFlavorPerPOT: perFlavorPerPOT, protonsOnTarget: pot, baseline: baseline)
        arrival = try ArrivalTimeModel(mean: arrivalMean, width: arrivalWidth)
    }

    func efficiency(pe x: Double) -> Double {
        let e = release.efficiency
        return max(0, e.a / (1 + exp(-e.b * (x - e.c))) + e.d)
    }

    func timeEfficiency(_ t: Double) -> Double {
        t < 0.52 ? 1 : (t > 6 ? 0 : exp(-0.0494 * (t - 0.52)))
    }

    func energyResponse(recoil t: Double) throws -> [Double] {
        let r = release.response
        let eee = (r.a * t + r.b * t * t + r.c * t * t * t + r.d * t * t * t * t) * 1000  // keVee
        guard eee > 0 else { return Array(repeating: 0, count: CsIRelease.peEdges.count - 1) }
        let mean = 13.35 * eee, shape = 1 + 9.56 * eee, rate = shape / mean
        return try (0..<(CsIRelease.peEdges.count - 1)).map { i in
            var p = 0.0, lo = CsIRelease.peEdges[i]
            while lo < CsIRelease.peEdges[i + 1] - 1e-9 {
                let hi = lo + 0.5
                p += efficiency(pe: lo + 0.25) * (try SpecialFunctions.regularizedGammaP(shape, rate * hi) - SpecialFunctions.regularizedGammaP(shape, rate * lo))
                lo = hi
            }
            return p
        }
    }

    /// Time-efficiency-weighted arrival fraction in each time bin (integrated on 0.01 µs steps).
    func timeFractions(_ flavor: Flavor) -> [Double] {
        (0..<(CsIRelease.timeEdges.count - 1)).map { j in
            let a = CsIRelease.timeEdges[j], b = CsIRelease.timeEdges[j + 1]
            let n = max(1, Int(((b - a) / 0.01).rounded()))
            let h = (b - a) / Double(n)
            return (0..<n).reduce(0) { s, k in
                let t0 = a + Double(k) * h
                return s + timeEfficiency(t0 + h / 2) * ArrivalTime.fraction(flavor, arrival, from: t0 * 1000, to: (t0 + h) * 1000)
            }
        }
    }

    public func cevns(_ model: SignalModel, path: FoldingPath = .closedForm, steps: Int = 1200) throws -> [[Double]] {
        var result = Array(repeating: Array(repeating: 0.0, count: CsIRelease.timeEdges.count - 1), count: CsIRelease.peEdges.count - 1)
        for nucleus in [NuclearData.cs133, NuclearData.i127] {
            let tMax = Kinematics.maximumRecoil(energy: PionDecayFlux.maximumEnergy, targetMass: nucleus.mass)
            let promptEnd = Kinematics.maximumRecoil(energy: PionDecayFlux.promptEnergy, targetMass: nucleus.mass)
            for flavor in PionDecayFlux.components {
                let times = timeFractions(flavor)
                let bins = CsIRelease.peEdges.count - 1
                let perBin = try simpson(upTo: tMax, breaks: [promptEnd], steps: steps, dimension: bins) { t in
                    guard t > 0 else { return Array(repeating: 0, count: bins) }
                    let rate = try model.averaged(flavor, nucleus, recoil: t, path: path)
                    return try energyResponse(recoil: t).map { rate * $0 }
                }
                for i in perBin.indices { for j in times.indices { result[i][j] += exposure * perBin[i] * times[j] } }
            }
        }
        return result
    }
}

public func total(_ h: [[Double]]) -> Double { h.reduce(0) { $0 + $1.reduce(0, +) } }
