import Foundation
import NuClosedForm
import NuCoherent
import NuNumerical
import NuPhysics
import NuData
import NuAnalyses

/// Nanoseconds per evaluation of each path of each quantity, measured side by side in one run.
public enum Benchmark {
    public struct Row: Sendable {
        public let quantity: String
        public let inputs: [String: String]
        public let closedFormNanoseconds: Double
        public let numericalNanoseconds: Double?
        /// numerical / closed form.
        public var ratio: Double? { numericalNanoseconds.map { $0 / closedFormNanoseconds } }
    }

    /// One quantity at a representative point, with both paths as closures over inputs that are
    /// already parsed and validated, so the timing is the physics and not the text parsing.
    public struct Case: @unchecked Sendable {
        public let quantity: String
        public let inputs: [String: String]
        let closed: () throws -> Double
        let numerical: (() throws -> Double)?
    }

    /// A representative point for each quantity (the same inputs, as text, in `inputs`).
    public static func cases() throws -> [Case] {
        let bl = try ZPrime(model: ModelRegistry.bMinusL, g: 1e-4, mass: 10)
        let point = try NuElectronPoint(flavor: .numu, energy: 30, recoil: 10, mediator: bl)
        let blText = ["model": "B-L", "g": "1e-4", "mass": "10MeV"]
        let g2 = ["mediator": "vector", "g": "1e-3", "mass": "10MeV"]
        let chi2 = (o: [12.0, 30, 41, 25, 9], p: [10.0, 33, 38, 27, 7.5], b: [3.0, 4, 4, 3, 2])
        return [
            Case(quantity: "nue.dsigma (dev)", inputs: ["flavor": "numu", "energy": "30MeV",
                "recoil": "10MeV"].merging(blText) { a, _ in a },
                 closed: { try NuElectronDev.differentialCrossSection(point) }, numerical: nil),
            Case(quantity: "nue.dsigma (general)", inputs: [:],
                closed: { try NuElectronGeneral.differentialCrossSection(point) }, numerical: nil),
            Case(quantity: "nue.dsigma (shift)", inputs: [:],
                closed: { try NuElectronShift.differentialCrossSection(point) }, numerical: nil),
            Case(quantity: "nue.sigma", inputs: ["flavor": "numu", "energy": "30MeV"].merging(blText) { a, _ in a },
                 closed: { try NuElectronTotal.crossSection(.numu, energy: 30, recoilMin: 0, mediator: bl) },
                 numerical: { try NuElectronIntegrated.crossSection(.numu, energy: 30, recoilMin: 0, mediator: bl) }),
            Case(quantity: "nue.interference", inputs: ["flavor": "numu", "energy": "30MeV",
                "recoil": "10MeV"].merging(blText) { a, _ in a },
                 closed: { try NuElectronDev.parts(point)
                     .interference }, numerical: { try NuElectronAmplitude.interference(point) }),
            Case(quantity: "dev.coefficient", inputs: ["flavor": "numubar", "index": "4"],
                 closed: { DevTable1.coefficients(.numubar, sin2ThetaW: Constants.defaultSin2ThetaW).c4 },
                 numerical: { try DevCoefficientExtraction.coefficients(.numubar,
                     sin2ThetaW: Constants.defaultSin2ThetaW)[3] }),
            Case(quantity: "nue.tmax", inputs: ["energy": "30MeV"],
                 closed: { Kinematics.maximumRecoil(energy: 30, targetMass: Constants.electronMass) },
                 numerical: { try KinematicRoots.maximumRecoil(energy: 30) }),
            Case(quantity: "trident.ratio", inputs: [:],
                closed: { CouplingRatios.tridentRatio(sin2ThetaW: Constants.defaultSin2ThetaW) },
                 numerical: { try DevCoefficientExtraction.tridentRatio(sin2ThetaW: Constants.defaultSin2ThetaW) }),
            Case(quantity: "loop.eps", inputs: ["beta": "tau", "alpha": "e", "q": "50MeV"],
                 closed: { try LoopMixing.epsilon(beta: .tau, alpha: .e, q: 50) },
                 numerical: { try LoopMixingQuadrature.epsilon(beta: .tau, alpha: .e, q: 50) }),
            Case(quantity: "g2.muon", inputs: g2, closed: { try MuonG2.deltaA(.vector, g: 1e-3, mass: 10) },
                 numerical: { try MuonG2Quadrature.deltaA(.vector, g: 1e-3, mass: 10) }),
            Case(quantity: "g2.coupling", inputs: ["mediator": "vector", "mass": "10MeV", "deltaA": "2.51e-9"],
                 closed: { try MuonG2.coupling(.vector, mass: 10, deltaA: 2.51e-9) },
                 numerical: { try MuonG2Quadrature.coupling(.vector, mass: 10, deltaA: 2.51e-9) }),
            Case(quantity: "pion.promptLine", inputs: [:], closed: { DecayKinematics.promptLine },
                numerical: { try KinematicRoots.promptLine() }),
            Case(quantity: "muon.endpoint", inputs: [:], closed: { DecayKinematics.muonDecayEndpoint },
                numerical: { try KinematicRoots.muonDecayEndpoint() }),
            Case(quantity: "scalar.sigmaPiNRatio", inputs: [:],
                 closed: { try CouplingRatios.sigmaPiNOverMud(sigmaPiN: 59.1, upMass: 2.16,
                     downMass: 4.67) }, numerical: nil),
            Case(quantity: "zprime.rescaling", inputs: ["mass": "10MeV", "q": "50MeV"],
                 closed: { try ZPrimeCoefficient.rescalingFactor(g: 1, mass: 10, q: 50) },
                 numerical: { try KinematicRoots.halfConventionRescaling(mass: 10, q: 50) }),
            Case(quantity: "chi2.dev", inputs: ["expected": "120", "standardModel": "100"],
                 closed: { try Chi2.devMinimum(expected: 120, standardModel: 100, sigma: 0.05).chi2 },
                 numerical: { try Chi2Minimization.devMinimum(expected: 120, standardModel: 100, sigma: 0.05).chi2 }),
            Case(quantity: "chi2.abdullah", inputs: ["observed": "12,30,41,25,9", "predicted": "10,33,38,27,7.5",
                "background": "3,4,4,3,2"],
                 closed: { try Chi2.abdullahMinimum(observed: chi2.o, predicted: chi2.p, background: chi2.b,
                     sigma: 0.1).chi2 },
                 numerical: { try Chi2Minimization.abdullahMinimum(observed: chi2.o, predicted: chi2.p,
                     background: chi2.b, sigma: 0.1).chi2 }),
        ] + (try cevnsCases()) + (try coherentCases())
    }

