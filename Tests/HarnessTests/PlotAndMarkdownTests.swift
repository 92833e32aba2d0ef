import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import NuRegistry
import NuValidation
import NuAnalyses
import NuReports

/// Collects the SVG elements a plot draws.
final class SVGElements: NSObject, XMLParserDelegate {
    var polylines: [String] = []
    var goldenCircles = 0
    var size = (width: 0.0, height: 0.0)
    /// Every <text>: its attributes and its content.
    var texts: [(attributes: [String: String], content: String)] = []
    private var open: [String: String]?
    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        if name == "svg" { size = (Double(attributes["width"] ?? "") ?? 0, Double(attributes["height"] ?? "") ?? 0) }
        if name == "polyline" { polylines.append(attributes["data-label"] ?? "") }
        if name == "circle", attributes["class"] == "golden" { goldenCircles += 1 }
        if name == "text" { open = attributes; texts.append((attributes, "")) }
    }
    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if open != nil { texts[texts.count - 1].content += string }
    }
    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "text" { open = nil }
    }

    /// What a slide-ready figure must have: a visible title, labelled ticks on both axes, and no
    /// text outside the canvas (each label's extent estimated at 7.5 px a character).
    var layoutProblems: [String] {
        var problems: [String] = []
        if !texts.contains(where: { $0.attributes["class"] == "title" && !$0.content.isEmpty }) { problems.append("no visible title") }
        for axis in ["x", "y"] where texts.filter({ $0.attributes["class"] == "tick \(axis)" }).count < 2 {
            problems.append("fewer than two tick labels on the \(axis) axis")
        }
        for t in texts {
            let width = 7.5 * Double(t.content.count) * (t.attributes["font-size"] == "15" ? 1.3 : 1)
            if let transform = t.attributes["transform"] {  // the rotated y label: its centre must leave room
                let numbers = transform.split(whereSeparator: { !"0123456789.-".contains($0) }).compactMap { Double($0) }
                if numbers.count >= 2, numbers[1] - width / 2 < 0 || numbers[1] + width / 2 > size.height { problems.append("'\(t.content)' leaves the canvas vertically") }
                continue
            }
            guard let x = Double(t.attributes["x"] ?? ""), let y = Double(t.attributes["y"] ?? "") else { continue }
            let (lo, hi): (Double, Double)
            switch t.attributes["text-anchor"] {
            case "middle": (lo, hi) = (x - width / 2, x + width / 2)
            case "end": (lo, hi) = (x - width, x)
            default: (lo, hi) = (x, x + width)
            }
            if lo < 0 || hi > size.width || y < 10 || y > size.height { problems.append("'\(t.content)' at (\(x), \(y)) leaves the \(size.width)×\(size.height) canvas") }
        }
        return problems
    }
}

struct PlotTests {
    func elements(_ svg: String) -> SVGElements? {
        let parser = XMLParser(data: Data(svg.utf8)), collector = SVGElements()
        parser.delegate = collector
        return parser.parse() ? collector : nil
    }

    /// δa_μ against M on log axes: both paths as one merged curve, well-formed SVG.
    @Test("g2.muon plot: the paths as one curve, well-formed SVG")
    func g2Plot() throws {
        let plot = try QuantityPlot(quantity: "g2.muon", inputs: ["mediator": "vector", "g": "1e-3"], x: "mass", from: "1e-4MeV", to: "1e5MeV",
                                    count: 40, logX: true, logY: true, fixtures: Repository.cases)
        let svg = try #require(elements(plot.svg()), "SVG is not well-formed XML")
        #expect(svg.polylines == ["closed form = numerical"], "coincident paths are one legend entry: \(svg.polylines)")
        #expect(svg.layoutProblems.isEmpty, "\(svg.layoutProblems)")
        // The curves are the quantity: at M ≪ m_μ δa tends to g²/(8π²) (004 Eqs. (58)-(59)), with
        // the relative correction −πM/m_μ = −3e-6 at the first point.
        let first = try #require(plot.curves[0].points.first)
        #expect(abs(first.1 / (1e-6 / (8 * Double.pi * Double.pi)) - 1) < 1e-5, "first point \(first)")
    }

