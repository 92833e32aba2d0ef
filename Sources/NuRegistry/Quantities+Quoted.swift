import Foundation
import NuClosedForm
import NuNumerical
import NuPhysics

extension QuantityRegistry {
    static let promptLine = Quantity(
        "pion.promptLine",
        "prompt ν_μ energy (m_π² − m_μ²)/(2m_π) of π⁺ → μ⁺ν_μ at rest (004 Eq. (1)) vs GSL root of energy conservation",
        units: "MeV", inputs: [],
        decode: { _ in () },
        closed: { _ in DecayKinematics.promptLine },
        numerical: { _ in try KinematicRoots.promptLine() },
        ledger: Ledger(
            closed: ["NuClosedForm.DecayKinematics.promptLine"],
            numerical: ["NuNumerical.KinematicRoots.promptLine", "GSLKit.RootFinding.brent"],
            shared: [(.physicsInputs, "m_π±, m_μ (Constants)")]))

    static let muonEndpoint = Quantity(
        "muon.endpoint",
        "endpoint m_μ/2 of the delayed ν spectra (004 after Eq. (4)) vs GSL root of μ-decay kinematics with m_e ≠ 0",
        units: "MeV", inputs: [],
        decode: { _ in () },
        closed: { _ in DecayKinematics.muonDecayEndpoint },
        numerical: { _ in try KinematicRoots.muonDecayEndpoint() },
        ledger: Ledger(
            closed: ["NuClosedForm.DecayKinematics.muonDecayEndpoint"],
            numerical: ["NuNumerical.KinematicRoots.muonDecayEndpoint", "GSLKit.RootFinding.brent"],
            shared: [(.physicsInputs, "m_μ (Constants; the root also m_e)")]),
        agreement: { _ in .byDesign("m_μ/2 sets m_e = 0; the root keeps m_e (2.3e-5 relative)") })

    static let sigmaPiNRatio = Quantity(
        "scalar.sigmaPiNRatio",
        "σ_πN/m̄_ud with m̄_ud = (m_u + m_d)/2 (004 Eq. (40)); arithmetic only, so no numerical path",
        units: "dimensionless",
        inputs: [
            InputSpec("sigmaPiN", .energy, default: "59.1MeV", "pion-nucleon sigma term (004: 59.1 MeV)"),
            InputSpec("mu", .energy, default: "2.16MeV", "up-quark mass (004: PDG 2.16 MeV)"),
            InputSpec("md", .energy, default: "4.67MeV", "down-quark mass (004: PDG 4.67 MeV)"),
        ],
        decode: { v in (sigmaPiN: try v.energy("sigmaPiN"), mu: try v.energy("mu"), md: try v.energy("md")) },
        closed: { i in try CouplingRatios.sigmaPiNOverMud(sigmaPiN: i.sigmaPiN, upMass: i.mu, downMass: i.md) },
        numerical: nil,
        ledger: Ledger(
            closed: ["NuClosedForm.CouplingRatios.sigmaPiNOverMud"], numerical: [],
            shared: [(.inputs, "nothing beyond the decoded σ_πN and quark masses")]))

    static let zPrimeRescaling = Quantity(
        "zprime.rescaling",
        "factor turning a half-convention Z' coupling into the full one (004 Appendix A): √(full/half) vs GSL root of "
            + "half(g') = full(1)",
        units: "dimensionless",
        inputs: [
            InputSpec("mass", .energy, default: "10MeV", "mediator mass M of the point both paths match at"),
            InputSpec(
                "q", .energy, default: "50MeV",
                "momentum transfer |q⃗| of that point (the factor, √2, is the same at every point: the GSL root "
                    + "checks it there)"),
        ],
        decode: { v in (mass: try v.energy("mass"), q: try v.energy("q")) },
        closed: { i in try ZPrimeCoefficient.rescalingFactor(g: 1, mass: i.mass, q: i.q) },
        numerical: { i in try KinematicRoots.halfConventionRescaling(mass: i.mass, q: i.q) },
        ledger: Ledger(
            closed: [
                "NuClosedForm.ZPrimeCoefficient.rescalingFactor",
                "NuClosedForm.ZPrimeCoefficient.value",
            ],
            numerical: ["NuNumerical.KinematicRoots.halfConventionRescaling", "GSLKit.RootFinding.brent"],
            shared: [
                (
                    .physicsInputs,
                    "G_F (Constants); the half convention's factor 1/2 "
                        + "(CoefficientConvention)"
                )
            ]))

