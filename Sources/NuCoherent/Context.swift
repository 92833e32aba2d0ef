import Foundation

/// Where the harness's COHERENT quantities read from: the data directory and the reference
/// directory holding `coherent.json` (the analysis inputs). Releases, inputs and predictors are
/// made once and cached; setting a directory clears them.
///
/// A library user needs nothing: unset, the data directory is `$NUCHECK_COHERENT_DATA`, else
/// `../shared/data/coherent` beside the package, and the reference directory the package's
/// `Reference/` (`NucheckHome`). `configure(data:reference:)` is the one public way to change them.
public final class CoherentContext: @unchecked Sendable {
    public static let shared = CoherentContext()
    private let lock = NSLock()
    private var url: URL?
    private var referenceURL: URL?
    private var argon: ArgonRelease?
    private var csi: CsIRelease?
    private var csiArrival: Double?
    private var inputSets: [InputSet: AnalysisInputs] = [:]

    /// Points the COHERENT quantities at a data directory and/or a reference directory (nil keeps
    /// the current one, or the default).
    public func configure(data: URL? = nil, reference: URL? = nil) {
        if let data { setDirectory(data) }
        if let reference { setReferenceDirectory(reference) }
    }

    public func setDirectory(_ url: URL) {
        lock.lock(); defer { lock.unlock() }
        self.url = url; argon = nil; csi = nil; csiArrival = nil
        AnalysisCache.shared.clear()
    }

    /// The directory holding `coherent.json` (the project's `Reference/`).
    public func setReferenceDirectory(_ url: URL) {
        lock.lock(); defer { lock.unlock() }
        referenceURL = url; inputSets = [:]
        AnalysisCache.shared.clear()
    }

    /// The reference directory: as set, else the package's `Reference/`.
    public func referenceDirectory() throws -> URL {
        lock.lock(); defer { lock.unlock() }
        return try referenceDirectoryUnlocked()
    }

    private func referenceDirectoryUnlocked() throws -> URL { try referenceURL ?? NucheckHome.locate().reference }

    /// Forgets every prepared analysis (responses, predictors, quadratics), keeping the releases.
    public func clearAnalyses() { AnalysisCache.shared.clear() }

    /// The data directory: as set, else the default (`$NUCHECK_COHERENT_DATA`, else beside the package).
    public var directory: URL? {
        lock.lock(); defer { lock.unlock() }
        if let url { return url }
        let home = (try? NucheckHome.locate())?.root ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        return CoherentData.directory(explicit: nil, projectRoot: home)
    }

    /// Throws `CoherentDataError.missing` when the releases are not there.
    public func requireDirectory() throws -> URL {
        guard let url = directory, CoherentData.isPresent(url) else {
            throw CoherentDataError.missing(path: directory?.path ?? "(no data directory set)")
        }
        return url
    }

    /// The analysis inputs of a set, read from `coherent.json` in the reference directory.
    public func inputs(_ set: InputSet) throws -> AnalysisInputs {
        lock.lock(); defer { lock.unlock() }
        if let cached = inputSets[set] { return cached }
        let referenceURL = try referenceDirectoryUnlocked()
        let inputs = try AnalysisInputs(referenceDirectory: referenceURL, set: set)
        inputSets[set] = inputs
        return inputs
    }

    /// The argon release, its histograms checked against the normalisations in `coherent.json`.
    public func argonRelease() throws -> ArgonRelease {
        let dir = try requireDirectory(), inputs = try inputs(.release)
        return try cached(\.argon) {
            let release = try ArgonRelease(directory: dir)
            try release.checkSums(inputs, directory: dir)
            return release
        }
    }

    /// The CsI release, its event lists checked against the counts in `coherent.json`.
    public func csiRelease() throws -> CsIRelease {
        let dir = try requireDirectory(), inputs = try inputs(.release)
        return try cached(\.csi) {
            let release = try CsIRelease(directory: dir)
            try release.checkEventCounts(inputs, directory: dir)
            try release.checkSums(inputs, directory: dir)
            return release
        }
    }

    /// The proton-pulse mean on the CsI t_rec axis (ns), fitted once to the NIN time spectrum.
    public func csiArrivalMean() throws -> Double {
        let release = try csiRelease()
        return try cached(\.csiArrival) { try release.fittedArrivalMean().mean }
    }

    public func argonPredictor(_ set: InputSet = .release) throws -> ArgonPredictor {
        try argonAnalysis(set).predictor
    }

    /// The CsI predictor of an input set (its detector response computed once).
    public func csiPredictor(_ set: InputSet = .release) throws -> CsIPredictor {
        let inputs = try inputs(set), release = try csiRelease(), mean = try csiArrivalMean(), dir = try requireDirectory()
        return try AnalysisCache.shared.csiPredictor("\(dir.path)|\(inputs.cacheKey)") {
            try CsIPredictor(release: release, inputs: inputs, arrivalMean: mean)
        }
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
