import NuPhysics

extension NuElectronPoint {
    /// The electron's Z' couplings at this point, the loop function ε_βα(√(2m_eT)) of an
    /// L_α − L_β model taken by GSL quadrature of 004 Eq. (29) (`LoopMixingQuadrature`).
    func electronCoupling() throws -> LeptonCouplings {
        try electron { beta, alpha, q in try LoopMixingQuadrature.epsilon(beta: beta, alpha: alpha, q: q) }
    }
}
