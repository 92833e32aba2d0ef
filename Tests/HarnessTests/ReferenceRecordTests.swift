import NuData
import Foundation
import Testing
import NuData
import NuRegistry
import NuValidation
import NuAnalyses

/// Paper 003 lost its equations and most numbers in extraction: what survives is recorded, and
/// every lost item says so with its reason (none is silently absent).
struct ReferenceRecordTests {
    @Test("003 is recorded: surviving numbers, lost items with reasons, a citation")
    func paper003() throws {
        let library = try ReferenceLibrary(directory: Repository.reference)
        let entries = library.entries.filter { $0.key.hasPrefix("003_alikhanov_paschos.json#") }.map(\.value)
        #expect(entries.count >= 10, "003 holds \(entries.count) entries")
        #expect(library.citations["003_815d5913a8e38ae8.txt"]?.short == "Alikhanov & Paschos")
        let twenty = try #require(library.entries["003_alikhanov_paschos.json#sec6_1.interference_condition"]?.value)
        let twentyFive = try #require(library.entries["003_alikhanov_paschos.json#sec7.accuracy"]?.value)
        #expect(twenty == 0.20 && twentyFive == 0.25, "the two accuracy statements of Secs. 6.1 and 7: \(twenty), \(twentyFive)")
        for e in entries where e.irreproducible != nil {
            #expect(!(e.irreproducible ?? "").isEmpty, "\(e.id): an irreproducible entry needs its reason")
        }
        #expect(entries.filter { $0.irreproducible != nil }.count >= 8, "the lost items of 003 must be recorded as irreproducible")
    }
}
