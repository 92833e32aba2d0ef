import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import NuHarness

/// Collects the SVG elements a plot draws.
final class SVGElements: NSObject, XMLParserDelegate {
    var polylines: [String] = []
    var goldenCircles = 0
    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        if name == "polyline" { polylines.append(attributes["data-label"] ?? "") }
        if name == "circle", attributes["class"] == "golden" { goldenCircles += 1 }
    }
}

struct PlotTests {
    func elements(_ svg: String) -> SVGElements? {
        let parser = XMLParser(data: Data(svg.utf8)), collector = SVGElements()
        parser.delegate = collector
        return parser.parse() ? collector : nil
    }

    /// δa_μ against M on log axes: both paths as curves, and the two g-2 limit golden values of
    /// Fixtures/golden/foundation.json at g = 1e-3 on the same slice as markers.
    @Test("g2.muon plot: two curves and the golden limit points, well-formed SVG")
    func g2Plot() throws {
        let plot = try QuantityPlot(quantity: "g2.muon", inputs: ["mediator": "vector", "g": "1e-3"], x: "mass", from: "1e-4MeV", to: "1e5MeV",
                                    count: 40, logX: true, logY: true, fixtures: Repository.cases)
        let svg = try #require(elements(plot.svg()), "SVG is not well-formed XML")
        #expect(svg.polylines == ["closed form", "numerical"])
        #expect(svg.goldenCircles == 2, "golden markers: \(svg.goldenCircles)")
        // The curves are the quantity: the closed-form curve at its first point is δa at 1e-4 MeV.
        let first = try #require(plot.curves[0].points.first)
        #expect(abs(first.1 / 1.2665147955292221e-08 - 1) < 2e-5, "first point \(first)")
    }

    @Test("dσ/dT plot with the three forms and an SM comparison curve")
    func dsigmaPlot() throws {
        let plot = try QuantityPlot(quantity: "nue.dsigma", inputs: ["flavor": "numu", "energy": "30MeV", "model": "B-L", "g": "1e-4", "mass": "10MeV"],
                                    x: "recoil", from: "1keV", to: "29MeV", count: 30, logX: true, logY: true,
                                    comparisons: [["model": "SM", "g": "", "mass": ""]])
        let svg = try #require(elements(plot.svg()))
        #expect(svg.polylines.count == 5, "\(svg.polylines)")
        #expect(plot.curves.allSatisfy { $0.points.count == 30 })
    }

    @Test("bad plot requests are errors")
    func badRequests() {
        #expect(throws: (any Error).self) { try QuantityPlot(quantity: "g2.muon", inputs: ["mediator": "vector", "g": "1e-3"], x: "mass", from: "0MeV", to: "1MeV", logX: true, logY: false) }
        #expect(throws: (any Error).self) { try QuantityPlot(quantity: "g2.muon", inputs: ["mediator": "vector", "g": "1e-3"], x: "colour", from: "1", to: "2", logX: false, logY: false) }
        #expect(throws: (any Error).self) { try QuantityPlot(quantity: "g2.muon", inputs: ["mediator": "vector", "g": "1e-3"], x: "mass", from: "5MeV", to: "1MeV", logX: false, logY: false) }
        #expect(throws: (any Error).self) { try QuantityPlot(quantity: "nue.dsigma", inputs: ["flavor": "numu", "energy": "30MeV"], x: "recoil", from: "40MeV", to: "50MeV", logX: false, logY: false) }
    }
}

struct MarkdownTests {
    @Test("markdown report: a section per paper, every golden case, reasons, grid summary")
    func report() throws {
        let cases = Repository.cases
        let results = Runner.run(cases.filter { if case .golden = $0.kind { return true }; return $0.id.hasPrefix("grid.nue.tmax") })
        let text = Reports.markdown(results)
        for paper in ["Dev et al.", "Hostert (NTN slides)", "Abdullah et al.", "Atzori Corona et al."] {
            #expect(text.contains("## \(paper)"), "no section for \(paper)")
        }
        for r in results where { if case .golden = r.fixture.kind { return true }; return false }() {
            #expect(text.contains("| \(r.fixture.id) |"), "\(r.fixture.id) missing from the report")
        }
        #expect(text.contains("**001.trident.ratio@sw2=0.23121** (irreproducible)"))
        #expect(text.contains("| grid.nue.tmax |"))
    }
}
