import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import TestSupport
@testable import NuAnalyses
import NuCoherent
import NuData
@testable import NuRegistry
@testable import NuReports
import NuValidation

/// Every element of an SVG document with its attributes and text, in order.
final class SVGTree: NSObject, XMLParserDelegate {
    var elements: [(name: String, attributes: [String: String], text: String)] = []
    private var openText: Int?
    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        elements.append((name, attributes, ""))
        openText = name == "text" ? elements.count - 1 : nil
    }
    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if let i = openText { elements[i].text += string }
    }
    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        openText = nil
    }

    static func parse(_ svg: String) throws -> SVGTree {
        let parser = XMLParser(data: Data(svg.utf8)), tree = SVGTree()
        parser.delegate = tree
        try #require(parser.parse(), "the SVG is not well-formed XML")
        return tree
    }

    func all(_ name: String, _ attributes: [String: String]) -> [[String: String]] {
        elements.filter { e in e.name == name && attributes.allSatisfy { e.attributes[$0.key] == $0.value } }
            .map(\.attributes)
    }
    var legendTexts: [String] { elements.filter { $0.name == "text" && $0.attributes["class"] == "legend" }.map(\.text) }

    /// Data (mass, g) to pixels, from the frame's recorded axis ranges (log axes).
    func pixel(_ x: Double, _ y: Double) throws -> (Double, Double) {
        let frame = try #require(all("rect", ["class": "frame"]).first, "no frame")
        func number(_ k: String) throws -> Double { try #require(Double(frame[k] ?? "")) }
        let xr = (frame["data-x-range"] ?? "").split(separator: " ").compactMap { Double($0) }
        let yr = (frame["data-y-range"] ?? "").split(separator: " ").compactMap { Double($0) }
        try #require(xr.count == 2 && yr.count == 2 && frame["data-log-x"] == "true" && frame["data-log-y"] == "true")
        let (left, top, w, h) = (try number("x"), try number("y"), try number("width"), try number("height"))
        return (left + (log10(x) - xr[0]) / (xr[1] - xr[0]) * w, top + (1 - (log10(y) - yr[0]) / (yr[1] - yr[0])) * h)
    }
}

/// The subpaths of an SVG path's `d` ("M x,y L x,y ... Z M ..."), in pixels.
func subpaths(_ d: String) -> [[(Double, Double)]] {
    var out: [[(Double, Double)]] = []
    for token in d.split(separator: " ") {
        var t = Substring(token)
        if t == "Z" { continue }
        let move = t.hasPrefix("M")
        if move || t.hasPrefix("L") { t = t.dropFirst() }
        let xy = t.split(separator: ",").compactMap { Double($0) }
        guard xy.count == 2 else { continue }
        if move { out.append([]) }
        out[out.count - 1].append((xy[0], xy[1]))
    }
    return out
}

/// Even-odd ray casting inside one polygon.
func inside(_ p: (Double, Double), _ polygon: [(Double, Double)]) -> Bool {
    var result = false
    for (a, b) in zip(polygon, polygon.dropFirst() + [polygon[0]]) where (a.1 > p.1) != (b.1 > p.1) {
        if p.0 < a.0 + (p.1 - a.1) / (b.1 - a.1) * (b.0 - a.0) { result.toggle() }
    }
    return result
}

/// "#rrggbb" as (r, g, b) in 0-255.
func rgb(_ hex: String) -> (Int, Int, Int)? {
    guard hex.count == 7, hex.hasPrefix("#"), let v = Int(hex.dropFirst(), radix: 16) else { return nil }
    return (v >> 16, (v >> 8) & 255, v & 255)
}

struct FigureTests {
    /// An L_μ − L_τ-like CsI curve: below the bound a, an allowed strip [b, c) above it, all ∝ M
    /// (004 Fig. 8 at 1 GeV: [0, 0.0265) ∪ [0.066, 0.0753)).
    static let (a, b, c) = (0.0265, 0.066, 0.0753)
    static func stripPoints(scale: Double = 1) -> [LimitPoint] {
        [100.0, 1000, 10000].map { m in
            let s = scale * m / 1000
            return LimitPoint(mass: m, g: a * s, allowed: [(0, a * s), (b * s, c * s)], illConditioned: false)
        }
    }
    static func curve(_ dataset: String, scale: Double = 1) throws -> LimitCurve {
        LimitCurve(model: "Lmu-Ltau", dataset: dataset, convention: try LimitConvention(dof: 2), inputs: .release,
                   points: stripPoints(scale: scale))
    }
    static let reference = try? ReferenceLibrary(directory: Repository.reference)

