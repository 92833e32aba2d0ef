import NuPhysics

/// A model's predicted counts must be finite before a fit sees them: at absurd couplings they
/// overflow, and the minimisers would otherwise report a singular system or a NaN bin.
func requireFinite(_ prediction: [Double], _ what: String) throws {
    guard let k = prediction.firstIndex(where: { !$0.isFinite }) else { return }
    throw PhysicsError.notApplicable(
        "\(what): predicted counts overflow (bin \(k): \(prediction[k])); the coupling "
            + "is far outside the range the data can test")
}
