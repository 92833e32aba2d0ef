import Foundation
import NuData
import NuPhysics
import NuRegistry

/// The convention registry of `Reference/conventions/registry.json` and its evaluation: for each
/// item what each source writes, the harness's choice, a demonstration (one physical quantity
/// computed each way at a stated point, and the ratio) and the mapping from one convention to the
/// other, checked numerically.
public struct ConventionAudit: Sendable {
    public struct Way: Sendable {
        public let label: String
        public let quantity: String
        public let inputs: [String: String]
        public let path: Path

        init(_ o: JSONObject) throws {
            label = try o.string("label")
            quantity = try o.string("quantity")
            guard (try? QuantityRegistry.named(quantity)) != nil else {
                throw HarnessError.file(
                    path: o.path, field: o.name("quantity"),
                    message: "'\(quantity)' is not a known quantity")
            }
            inputs = try o.stringMap("inputs")
            let p = try o.optionalString("path") ?? "closedForm"
            guard let path = Path(rawValue: p) else {
                throw HarnessError.file(
                    path: o.path, field: o.name("path"),
                    message: "'\(p)' is not closedForm or numerical")
            }
            self.path = path
        }

        /// The value on the chosen path, and its units.
        public func evaluate() throws -> (Double, String) {
            let e = try QuantityRegistry.named(quantity).evaluate(inputs)
            guard let v = path == .closedForm ? e.closedForm : e.numerical else {
                throw PhysicsError.notApplicable("\(quantity) has no \(path.rawValue) path")
            }
            return (v, e.units)
        }
    }

    public struct Item: Sendable {
        public let id: String
        public let title: String
        public let conventions: [(source: String, writes: String)]
        public let harnessChoice: String
        public let demonstrationDescription: String
        public let ways: [Way]
        public let ratio: (numerator: String, denominator: String)
        public let mappingDescription: String
        public let mappingFrom: Way
        public let mappingTo: Way?
        public let expectedRatio: Double?
        public let expectedValue: Double?
        public let tolerance: Double
    }

    public let items: [Item]

    public init(items: [Item]) { self.items = items }

    public init(registry url: URL) throws {
        let root = try JSONObject.load(url)
        let list = try root.array("items")
        guard !list.isEmpty else { throw HarnessError.file(path: url.path, field: "items", message: "is empty") }
        items = try list.enumerated().map { i, raw in
            let o = try JSONObject(raw, path: url.path, context: "items[\(i)]")
            let conventions = try o.object("conventions")
            guard !conventions.storage.isEmpty else {
                throw HarnessError.file(
                    path: url.path,
                    field: conventions.context, message: "is empty")
            }
            let demo = try o.object("demonstration")
            let ways = try demo.array("ways").enumerated().map { j, w in
                try Way(
                    JSONObject(
                        w, path: url.path,
                        context: "\(demo.context).ways[\(j)]"))
            }
            let ratio = try demo.strings("ratio")
            guard ratio.count == 2, ratio.allSatisfy({ label in ways.contains { $0.label == label } }) else {
                throw HarnessError.file(
                    path: url.path, field: demo.name("ratio"),
                    message: "must name two of the ways' labels")
            }
            let m = try o.object("mapping")
            let to = m.has("to") ? try Way(try m.object("to")) : nil
            let expectedRatio = m.has("expectedRatio") ? try m.decimal("expectedRatio") : nil
            let expectedValue = m.has("expectedValue") ? try m.decimal("expectedValue") : nil
            guard (to != nil && expectedRatio != nil) != (expectedValue != nil) else {
                throw HarnessError.file(
                    path: url.path, field: m.context,
                    message: "needs either 'to' with 'expectedRatio', or 'expectedValue'")
            }
            return Item(
                id: try o.string("id"), title: try o.string("title"),
                conventions: try conventions.storage.keys.sorted().map { ($0, try conventions.string($0)) },
                harnessChoice: try o.string("harnessChoice"), demonstrationDescription: try demo.string("description"),
                ways: ways, ratio: (ratio[0], ratio[1]), mappingDescription: try m.string("description"),
                mappingFrom: try Way(try m.object("from")), mappingTo: to, expectedRatio: expectedRatio,
                expectedValue: expectedValue, tolerance: try m.decimal("tolerance"))
        }
    }

    /// One evaluated item.
    public struct Result: Sendable {
        public let item: Item
        public let values: [(label: String, value: Double)]
        public let units: String
        public let ratio: Double
        public let mappingObserved: Double
        public let mappingExpected: Double
        public let holds: Bool
    }

    public func evaluate() throws -> [Result] {
        try items.map { item in
            var values: [(String, Double)] = []
            var units = ""
            for w in item.ways {
                let (v, u) = try w.evaluate()
                values.append((w.label, v))
                units = u
            }
            let lookup = Dictionary(values, uniquingKeysWith: { a, _ in a })
            let ratio = lookup[item.ratio.numerator]! / lookup[item.ratio.denominator]!
            let from = try item.mappingFrom.evaluate().0
            let observed: Double
            let expected: Double
            if let to = item.mappingTo, let r = item.expectedRatio {
                observed = from / (try to.evaluate().0)
                expected = r
            } else {
                observed = from
                expected = item.expectedValue!
            }
            let holds = abs(observed - expected) <= item.tolerance * abs(expected)
            return Result(
                item: item, values: values, units: units, ratio: ratio, mappingObserved: observed,
                mappingExpected: expected, holds: holds)
        }
    }

}