    @Test("excluded intervals are the complement of the allowed ones")
    func complement() {
        let (a, b, c) = (Self.a, Self.b, Self.c)
        func same(_ x: [ExclusionShading.Interval], _ y: [(Double, Double?)]) -> Bool {
            x.count == y.count && zip(x, y).allSatisfy { $0.lower == $1.0 && $0.upper == $1.1 }
        }
        #expect(same(ExclusionShading.excluded([(0, a), (b, c)]), [(a, b), (c, nil)]), "a strip leaves [b, c) open")
        #expect(same(ExclusionShading.excluded([(b, c), (0, a)]), [(a, b), (c, nil)]), "order does not matter")
        #expect(same(ExclusionShading.excluded([(0, a)]), [(a, nil)]), "no strip: all above the bound")
        #expect(same(ExclusionShading.excluded([(0, a), (b, nil)]), [(a, b)]), "allowed to the end of the scan")
        #expect(same(ExclusionShading.excluded([(b, c)]), [(0, b), (c, nil)]), "g → 0 excluded")
        #expect(same(ExclusionShading.excluded([]), [(0, nil)]), "nothing allowed")
    }

    /// The polygons in (log M, log g): a point between a and b and one above c are inside, a
    /// point inside the strip and one below the bound are not, at a computed mass and between two.
    @Test("the shading covers the gaps and not the strip", arguments: [1000.0 * 1.01, 316.0])
    func shading(_ mass: Double) {
        let s = mass / 1000
        let columns = Self.stripPoints().map { (mass: $0.mass, allowed: $0.allowed) }
        let polygons = ExclusionShading.polygons(columns).map { $0.map { (log10($0.0), log10(min($0.1, 1e30))) } }
        func excluded(_ g: Double) -> Bool { polygons.contains { inside((log10(mass), log10(g)), $0) } }
        #expect(excluded((Self.a * Self.b).squareRoot() * s), "between the bound and the strip")
        #expect(excluded(3 * Self.c * s), "above the strip")
        #expect(!excluded((Self.b * Self.c).squareRoot() * s), "inside the allowed strip")
        #expect(!excluded(Self.a * s / 3), "below the bound")
        let edges = ExclusionShading.edges(columns)
        #expect(edges.count == 3 && edges.allSatisfy { $0.count == 3 }, "three lines (a, b, c) over the three masses: \(edges)")
    }

    /// A strip present at one mass only narrows to a point at its neighbours: its two lines meet.
    @Test("a strip that appears narrows to a point")
    func stripTip() {
        let (a, b, c) = (Self.a, Self.b, Self.c)
        let columns: [ExclusionShading.Column] = [(100, [(0, a / 10)]), (1000, [(0, a), (b, c)])]
        let edges = ExclusionShading.edges(columns)
        #expect(edges.count == 3, "\(edges)")
        let strip = edges.filter { $0.last!.1 == b || $0.last!.1 == c }
        #expect(strip.count == 2 && strip[0].first!.1 == strip[1].first!.1, "the strip's edges meet at 100 MeV: \(strip)")
        #expect(strip.allSatisfy { $0.first!.1 > a / 10 }, "the tip lies above the bound")
    }

