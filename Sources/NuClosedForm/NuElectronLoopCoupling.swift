import NuPhysics

extension NuElectronPoint {
    /// The electron's Z' couplings at this point, the loop function ε_βα(√(2m_eT)) of an
    /// L_α − L_β model taken in closed form (`LoopMixing`).
    var electronCoupling: LeptonCouplings {
        electron { beta, alpha, q in LoopMixing.epsilon(massBeta: beta.mass, massAlpha: alpha.mass, q: q) }
    }
}
