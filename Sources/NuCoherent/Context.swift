import Foundation
import NuData

/// Where the harness's COHERENT quantities read from: the data (`DataLibrary.shared`: the package's
/// copy of the releases unless a user's is configured) and the reference directory holding
/// `coherent.json` (the analysis inputs). Releases, inputs and predictors are made once and
/// cached; pointing elsewhere clears them.
public final class CoherentContext: @unchecked Sendable {
    /// The context the tool configures; a library user may make its own and pass it to `evaluate`.
    public static let shared = CoherentContext()
    public init() {}
    private let lock = NSLock()
    private var referenceURL: URL?
    private var argon: ArgonRelease?
    private var csi: CsIRelease?
    private var csiArrival: Double?
    private var inputSets: [InputSet: AnalysisInputs] = [:]
    private var library: ReferenceLibrary?
    private var memos: [String: Any] = [:]

    /// Points the COHERENT quantities at a user's copy of the releases (a folder holding `ar2020/`
    /// and `csi2021/`) and/or a reference directory (nil keeps the current one, or the default).
    public func configure(data: URL? = nil, reference: URL? = nil) {
        if let data { setDirectory(data) }
        if let reference { setReferenceDirectory(reference) }
    }

    /// A user's copy of the releases, checked against the manifest as it is read.
    public func setDirectory(_ url: URL) {
        lock.lock()
        defer { lock.unlock() }
        DataLibrary.shared.configure(coherent: url)
        argon = nil
        csi = nil
        csiArrival = nil
        AnalysisCache.shared.clear()
    }

    /// The directory holding `coherent.json` (the project's `Reference/`).
    public func setReferenceDirectory(_ url: URL) {
        lock.lock()
        defer { lock.unlock() }
        referenceURL = url
        inputSets = [:]
        library = nil
        memos = [:]
        AnalysisCache.shared.clear()
    }

    /// The reference directory: as set, else the package's `Reference/`.
    public func referenceDirectory() throws -> URL {
        lock.lock()
        defer { lock.unlock() }
        return try referenceDirectoryUnlocked()
    }

    private func referenceDirectoryUnlocked() throws -> URL { try referenceURL ?? NucheckHome.locate().reference }

    /// Forgets every prepared analysis (responses, predictors, quadratics), keeping the releases.
    public func clearAnalyses() { AnalysisCache.shared.clear() }

    /// The argon release's folder, its files checked against the manifest.
    public func argonDirectory() throws -> URL { try DataLibrary.shared.open(DataLibrary.argon) }

    /// The CsI release's folder, its files checked against the manifest.
    public func csiDirectory() throws -> URL { try DataLibrary.shared.open(DataLibrary.csi) }

    /// Every `Reference/*.json` file as one library, read once (until the directory changes).
    public func referenceLibrary() throws -> ReferenceLibrary {
        lock.lock()
        defer { lock.unlock() }
        if let library { return library }
        let made = try ReferenceLibrary(directory: try referenceDirectoryUnlocked())
        library = made
        return made
    }

    /// A value derived from the reference directory and the data (a setup, a set of fluxes), made
    /// once under `key` and kept until the reference directory changes.
    public func memo<T>(_ key: String, _ make: () throws -> T) throws -> T {
        lock.lock()
        if let value = memos[key] as? T {
            lock.unlock()
            return value
        }
        lock.unlock()
        let value = try make()
        lock.lock()
        defer { lock.unlock() }
        memos[key] = value
        return value
    }

    /// The analysis inputs of a set, read from `coherent.json` in the reference directory.
    public func inputs(_ set: InputSet) throws -> AnalysisInputs {
        lock.lock()
        defer { lock.unlock() }
        if let cached = inputSets[set] { return cached }
        let referenceURL = try referenceDirectoryUnlocked()
        let inputs = try AnalysisInputs(referenceDirectory: referenceURL, set: set)
        inputSets[set] = inputs
        return inputs
    }

    /// The argon release, its histograms checked against the normalisations in `coherent.json`.
    public func argonRelease() throws -> ArgonRelease {
        let dir = try argonDirectory()
        let inputs = try inputs(.release)
        return try cached(\.argon) {
            let release = try ArgonRelease(directory: dir)
            try release.checkSums(inputs, directory: dir)
            return release
        }
    }

    /// The CsI release, its event lists checked against the counts in `coherent.json`.
    public func csiRelease() throws -> CsIRelease {
        let dir = try csiDirectory()
        let inputs = try inputs(.release)
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
        let inputs = try inputs(set)
        let release = try csiRelease()
        let mean = try csiArrivalMean()
        let dir = try csiDirectory()
        return try AnalysisCache.shared.csiPredictor("\(dir.path)|\(inputs.cacheKey)") {
            try CsIPredictor(release: release, inputs: inputs, arrivalMean: mean)
        }
    }

    /// The value held at `slot`, made (under the lock) on first use; `setDirectory` clears them.
    private func cached<T>(_ slot: ReferenceWritableKeyPath<CoherentContext, T?>, _ make: () throws -> T) throws -> T {
        lock.lock()
        defer { lock.unlock() }
        if let value = self[keyPath: slot] { return value }
        let value = try make()
        self[keyPath: slot] = value
        return value
    }
}