    @Test("limits figure: Ar red, CsI blue, CsI+Ar black, the strip open in the SVG")
    func threeDataSets() throws {
        let reference = try #require(Self.reference)
        let curves = try [Self.curve("ar", scale: 2), Self.curve("csi"), Self.curve("combined", scale: 0.9)]
        let svg = try LimitReport.chart(curves, reference: reference).svg()
        try Self.keep(svg, "constructed-strips.svg")
        let tree = try SVGTree.parse(svg)
        let expected = ["coherent-ar": "red", "coherent-csi": "blue", "coherent-combined": "black"]
        for (key, colour) in expected {
            let region = try #require(tree.all("path", ["class": "region excluded", "data-style": key]).first, "\(key)")
            let outline = try #require(tree.all("path", ["class": "outline excluded", "data-style": key]).first)
            let (r, g, b) = try #require(rgb(outline["stroke"] ?? ""))
            switch colour {
            case "red": #expect(r > 150 && g < 100 && b < 100, "\(key) \(outline["stroke"]!)")
            case "blue": #expect(b > 150 && r < 100 && g < 120, "\(key) \(outline["stroke"]!)")
            default: #expect(r + g + b < 60, "\(key) \(outline["stroke"]!)")
            }
            #expect(region["fill"] == outline["stroke"], "tinted in the data set's colour")
            #expect((Double(region["fill-opacity"] ?? "") ?? 1) <= 0.15, "lightly tinted")
        }
        #expect(tree.legendTexts == ["COHERENT Ar (2020)", "COHERENT CsI (2021)", "COHERENT CsI + Ar"], "\(tree.legendTexts)")
        #expect(!svg.contains("Table 2"), "no asymptotes with three data sets")
        // The CsI region mapped back: excluded between a and b, open inside [b, c).
        let csi = subpaths(tree.all("path", ["class": "region excluded", "data-style": "coherent-csi"])[0]["d"]!)
        func excluded(_ m: Double, _ g: Double) throws -> Bool { let p = try tree.pixel(m, g); return csi.contains { inside(p, $0) } }
        for m in [200.0, 1010, 5000] {
            let s = m / 1000
            #expect(try excluded(m, (Self.a * Self.b).squareRoot() * s), "gap at \(m) MeV")
            #expect(try !excluded(m, (Self.b * Self.c).squareRoot() * s), "strip at \(m) MeV is painted excluded")
            #expect(try excluded(m, 1.5 * Self.c * s), "above the strip at \(m) MeV")
        }
        let lines = subpaths(tree.all("path", ["class": "outline excluded", "data-style": "coherent-csi"])[0]["d"]!)
        #expect(lines.count == 3, "the bound and the strip's two edges: \(lines.count)")
    }

    @Test("one data set: Table 2 asymptotes dashed, clipped, not stretching the axes")
    func oneDataSet() throws {
        let reference = try #require(Self.reference)
        let curve = LimitCurve(model: "B-L", dataset: "csi", convention: try LimitConvention(dof: 2), inputs: .release,
                               points: (0...20).map { i in let m = pow(10, Double(i) / 4 - 1); let g = 5.27e-5 * (1 + m / 50)
                                   return LimitPoint(mass: m, g: g, allowed: [(0, g)], illConditioned: false) })
        let svg = try LimitReport.chart([curve], reference: reference).svg()
        let tree = try SVGTree.parse(svg)
        let references = tree.all("polyline", ["data-style": "reference"])
        #expect(references.count == 2 && references.allSatisfy { $0["stroke-dasharray"] != nil && $0["clip-path"] == "url(#plot)" })
        #expect(tree.legendTexts.contains { $0.contains("Table 2, M ≪ |q|") }, "\(tree.legendTexts)")
        let ticks = tree.elements.filter { $0.attributes["class"] == "tick y" }.map(\.text)
        #expect(!ticks.contains("1e-9") && ticks.count >= 2, "\(ticks)")
        let layout = try #require(PlotTests().elements(svg))
        #expect(layout.layoutProblems.isEmpty, "\(layout.layoutProblems)")
    }