    /// The coupling against Δa_μ at 25 MeV: the golden edges of 004's L_e − L_μ gap (Δa ± 2σ) lie
    /// on the slice and are drawn as markers.
    @Test("g2.coupling plot: the golden band edges as markers")
    func goldenMarkers() throws {
        let plot = try QuantityPlot(quantity: "g2.coupling", inputs: ["mediator": "vector", "mass": "25MeV"], x: "deltaA", from: "1e-9", to: "4e-9",
                                    count: 20, logX: false, logY: false, fixtures: Repository.cases)
        let svg = try #require(elements(plot.svg()))
        #expect(svg.goldenCircles == 2, "golden markers: \(svg.goldenCircles)")
        #expect(Set(plot.golden.map(\.y)) == [4e-4, 7e-4], "\(plot.golden)")
        #expect(svg.layoutProblems.isEmpty, "\(svg.layoutProblems)")
    }

    @Test("dσ/dT plot with the three forms and an SM comparison curve")
    func dsigmaPlot() throws {
        let plot = try QuantityPlot(quantity: "nue.dsigma", inputs: ["flavor": "numu", "energy": "30MeV", "model": "B-L", "g": "1e-4", "mass": "10MeV"],
                                    x: "recoil", from: "1keV", to: "29MeV", count: 30, logX: true, logY: true,
                                    comparisons: [["model": "SM", "g": "", "mass": ""]])
        let svg = try #require(elements(plot.svg()))
        #expect(svg.polylines.count == 2 && svg.polylines[0] == "closed form = form dev = form general = form shift", "\(svg.polylines)")
        #expect(plot.curves.allSatisfy { $0.points.count == 30 })
        #expect(svg.layoutProblems.isEmpty, "\(svg.layoutProblems)")
        #expect(svg.texts.contains { $0.attributes["class"] == "caption" && $0.content.contains("model=B-L") && $0.content.contains("mass=10MeV") },
                "the caption must name the fixed inputs")
    }

    /// Log axes spanning a fraction of a decade, several decades, and a linear axis all get labelled
    /// ticks; a long legend moves below the plot instead of off the canvas.
    @Test("tick labels on every axis and nothing outside the canvas", arguments: [("1MeV", "5MeV", true), ("1MeV", "1.3MeV", true), ("1keV", "29MeV", true), ("1MeV", "20MeV", false)])
    func layout(_ range: (String, String, Bool)) throws {
        let plot = try QuantityPlot(quantity: "nue.dsigma", inputs: ["flavor": "numu", "energy": "30MeV"], x: "recoil", from: range.0, to: range.1,
                                    count: 20, logX: range.2, logY: range.2)
        let svg = try #require(elements(plot.svg()))
        #expect(svg.layoutProblems.isEmpty, "\(range): \(svg.layoutProblems)")
    }

    /// The exclusion figure: the excluded region tinted (a region, not "everything above the
    /// bound"), the Table 2 asymptotes dashed references that do not stretch the axes.
    @Test("exclusion chart: shaded region, dashed asymptotes clipped, slide layout")
    func exclusionChart() throws {
        let columns: [ExclusionShading.Column] = (0...20).map { i in let m = pow(10, Double(i) / 4 - 1); return (m, [(0, 4e-5 * (1 + m / 30))]) }
        let region = PlotRegion(label: "B-L, CsI", style: .coherentCsI, kind: .excluded, fills: ExclusionShading.polygons(columns),
                                outlines: ExclusionShading.edges(columns))
        let asymptote = PlotCurve(label: "Table 2, M ≪ |q|", points: [(0.1, 1e-9), (10, 1e-9)], role: .reference)
        let text = SVGChart(title: "B-L: 2σ exclusion", caption: "test", xLabel: "M_Z' [MeV]", yLabel: "g_B-L", curves: [asymptote],
                            regions: [region], logX: true, logY: true).svg()
        let svg = try #require(elements(text))
        #expect(text.contains("class=\"region excluded\""), "no shaded excluded region")
        #expect(text.contains("stroke-dasharray") && text.contains("clip-path=\"url(#plot)\""), "the asymptote must be dashed and clipped")
        let ticks = svg.texts.filter { $0.attributes["class"] == "tick y" }.map(\.content)
        #expect(!ticks.contains("1e-9"), "a reference line at 1e-9 must not stretch the y axis: \(ticks)")
        #expect(svg.layoutProblems.isEmpty, "\(svg.layoutProblems)")
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
        let text = try Reports.markdown(results)
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