    static let chi2Dev = Quantity(
        "chi2.dev",
        "min over the flux pull α of 000 Eq. (8): analytic vs GSL simplex",
        units: "dimensionless",
        inputs: [
            InputSpec("expected", .number, "N_{SM+V+int}, expected events with the mediator (\(Chi2Range.countText))"),
            InputSpec("standardModel", .number, "N_SM, Standard Model events (\(Chi2Range.countText))"),
            InputSpec(
                "sigma", .number, default: "0.05",
                "σ_norm, fractional flux uncertainty (000: 5% for DUNE; \(Chi2Range.sigmaText))"),
        ],
        decode: { v in
            let i = (
                expected: try v.number("expected"), standardModel: try v.number("standardModel"),
                sigma: try v.number("sigma")
            )
            try Chi2Range.check(
                "chi2.dev", counts: [("expected", [i.expected]), ("standardModel", [i.standardModel])], sigma: i.sigma)
            return i
        },
        closed: { i in try Chi2.devMinimum(expected: i.expected, standardModel: i.standardModel, sigma: i.sigma).chi2 },
        numerical: { i in
            try Chi2Minimization.devMinimum(expected: i.expected, standardModel: i.standardModel, sigma: i.sigma).chi2
        },
        ledger: Ledger(
            closed: ["NuClosedForm.Chi2.devMinimum"],
            numerical: ["NuNumerical.Chi2Minimization.devMinimum", "GSLKit.Minimizer.simplex"],
            shared: [(.inputs, "nothing beyond the decoded event counts and σ")]),
        agreement: { Chi2Range.agreement($0, counts: ["expected", "standardModel"]) })

    static let chi2Abdullah = Quantity(
        "chi2.abdullah",
        "min over β of 002 Eq. (14): Eq. (15) (in a rearrangement free of its cancellation) vs GSL simplex",
        units: "dimensionless",
        inputs: [
            InputSpec("observed", .list, "N_exp per bin (\(Chi2Range.countText))"),
            InputSpec("predicted", .list, "N_pred per bin (\(Chi2Range.countText))"),
            InputSpec("background", .list, "N_bg per bin (\(Chi2Range.countText))"),
            InputSpec("sigma", .number, default: "0.1", "σ_β (002: 0.1; \(Chi2Range.sigmaText))"),
        ],
        decode: { v in
            let i = (
                observed: try v.list("observed"), predicted: try v.list("predicted"),
                background: try v.list("background"), sigma: try v.number("sigma")
            )
            try Chi2Range.check(
                "chi2.abdullah",
                counts: [("observed", i.observed), ("predicted", i.predicted), ("background", i.background)],
                sigma: i.sigma)
            return i
        },
        closed: { i in
            try Chi2.abdullahMinimum(
                observed: i.observed, predicted: i.predicted, background: i.background,
                sigma: i.sigma
            ).chi2
        },
        numerical: { i in
            try Chi2Minimization.abdullahMinimum(
                observed: i.observed, predicted: i.predicted,
                background: i.background, sigma: i.sigma
            ).chi2
        },
        ledger: Ledger(
            closed: ["NuClosedForm.Chi2.abdullahMinimum"],
            numerical: ["NuNumerical.Chi2Minimization.abdullahMinimum", "GSLKit.Minimizer.simplex"],
            shared: [(.inputs, "nothing beyond the decoded event counts and σ")]),
        agreement: { Chi2Range.agreement($0, counts: ["observed", "predicted", "background"]) })