    @Test("the same data set has the same colour and words in the limits and the g2 figures")
    func sameStyleAcrossFigures() throws {
        let reference = try #require(Self.reference)
        let limits = try SVGTree.parse(try LimitReport.chart([Self.curve("csi")], reference: reference,
            band: [MuonG2Band.Edges(mass: 100, lower: 1e-3, upper: 2e-3), MuonG2Band.Edges(mass: 1e4, lower: 0.1, upper: 0.2)]).svg())
        let points = Self.stripPoints().map { p in
            MuonG2Band.Point(mass: p.mass, lower: 1e-3, upper: 2e-3, bound: p.g, allowed: p.allowed, excludedFraction: 1)
        }
        let g2 = try SVGTree.parse(try G2BandReport.chart(model: "Lmu-Ltau", dataset: "csi", points).svg())
        for key in ["coherent-csi", "g2-band"] {
            let strokes = [limits, g2].map { $0.all("path", ["data-style": key]).compactMap { $0["stroke"] }.filter { $0 != "none" } }
            let fills = [limits, g2].map { $0.all("path", ["data-style": key]).compactMap { $0["fill"] }.filter { $0 != "none" } }
            #expect(!strokes[0].isEmpty && Set(strokes[0]) == Set(strokes[1]), "\(key) lines: \(strokes)")
            #expect(!fills[0].isEmpty && Set(fills[0]) == Set(fills[1]), "\(key) tint: \(fills)")
        }
        #expect(limits.legendTexts.contains("COHERENT CsI (2021)") && g2.legendTexts.contains("COHERENT CsI (2021)"))
        #expect(g2.all("path", ["class": "region excluded"]).count == 1, "the g2 figure shades the excluded intervals")
    }

    static func reach(_ mode: String, deficitEnd: Bool) -> SensitivityCurve {
        SensitivityCurve(model: "B-L", mode: mode, dof: 2, points: [30.0, 100, 300, 1000].map { m in
            let deficit = m >= 100 ? 1e-4 * m / 100 : nil
            return SensitivityPoint(mass: m, reach: deficit ?? 2e-4, excess: 2e-4 * m / 30, deficit: deficit,
                                    deficitEnd: deficitEnd ? deficit.map { 1.6 * $0 } : nil)
        })
    }

    /// 000 Fig. 2: the deficit region is closed (its outline returns to its first point) and
    /// holds the lower and upper edges; without the upper edge its lower edge alone, dashed.
    @Test("sensitivity figure: the deficit region closed when deficitEnd is given, its lower edge otherwise")
    func deficitRegion() throws {
        let curves = ["nu", "nubar", "combined", "jsns2"].map { Self.reach($0, deficitEnd: $0 == "nu") }
        try Self.keep(SensitivityReport.chart(curves).svg(), "constructed-deficit.svg")
        let closed = try SVGTree.parse(SensitivityReport.chart([Self.reach("nu", deficitEnd: true)]).svg())
        let fill = try #require(closed.all("path", ["class": "region deficit", "data-style": "dune-nu"]).first)
        let outline = try #require(closed.all("path", ["class": "outline deficit", "data-style": "dune-nu"]).first)
        #expect(outline["stroke-dasharray"] == FigureStyle.Dash.dotDashed.pattern, "dot-dashed, as 000")
        let ring = try #require(subpaths(outline["d"]!).first)
        #expect(ring.count == 7 && ring.first! == ring.last!, "closed: 3 lower + 3 upper + the first again: \(ring)")
        let polygon = try #require(subpaths(fill["d"]!).first)
        for m in [100.0, 300, 1000] {
            let (lower, upper) = (try closed.pixel(m, 1e-4 * m / 100), try closed.pixel(m, 1.6e-4 * m / 100))
            #expect(polygon.contains { abs($0.0 - lower.0) < 0.01 && abs($0.1 - lower.1) < 0.01 }, "lower edge at \(m)")
            #expect(polygon.contains { abs($0.0 - upper.0) < 0.01 && abs($0.1 - upper.1) < 0.01 }, "upper edge at \(m)")
            let middle = try closed.pixel(m * 1.001, 1.25e-4 * m / 100)
            #expect(inside(middle, polygon) || m == 1000, "inside the region at \(m)")
        }
        #expect(closed.legendTexts.contains("reached by a deficit (enclosed)"))

        let open = try SVGTree.parse(SensitivityReport.chart([Self.reach("nu", deficitEnd: false)]).svg())
        #expect(open.all("path", ["class": "region deficit"]).isEmpty, "no region without its upper edge")
        let edge = try #require(open.all("path", ["class": "outline deficit"]).first)
        let line = try #require(subpaths(edge["d"]!).first)
        #expect(edge["stroke-dasharray"] == FigureStyle.Dash.dashed.pattern && line.count == 3 && line.first! != line.last!)
        #expect(open.legendTexts.contains("deficit reach, lower edge"))
    }