    /// The SM event predictions, the χ² minima and a bound (needs the data; left out when it is absent).
    static func coherentCases() throws -> [Case] {
        guard (try? CoherentContext.shared.argonRelease()) != nil else { return [] }
        let analysis = try CoherentContext.shared.argonAnalysis()
        let predictor = analysis.predictor
        let bl = AsymptoticLimit.Mediator.vector(ModelRegistry.bMinusL)
        _ = try analysis.bound(bl, regime: .lowMass,
            minimisation: .analytic)  // predictions computed once, outside the timing
        let sm = ArgonChi2.flat(try predictor.cevns(SignalModel()))
        let csi = try CoherentContext.shared.csiAnalysis()
        let csiSM = ArgonChi2.flat(try csi.predictor.cevns(SignalModel()))
        return [Case(quantity: "coherent.events", inputs: ["detector": "ar"],
                     closed: { total(try predictor.cevns(SignalModel(), path: .closedForm)) },
                     numerical: { total(try predictor.cevns(SignalModel(), path: .numerical)) }),
                Case(quantity: "coherent.events csi", inputs: ["detector": "csi"],
                     closed: { total(try csi.predictor.cevns(SignalModel(), path: .closedForm)) },
                     numerical: { total(try csi.predictor.cevns(SignalModel(), path: .numerical)) }),
                Case(quantity: "coherent.chi2", inputs: ["detector": "ar", "model": "SM"],
                     closed: { try analysis.chi2.minimumAnalytic(cevns: sm).chi2 },
                     numerical: { try analysis.chi2.minimumNumerical(cevns: sm).chi2 }),
                Case(quantity: "coherent.chi2 csi", inputs: ["detector": "csi", "model": "SM"],
                     closed: { try csi.chi2.minimumNewton(cevns: csiSM).chi2 },
                     numerical: { try csi.chi2.minimumNumerical(cevns: csiSM).chi2 }),
                Case(quantity: "coherent.limit", inputs: [:],
                     closed: { try analysis.bound(bl, regime: .lowMass, minimisation: .analytic) },
                     numerical: { try analysis.bound(bl, regime: .lowMass, minimisation: .numerical) })]
    }

