import Foundation

/// Reads fields of a decoded JSON object and reports a missing or mistyped one as a
/// `HarnessError.file` naming the file and the field path.
public struct JSONObject {
    public let path: String
    public let context: String
    public let storage: [String: Any]

    public init(_ value: Any?, path: String, context: String) throws {
        guard let object = value as? [String: Any] else {
            throw HarnessError.file(
                path: path, field: context.isEmpty ? nil : context,
                message: "expected a JSON object")
        }
        self.path = path
        self.context = context
        self.storage = object
    }

    /// Refuses a field outside `known` (a typo'd field would otherwise be ignored).
    public func allowOnly(_ known: Set<String>) throws {
        if let key = storage.keys.sorted().first(where: { !known.contains($0) }) {
            throw HarnessError.file(
                path: path, field: name(key),
                message: "unknown field (known: \(known.sorted().joined(separator: ", ")))")
        }
    }

    /// Loads and parses a JSON file; a missing, empty or unparsable file is an error naming it.
    public static func load(_ url: URL) throws -> JSONObject {
        let path = url.path
        guard FileManager.default.fileExists(atPath: path) else {
            throw HarnessError.file(path: path, field: nil, message: "file is missing")
        }
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw HarnessError.file(path: path, field: nil, message: "cannot be read: \(error.localizedDescription)")
        }
        guard !data.isEmpty else { throw HarnessError.file(path: path, field: nil, message: "file is empty") }
        let value: Any
        do { value = try JSONSerialization.jsonObject(with: data) } catch {
            throw HarnessError.file(
                path: path, field: nil,
                message: "is not valid JSON (\(error.localizedDescription))")
        }
        return try JSONObject(value, path: path, context: "")
    }

    public func name(_ key: String) -> String { context.isEmpty ? key : "\(context).\(key)" }

    public func has(_ key: String) -> Bool { storage[key] != nil }

    public func string(_ key: String) throws -> String {
        guard let value = storage[key] else {
            throw HarnessError.file(
                path: path, field: name(key),
                message: "is missing")
        }
        guard let s = value as? String, !s.isEmpty else {
            throw HarnessError.file(
                path: path, field: name(key),
                message: "must be a non-empty string (numbers are stored as decimal strings)")
        }
        return s
    }

    public func optionalString(_ key: String) throws -> String? { has(key) ? try string(key) : nil }

    /// A decimal string parsed with Double(_:), finite.
    public func decimal(_ key: String) throws -> Double {
        let text = try string(key)
        guard let v = Double(text), v.isFinite else {
            throw HarnessError.file(path: path, field: name(key), message: "'\(text)' is not a finite decimal number")
        }
        return v
    }

    public func object(_ key: String) throws -> JSONObject {
        guard has(key) else { throw HarnessError.file(path: path, field: name(key), message: "is missing") }
        return try JSONObject(storage[key], path: path, context: name(key))
    }

    public func array(_ key: String) throws -> [Any] {
        guard let value = storage[key] else {
            throw HarnessError.file(
                path: path, field: name(key),
                message: "is missing")
        }
        guard let a = value as? [Any] else {
            throw HarnessError.file(
                path: path, field: name(key),
                message: "must be an array")
        }
        return a
    }

    public func strings(_ key: String) throws -> [String] {
        let a = try array(key)
        return try a.enumerated().map { i, v in
            guard let s = v as? String, !s.isEmpty else {
                throw HarnessError.file(path: path, field: "\(name(key))[\(i)]", message: "must be a non-empty string")
            }
            return s
        }
    }

    /// A flat string-to-string map (case inputs).
    public func stringMap(_ key: String) throws -> [String: String] {
        let o = try object(key)
        var out: [String: String] = [:]
        for (k, v) in o.storage {
            guard let s = v as? String else {
                throw HarnessError.file(
                    path: path, field: o.name(k),
                    message: "must be a string (write numbers and units as text, e.g. \"30MeV\")")
            }
            out[k] = s
        }
        return out
    }
}
