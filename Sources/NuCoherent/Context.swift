import Foundation

/// The data directory the harness's COHERENT quantities read, set once by the tool (from --data,
/// the environment or the project root) or by the tests (from #filePath).
public final class CoherentContext: @unchecked Sendable {
    public static let shared = CoherentContext()
    private let lock = NSLock()
    private var url: URL?
    private var argon: ArgonRelease?
    private var csi: CsIRelease?
    private var csiPrediction: CsIPredictor?

    public func setDirectory(_ url: URL) {
        lock.lock(); defer { lock.unlock() }
        self.url = url; argon = nil; csi = nil; csiPrediction = nil
    }

    public var directory: URL? { lock.lock(); defer { lock.unlock() }; return url }

    /// Throws `CoherentDataError.missing` when the releases are not there.
    public func requireDirectory() throws -> URL {
        guard let url = directory, CoherentData.isPresent(url) else {
            throw CoherentDataError.missing(path: directory?.path ?? "(no data directory set)")
        }
        return url
    }

    public func argonRelease() throws -> ArgonRelease {
        let dir = try requireDirectory()
        return try cached(\.argon) { try ArgonRelease(directory: dir) }
    }

    public func csiRelease() throws -> CsIRelease {
        let dir = try requireDirectory()
        return try cached(\.csi) { try CsIRelease(directory: dir) }
    }

    /// The CsI predictor with the proton-pulse timing fitted once to the NIN time spectrum.
    public func csiPredictor() throws -> CsIPredictor {
        let release = try csiRelease()
        return try cached(\.csiPrediction) { try CsIPredictor(release: release, arrivalMean: try release.fittedArrivalMean().mean) }
    }

    /// The value held at `slot`, made (under the lock) on first use; `setDirectory` clears them.
    private func cached<T>(_ slot: ReferenceWritableKeyPath<CoherentContext, T?>, _ make: () throws -> T) throws -> T {
        lock.lock(); defer { lock.unlock() }
        if let value = self[keyPath: slot] { return value }
        let value = try make()
        self[keyPath: slot] = value
        return value
    }
}