    static func cevnsCases() throws -> [Case] {
        let cs = NuclearData.cs133, ar = NuclearData.ar40
        let universal = ModelRegistry.universal
        let point = try CEvNSPoint(nucleus: cs, flavor: .numu, energy: 30, recoil: 0.01,
            mediator: .vector(model: universal, g: 1e-4, mass: 10))
        let loopPoint = try CEvNSPoint(nucleus: cs, flavor: .numu, energy: 30, recoil: 0.01,
            mediator: .vector(model: ModelRegistry.lmuMinusLtau, g: 1e-3, mass: 10))
        let text = ["nucleus": "Cs133", "flavor": "numu", "energy": "30MeV", "recoil": "10keV", "model": "universal",
            "g": "1e-4", "mass": "10MeV"]
        let bare = try CEvNSPoint(nucleus: cs, flavor: .numu, energy: 30, recoil: 0.01,
            mediator: .vector(model: universal, g: 1e-4, mass: 10), formFactor: .none)
        return [
            Case(quantity: "cevns.dsigma", inputs: text, closed: { CEvNS.differentialCrossSection(point) },
                 numerical: { try CEvNSNumerical.differentialCrossSection(point) }),
            Case(quantity: "cevns.dsigma (loop)", inputs: [:], closed: { CEvNS.differentialCrossSection(loopPoint) },
                 numerical: { try CEvNSNumerical.differentialCrossSection(loopPoint) }),
            Case(quantity: "cevns.dsigma (F = 1)", inputs: [:], closed: { CEvNS.differentialCrossSection(bare) },
                 numerical: { try CEvNSNumerical.differentialCrossSection(bare) }),
            Case(quantity: "cevns.sigma (F = 1)", inputs: ["nucleus": "Cs133", "energy": "30MeV", "model": "universal",
                "g": "1e-4", "mass": "10MeV", "formFactor": "none"],
                 closed: { try CEvNSTotal.crossSection(nucleus: cs, flavor: .numu, energy: 30, recoilMin: 0,
                     mediator: .vector(model: universal, g: 1e-4, mass: 10)) },
                 numerical: { try CEvNSNumerical.crossSection(nucleus: cs, flavor: .numu, energy: 30, recoilMin: 0,
                     mediator: .vector(model: universal, g: 1e-4, mass: 10), formFactor: .none) }),
            Case(quantity: "cevns.dip", inputs: ["model": "universal", "nucleus": "Ar40", "g": "1e-4", "mass": "10MeV"],
                 closed: { try CEvNSConditions.dipRecoil(model: universal, nucleus: ar, flavor: .numu, g: 1e-4,
                     mass: 10) },
                 numerical: { try CEvNSNumerical.dipRecoil(model: universal, nucleus: ar, flavor: .numu, g: 1e-4,
                     mass: 10) }),
            Case(quantity: "cevns.strip", inputs: ["model": "universal", "nucleus": "Ar40"],
                 closed: { try CEvNSConditions.printedCoefficient(.strip, model: universal) },
                 numerical: { try CEvNSNumerical.heavyMediatorCoefficient(strip: true, model: universal, nucleus: ar,
                     q: 0, physics: .paper) }),
            Case(quantity: "cevns.cancel", inputs: ["model": "universal", "nucleus": "Ar40"],
                 closed: { try CEvNSConditions.printedCoefficient(.cancel, model: universal) },
                 numerical: { try CEvNSNumerical.heavyMediatorCoefficient(strip: false, model: universal, nucleus: ar,
                     q: 0, physics: .paper) }),
            Case(quantity: "helm", inputs: ["nucleus": "Cs133", "q": "50MeV"], closed: { FormFactors.helm(q: 50,
                rmsRadius: cs.neutronRadius) },
                 numerical: { try FormFactorQuadrature.helm(q: 50, rmsRadius: cs.neutronRadius) }),
            Case(quantity: "formfactor", inputs: ["nucleus": "Cs133", "q": "50MeV", "model": "fermi"],
                 closed: { FormFactors.symmetrizedFermi(q: 50, rmsRadius: cs.neutronRadius) },
                 numerical: { try FormFactorQuadrature.symmetrizedFermi(q: 50, rmsRadius: cs.neutronRadius) }),
            Case(quantity: "cevns.tmax", inputs: ["nucleus": "Ar40"],
                closed: { Kinematics.printedNuclearEndpoint(energy: 29.8, nucleusMass: ar.mass) },
                 numerical: { try KinematicRoots.maximumRecoil(energy: 29.8, targetMass: ar.mass) }),
            Case(quantity: "flux.fold", inputs: ["detector": "ar", "recoil": "10keV", "flavor": "numubar"],
                 closed: { try FluxFolding.averagedCrossSection(.numubar, try CEvNSPoint(nucleus: ar, flavor: .numubar,
                     energy: 52.8, recoil: 0.01)) },
                 numerical: { try FluxFoldingQuadrature.averagedCrossSection(.numubar, try CEvNSPoint(nucleus: ar,
                     flavor: .numubar, energy: 52.8, recoil: 0.01)) }),
            Case(quantity: "apv.weakCharge", inputs: ["nucleus": "Cs133"],
                 closed: { -Double(cs.neutrons) + Double(cs.protons) * (1 - 4
                     * Constants.defaultSin2ThetaW) }, numerical: nil),
        ]
    }

