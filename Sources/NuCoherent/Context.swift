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
        lock.lock(); defer { lock.unlock() }
        if let argon { return argon }
        let loaded = try ArgonRelease(directory: dir)
        argon = loaded
        return loaded
    }

    public func csiRelease() throws -> CsIRelease {
        let dir = try requireDirectory()
        lock.lock(); defer { lock.unlock() }
        if let csi { return csi }
        let loaded = try CsIRelease(directory: dir)
        csi = loaded
        return loaded
    }

    /// The CsI predictor with the proton-pulse timing fitted once to the NIN time spectrum.
    public func csiPredictor() throws -> CsIPredictor {
        let release = try csiRelease()
        lock.lock()
        if let csiPrediction { lock.unlock(); return csiPrediction }
        lock.unlock()
        let predictor = try CsIPredictor(release: release, arrivalMean: try release.fittedArrivalMean().mean)
        lock.lock(); defer { lock.unlock() }
        csiPrediction = predictor
        return predictor
    }
}
