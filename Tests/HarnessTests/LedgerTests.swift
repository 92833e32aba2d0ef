import Foundation
import Testing
import NuRegistry

/// Each quantity's ledger is the README's independence claim made checkable: the code it names
/// exists where it says, the closed path never names the numerical modules and the reverse, and
/// whatever code both paths call is declared as shared.
struct LedgerTests {
    static let sources = Repository.root.appendingPathComponent("Sources")
    static let numericalModules: Set = ["NuNumerical", "GSLKit"]

    /// The Swift text of a module's folder.
    static func text(of module: String) throws -> String {
        let folder = sources.appendingPathComponent(module)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".swift") }
        return try files.map { try String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8) }
            .joined(separator: "\n")
    }

    @Test("every quantity's ledger names its paths", arguments: QuantityRegistry.all.map(\.name))
    func paths(_ name: String) throws {
        let q = try QuantityRegistry.named(name)
        #expect(!q.ledger.closedForm.isEmpty, "\(name): the ledger names no closed-form code")
        #expect(q.ledger.numerical.isEmpty == !q.hasNumericalPath,
                "\(name): numerical code named \(q.ledger.numerical) but hasNumericalPath = \(q.hasNumericalPath)")
        #expect(!q.ledger.shared.isEmpty, "\(name): the ledger states nothing shared (at least the inputs' physics)")
    }

    /// `Module.Type.member`: the module's folder declares the type and the member.
    @Test("the code a ledger names exists in the module it names", arguments: QuantityRegistry.all.map(\.name))
    func namesExist(_ name: String) throws {
        let q = try QuantityRegistry.named(name)
        for entry in q.ledger.closedForm + q.ledger.numerical {
            let parts = entry.split(separator: ".").map(String.init)
            guard parts.count == 3 else {
                Issue.record("\(name): ledger entry '\(entry)' is not Module.Type.member")
                continue
            }
            let text = try Self.text(of: parts[0])
            let declares = ["enum", "struct", "class", "extension"].contains { text.contains("\($0) \(parts[1])") }
            #expect(declares, "\(name): \(parts[0]) declares no type \(parts[1]) (ledger entry \(entry))")
            let member = ["func \(parts[2])", "let \(parts[2])", "var \(parts[2])"].contains { text.contains($0) }
            #expect(member, "\(name): \(parts[0]) has no member \(parts[2]) (ledger entry \(entry))")
        }
    }

    /// The closed path never names GSL code and the numerical path never names closed-form code;
    /// code both name is shared, and the ledger must say so.
    @Test("the two paths are apart, or what they share is declared", arguments: QuantityRegistry.all.map(\.name))
    func independence(_ name: String) throws {
        let q = try QuantityRegistry.named(name)
        let module = { (entry: String) in String(entry.prefix { $0 != "." }) }
        for entry in q.ledger.closedForm {
            #expect(!Self.numericalModules.contains(module(entry)), "\(name): the closed path names \(entry)")
        }
        for entry in q.ledger.numerical {
            #expect(module(entry) != "NuClosedForm", "\(name): the numerical path names \(entry)")
        }
        let sharedText = q.ledger.shared.map(\.what).joined(separator: " ")
        for entry in Set(q.ledger.closedForm).intersection(q.ledger.numerical) {
            let type = entry.split(separator: ".")[1]
            let message = "\(name): both paths call \(entry) but the ledger's shared items do not name \(type)"
            #expect(sharedText.contains(type), Comment(rawValue: message))
        }
    }
}
