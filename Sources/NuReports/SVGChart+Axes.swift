import Foundation

/// Where the plot sits on the canvas and how data map to it (log10 on a log axis). Values off
/// the axis (+∞, and 0 or −∞ on a log axis) map outside the plot on their side, where the clip
/// path cuts them: a region bounded by "the end of the scan" fills to the frame.
struct PlotFrame {
    let left: Double, top: Double, width: Double, height: Double
    let logX: Bool, logY: Bool
    /// The axis ranges in axis units (log10 of the value on a log axis).
    let x0: Double, x1: Double, y0: Double, y1: Double

    func axisX(_ v: Double) -> Double { logX ? log10(v) : v }
    func axisY(_ v: Double) -> Double { logY ? log10(v) : v }

    /// True when the value lies on the axis (finite, positive on a log axis).
    func onAxes(_ p: (Double, Double)) -> Bool { axisX(p.0).isFinite && axisY(p.1).isFinite }

    func px(_ v: Double) -> Double { clamp(left + (axisX(v) - x0) / (x1 - x0) * width, left, left + width) }
    func py(_ v: Double) -> Double { clamp(top + (1 - (axisY(v) - y0) / (y1 - y0)) * height, top, top + height) }

    /// Pulled in to 10⁴ px outside the plot (infinite values too): the clip path cuts them and the
    /// numbers written stay short.
    private func clamp(_ p: Double, _ a: Double, _ b: Double) -> Double {
        let (lo, hi) = (min(a, b) - 10_000, max(a, b) + 10_000)
        return p.isNaN ? lo : min(max(p, lo), hi)
    }

    func point(_ p: (Double, Double)) -> String { "\(SVGChart.number(px(p.0))),\(SVGChart.number(py(p.1)))" }
}

extension SVGChart {
    static func number(_ v: Double) -> String { String(format: "%.2f", v) }

    /// Tick positions in axis units (log10 for a log axis): (value, label or nil for a minor tick).
    static func ticks(_ lo: Double, _ hi: Double, log: Bool) -> [(Double, String?)] {
        func linear(_ lo: Double, _ hi: Double) -> [(Double, String?)] {
            let step = pow(10, floor(log10((hi - lo) / 5)))
            let unit = [1.0, 2, 5, 10].first { (hi - lo) / ($0 * step) <= 7 }! * step
            return stride(from: ceil(lo / unit) * unit, through: hi + 1e-9 * unit, by: unit).map { v in
                (v, String(format: "%g", abs(v) < 1e-12 * unit ? 0 : v))
            }
        }
        guard log else { return linear(lo, hi) }
        // "1e5" rather than "100000"; plain numbers between 1e-3 and 1e4.
        func name(_ m: Double, _ e: Int) -> String {
            (-3...3).contains(e) ? String(format: "%g", m * pow(10, Double(e))) : "\(String(format: "%g", m))e\(e)"
        }
        // Less than half a decade: labelled 1-2-5 steps in value space, placed on the log axis.
        if hi - lo < 0.5 {
            let (a, b) = (pow(10, lo), pow(10, hi))
            let e = Int(floor(log10((b - a) / 4)))
            let step = [1.0, 2, 5, 10].first { (b - a) / ($0 * pow(10, Double(e))) <= 8 }! * pow(10, Double(e))
            return stride(from: ceil(a / step) * step, through: b, by: step).map { v in
                let exponent = Int(floor(log10(v)))
                return (log10(v), name((v / pow(10, Double(exponent)) * 1e6).rounded() / 1e6, exponent))
            }
        }
        let first = Int(floor(lo))
        let last = Int(ceil(hi))
        var out: [(Double, String?)] = []
        let labelledMantissas: Set<Int> = hi - lo < 1.5 ? [1, 2, 3, 5] : (hi - lo < 3 ? [1, 3] : [1])
        for e in first...last {
            for m in 1...9 {
                let t = Double(e) + log10(Double(m))
                guard t >= lo - 1e-9, t <= hi + 1e-9 else { continue }
                out.append((t, labelledMantissas.contains(m) ? name(Double(m), e) : nil))
            }
        }
        return out
    }

    /// The frame, the ticks with their labels and the axis titles.
    static func axes(_ frame: PlotFrame, xLabel: String, yLabel: String) -> [String] {
        let f = number
        let (left, top, plotW, plotH) = (frame.left, frame.top, frame.width, frame.height)
        var svg = [
            "<rect class=\"frame\" x=\"\(f(left))\" y=\"\(f(top))\" width=\"\(f(plotW))\" height=\"\(f(plotH))\" "
                + "fill=\"none\" stroke=\"black\" data-log-x=\"\(frame.logX)\" data-log-y=\"\(frame.logY)\" "
                + "data-x-range=\"\(frame.x0) \(frame.x1)\" data-y-range=\"\(frame.y0) \(frame.y1)\"/>"
        ]
        for (t, label) in ticks(frame.x0, frame.x1, log: frame.logX) {
            let x = left + (t - frame.x0) / (frame.x1 - frame.x0) * plotW
            svg.append(
                "<line x1=\"\(f(x))\" y1=\"\(f(top + plotH))\" x2=\"\(f(x))\" "
                    + "y2=\"\(f(top + plotH + (label == nil ? 3 : 6)))\" stroke=\"black\"/>"
            )
            if let label {
                svg.append(
                    "<text class=\"tick x\" x=\"\(f(x))\" y=\"\(f(top + plotH + 19))\" "
                        + "text-anchor=\"middle\">\(label)</text>"
                )
            }
        }
        for (t, label) in ticks(frame.y0, frame.y1, log: frame.logY) {
            let y = top + (1 - (t - frame.y0) / (frame.y1 - frame.y0)) * plotH
            svg.append(
                "<line x1=\"\(f(left - (label == nil ? 3 : 6)))\" y1=\"\(f(y))\" x2=\"\(f(left))\" y2=\"\(f(y))\" "
                    + "stroke=\"black\"/>"
            )
            if let label {
                svg.append(
                    "<text class=\"tick y\" x=\"\(f(left - 9))\" y=\"\(f(y + 4))\" text-anchor=\"end\">\(label)</text>")
            }
        }
        svg.append(
            "<text class=\"axis x\" x=\"\(f(left + plotW / 2))\" y=\"\(f(top + plotH + 42))\" text-anchor=\"middle\" "
                + "font-size=\"13\">\(escape(xLabel))</text>"
        )
        svg.append(
            "<text class=\"axis y\" transform=\"translate(18 \(f(top + plotH / 2))) rotate(-90)\" "
                + "text-anchor=\"middle\" font-size=\"13\">\(escape(yLabel))</text>"
        )
        return svg
    }
}