    /// Times each path for about `budget` seconds (at least 3 calls) after one warm-up call,
    /// closed form and numerical path of one quantity back to back in the same run.
    public static func run(budget: Double = 0.2) throws -> [Row] {
        try cases().map { c in
            let closed = try time(budget) { _ = try c.closed() }
            let numerical = try c.numerical.map { n in try time(budget) { _ = try n() } }
            return Row(quantity: c.quantity, inputs: c.inputs, closedFormNanoseconds: closed,
                numericalNanoseconds: numerical)
        }
    }

    /// Nanoseconds per call: one warm-up call, then batches whose size doubles until a batch
    /// takes ≥ 1 ms (so the clock reads do not count), repeated until `budget` seconds pass.
    static func time(_ budget: Double, _ body: () throws -> Void) throws -> Double {
        try body()
        func batch(_ n: Int) throws -> UInt64 {
            let start = DispatchTime.now().uptimeNanoseconds
            for _ in 0..<n { try body() }
            return DispatchTime.now().uptimeNanoseconds - start
        }
        var size = 1
        while try batch(size) < 1_000_000 && size < 1 << 24 { size *= 2 }
        var calls = 0, elapsed: UInt64 = 0
        repeat {
            elapsed += try batch(size)
            calls += size
        } while Double(elapsed) < budget * 1e9
        return Double(elapsed) / Double(calls)
    }

    /// The scans, timed once each (wall clock, both cores), every analysis rebuilt first so that no
    /// cached prediction or response is reused: all 66 Table 2 entries; every Table 2 model on Ar,
    /// CsI and combined on 100 masses; and the cost growth with the number of masses (B − L
    /// combined, 25 against 100) and with the density of the coupling grid (one χ² scan at 0.1
    /// against 0.05 decades).
    public static func scans(reference: ReferenceLibrary) throws -> [String] {
        func seconds(_ body: () throws -> Void) rethrows -> Double {
            CoherentContext.shared.clearAnalyses()
            let start = DispatchTime.now().uptimeNanoseconds
            try body()
            return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        }
        _ = try CoherentContext.shared.argonRelease(); _ = try CoherentContext.shared.csiArrivalMean()  // loading the releases is not a scan
        let table = try seconds { _ = try TableTwo.compute(reference: reference) }
        func curves(_ models: [String], _ datasets: [String], masses n: Int) throws -> Double {
            let masses = (0..<n).map { pow(10, -1 + 6 * Double($0) / Double(n - 1)) }
            return try seconds {
                for model in models {
                    let mediator: AsymptoticLimit.Mediator = model == "scalar" ? .scalar : .vector(try ModelRegistry.lookup(model))
                    for dataset in datasets { _ = try CoherentContext.shared.limitAnalysis(dataset).curve(mediator,
                        masses: masses) }
                }
            }
        }
        let all = try curves(TableTwo.models, TableTwo.datasets, masses: 100)
        let (c25, c100) = (try curves(["B-L"], ["combined"], masses: 25), try curves(["B-L"], ["combined"],
            masses: 100))
        let analysis = try CoherentContext.shared.limitAnalysis("combined")
        let q = try AsymptoticLimit.quadratic(.vector(ModelRegistry.bMinusL), mass: 10, predict: analysis.predict)
        let chi2: ([Double]) throws -> Double = { try analysis.chi2($0, .analytic) }
        let coarse = try seconds { for _ in 0..<20 { _ = try AsymptoticLimit.scan(q, convention: .standard,
            chi2: chi2) } }
        let fine = try seconds { for _ in 0..<20 { _ = try AsymptoticLimit.scan(q, convention: .standard, chi2: chi2,
            decadeStep: 0.05) } }
        return [String(format: "table2, all 66 entries (2 cores)                         %8.3f s", table),
                String(format: "limits all --detector all --points 100 (3300 masses)    %8.3f s  (%.1f ms per mass "
                    + "and data set)", all, 1000 * all / 3300),
                String(format: "limits B-L combined, 25 masses                          %8.3f s  (%.1f ms per mass)",
                    c25, 1000 * c25 / 25),
                String(format: "limits B-L combined, 100 masses                         %8.3f s  (%.1f ms per mass; "
                    + "100/25 cost ratio %.2f)", c100, 10 * c100, c100 / c25),
                String(format: "one χ² scan, B-L combined at 10 MeV, 0.1 decades       %8.4f s", coarse / 20),
                String(format: "one χ² scan, B-L combined at 10 MeV, 0.05 decades      %8.4f s  (finer/coarser cost "
                    + "ratio %.2f)", fine / 20, fine / coarse)]
    }

}
