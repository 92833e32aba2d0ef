import NuData

/// Every quantity `nucheck eval`, the fixtures and the benchmark know, by name.
public enum QuantityRegistry {
    public static let all: [Quantity] = [
        nueDSigma, nueSigma, nueInterference, devCoefficient, nueTMax, tridentRatio, loopEpsilon, loopKineticMixing,
        g2Muon, g2Coupling, g2Mass, promptLine, muonEndpoint, sigmaPiNRatio, zPrimeRescaling, chi2Dev, chi2Abdullah,
        chi2AbdullahEq16, g2Asymptote, cevnsPublicCode, nueEvents, duneSensitivity, jsns2Sensitivity, cevnsDSigma,
        cevnsSigma, cevnsDip, cevnsStrip, cevnsCancel, helm, formFactor, cevnsTMax, coherenceScale, apvWeakCharge,
        couplingRescaling, darkRelativeCoupling, darkRecast, loopEpsilonWrongSign, loopPrefactor, nueCouplingShift,
        fluxFold, coherentEvents, coherentLimit, coherentBound, coherentChi2, g2Coherent, snsFlux, u1Charge, u1Anomaly,
        apvWeakChargeShift, apvBound, borexinoRate, borexinoBound,
        projectionEvents, projectionBound, boundsCompare,
    ]

    public static func named(_ name: String) throws -> Quantity {
        guard let q = all.first(where: { $0.name == name }) else {
            throw HarnessError.unknownQuantity(name, known: all.map(\.name))
        }
        return q
    }
}