    static let chi2AbdullahEq16 = Quantity(
        "chi2.abdullahEq16",
        "002 Eq. (16): the approximation of Eq. (15) without the 1/σ² terms, Σ N_exp²/D − (Σ k N_exp)²/(Σ k N_pred), "
            + "k = N_pred/D; a closed formula (compare chi2.abdullah, the exact minimum)",
        units: "dimensionless",
        inputs: [
            InputSpec("observed", .list, "N_exp per bin"), InputSpec("predicted", .list, "N_pred per bin"),
            InputSpec("background", .list, "N_bg per bin"),
        ],
        decode: { v in
            (observed: try v.list("observed"), predicted: try v.list("predicted"), background: try v.list("background"))
        },
        closed: { i in try Chi2.abdullahEq16(observed: i.observed, predicted: i.predicted, background: i.background) },
        numerical: nil,
        ledger: Ledger(
            closed: ["NuClosedForm.Chi2.abdullahEq16"], numerical: [],
            shared: [(.inputs, "nothing beyond the decoded event lists and σ")]))
}

/// The magnitudes chi2.dev and chi2.abdullah accept (exit 3 beyond, with this reason): event counts
/// 0 or within 1e-20-1e20, σ 0 or within 1e-4-1e4. Inside, every square, ratio and sum of either path
/// (N², N²/D, Σ over up to 1e5 bins, σ⁻²) stays far inside double precision's range and the
/// simplex reaches the minimum from its start; beyond, χ² or its pull can overflow (N = 1e300 gave
/// "GSL integrand: function returned inf"). Negative or non-finite values are left to the formulas'
/// own checks (exit 2).
enum Chi2Range {
    static let counts: ClosedRange<Double> = 1e-20...1e20
    static let sigma: ClosedRange<Double> = 1e-4...1e4
    static let countText = "0 or 1e-20 to 1e20"
    static let sigmaText = "0 or 1e-4 to 1e4"
    /// 1e-8 relative, or absolute max(1e-15, 1e-28 ΣN), ΣN the sum of the event counts given: the
    /// simplex stops at a size of 1e-9 of the parabola's width, where χ² is within 1e-18 of its
    /// minimum (Chi2Minimization); and a residual (N_obs − y N_pred)/√D evaluated near its zero is
    /// rounded to ~ε√N (ε ≈ 1.1e-16), its square to ~ε²N ≈ 1.2e-32 N a bin, which the closed form,
    /// reducing the differences algebraically first, does not see (factor 1e4 of margin).
    static func agreement(_ inputs: [String: String], counts names: [String]) -> PathAgreement {
        var total = 0.0
        for name in names {
            for field in (inputs[name] ?? "").split(separator: ",") {
                if let x = Double(field.trimmingCharacters(in: .whitespaces)), x.isFinite, x > 0 { total += x }
            }
        }
        return .tolerance(relative: 1e-8, absolute: max(1e-15, 1e-28 * total))
    }

    static func check(_ quantity: String, counts named: [(String, [Double])], sigma: Double) throws {
        for (name, values) in named {
            if let x = values.first(where: { $0.isFinite && $0 > 0 && !counts.contains($0) }) {
                throw PhysicsError.unphysical(
                    "\(quantity): \(name) = \(x) is outside the accepted range of event counts (\(countText)): "
                        + "beyond it χ² or its pull can leave double precision's range")
            }
        }
        if sigma.isFinite, sigma > 0, !Self.sigma.contains(sigma) {
            throw PhysicsError.unphysical(
                "\(quantity): sigma = \(sigma) is outside the accepted range (\(sigmaText)): beyond it σ⁻² or the "
                    + "pull can leave double precision's range")
        }
    }
}