    @Test("sensitivity figure: legends in words, the combined analysis purple, the same band as the limits figure")
    func sensitivityLegend() throws {
        let curves = ["nu", "nubar", "combined", "jsns2"].map { Self.reach($0, deficitEnd: true) }
        let band = [MuonG2Band.Edges(mass: 30, lower: 3e-4, upper: 5e-4), MuonG2Band.Edges(mass: 1000, lower: 3e-3, upper: 5e-3)]
        let text = SensitivityReport.chart(curves, band: band).svg()
        let tree = try SVGTree.parse(text)
        for words in ["DUNE ND ν mode", "DUNE ND ν̄ mode", "DUNE ND ν + ν̄ combined", "JSNS²", "(g−2)_μ 2σ band"] {
            #expect(tree.legendTexts.contains(words), "legend lacks '\(words)': \(tree.legendTexts)")
        }
        #expect(!tree.legendTexts.contains { ["nu", "nubar", "combined", "jsns2"].contains($0) || $0.hasPrefix("nu:") },
                "raw keys in the legend: \(tree.legendTexts)")
        let purple = try #require(tree.all("polyline", ["data-style": "dune-combined"]).first?["stroke"])
        let (r, g, b) = try #require(rgb(purple))
        #expect(r > 90 && b > 130 && g < 80, "combined is purple (000 Fig. 2), got \(purple)")
        let layout = try #require(PlotTests().elements(text))
        #expect(layout.layoutProblems.isEmpty, "\(layout.layoutProblems)")
        // The combined line is its reach on either side (here the deficit's lower edge from 100 MeV).
        let combined = subpaths("M" + (tree.all("polyline", ["data-style": "dune-combined"])[0]["points"] ?? "")
            .replacingOccurrences(of: " ", with: " L"))
        let at300 = try tree.pixel(300, 3e-4)
        #expect(combined.first?.contains { abs($0.0 - at300.0) < 0.01 && abs($0.1 - at300.1) < 0.01 } == true)
    }

    /// With `$NUCHECK_FIGURE_DIR` set, a constructed figure is written there to be looked at.
    static func keep(_ svg: String, _ name: String) throws {
        guard let dir = ProcessInfo.processInfo.environment["NUCHECK_FIGURE_DIR"] else { return }
        try svg.write(toFile: dir + "/" + name, atomically: true, encoding: .utf8)
    }

    static let goodOverlay = "# label: NA64 (2020)\n# a comment\nmass_MeV,g\n1,2e-5\n10,3e-5\n\n100,9e-5\n"

    @Test("overlay files: the format read, every error one line naming the file and the line")
    func overlays() throws {
        let o = try OverlayLimit.parse(Self.goodOverlay, path: "na64.csv")
        #expect(o.label == "NA64 (2020)" && o.points.count == 3 && o.points[2] == (100, 9e-5))
        let bad: [(String, String)] = [
            ("", "empty"), ("   \n", "empty"),
            ("mass_MeV,g\n1,2\n3,4\n", "line 1:"),
            ("# label:   \nmass_MeV,g\n1,2\n3,4\n", "line 1:"),
            ("# label: x\nmass,g\n1,2\n3,4\n", "line 2:"),
            ("# label: x\nmass_MeV,g\n1,2\n3,4,5\n", "line 4:"),
            ("# label: x\nmass_MeV,g\n1,2\n3;4\n", "line 4:"),
            ("# label: x\nmass_MeV,g\n1,2\n3,abc\n", "line 4: g 'abc' is not a number"),
            ("# label: x\nmass_MeV,g\n1,2\nnan,4\n", "line 4: mass_MeV 'nan' is not finite"),
            ("# label: x\nmass_MeV,g\n1,2\n3,1e400\n", "line 4: g '1e400' is not finite"),
            ("# label: x\nmass_MeV,g\n1,2\n\n# c\n3,0\n", "line 6: g 0 must be positive"),
            ("# label: x\nmass_MeV,g\n-1,2\n3,4\n", "line 3: mass_MeV -1 must be positive"),
            ("# label: x\nmass_MeV,g\n1,2\n", "1 point(s)"),
            ("# label: x\n# only comments\n", "no column header"),
        ]
        for (text, mention) in bad {
            do {
                _ = try OverlayLimit.parse(text, path: "o.csv")
                Issue.record("accepted: \(text.debugDescription)")
            } catch {
                let message = "\(error)"
                #expect(message.hasPrefix("o.csv: ") && message.contains(mention) && !message.contains("\n"),
                        "\(text.debugDescription): \(message)")
                #expect(NuValidation.ExitStatus.code(for: error) == 5)
            }
        }
        #expect(throws: HarnessError.self) { try OverlayLimit.read("/nonexistent/overlay.csv") }
        #expect(throws: HarnessError.self) { try OverlayLimit.read("/dev/zero") }
    }

    /// The command line: a figure's refusals come before any data is read (an empty `--data`
    /// folder would exit 6), the full figure holds the three data sets, the band and an overlay.
    @Test("limits and sensitivity --plot: refusals first, then the figure")
    func commandLine() throws {
        try withTemporaryDirectory("nucheck-figures") { dir in
            let empty = dir.appendingPathComponent("empty"), svg = dir.appendingPathComponent("f.svg").path
            try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
            let good = dir.appendingPathComponent("good.csv"), bad = dir.appendingPathComponent("bad.csv")
            try Self.goodOverlay.write(to: good, atomically: true, encoding: .utf8)
            try "# label: x\nmass_MeV,g\n1,2e-5\n10,-3\n".write(to: bad, atomically: true, encoding: .utf8)
            let refusals: [([String], Int32, String)] = [
                (["limits", "all", "--detector", "all", "--plot", svg, "--data", empty.path], 2, "one model"),
                (["limits", "B-3Le", "--detector", "all", "--g2-band", "--plot", svg, "--data", empty.path], 3, "does not couple to muons"),
                (["limits", "B-L", "--g2-band", "--data", empty.path], 2, "--plot"),
                (["limits", "B-L", "--overlay", good.path, "--data", empty.path], 2, "--plot"),
                (["limits", "B-L", "--overlay", bad.path, "--plot", svg, "--data", empty.path], 5, "bad.csv: line 4"),
                (["limits", "B-L", "--overlay", dir.appendingPathComponent("none.csv").path, "--plot", svg, "--data", empty.path], 5, "none.csv"),
                (["sensitivity", "Le-Ltau", "--g2-band", "--plot", svg, "--dune-data", empty.path], 3, "does not couple to muons"),
                (["sensitivity", "B-L", "--overlay", bad.path, "--plot", svg, "--dune-data", empty.path], 5, "line 4"),
            ]
            for (arguments, status, mention) in refusals {
                let o = try CommandLineRunner.run(arguments)
                #expect(o.status == status && o.stderrLines.count == 1 && o.stderr.contains(mention) && o.stdout.isEmpty,
                        "\(o.invocation): \(o.status) \(o.stderr)")
                #expect(!FileManager.default.fileExists(atPath: svg), "a refused run wrote the figure")
            }
            let o = try CommandLineRunner.run(["limits", "universal", "--detector", "all", "--points", "8", "--g2-band",
                                               "--overlay", good.path, "--plot", svg])
            #expect(o.status == 0, "\(o.stderr)")
            let tree = try SVGTree.parse(try String(contentsOfFile: svg, encoding: .utf8))
            #expect(Set(tree.all("path", ["class": "region excluded"]).compactMap { $0["data-style"] })
                    == ["coherent-ar", "coherent-csi", "coherent-combined"])
            #expect(tree.all("path", ["class": "region band", "data-style": "g2-band"]).count == 1)
            #expect(tree.all("polyline", ["data-label": "NA64 (2020)"]).count == 1)
            #expect(tree.legendTexts == ["COHERENT Ar (2020)", "COHERENT CsI (2021)", "COHERENT CsI + Ar", "(g−2)_μ 2σ band",
                                         "NA64 (2020)"], "\(tree.legendTexts)")
        }
    }
}
