import Foundation
import NuPhysics

/// The caps of the size options in one place: past them a run takes hours or gigabytes, or the
/// grid cannot even be allocated (`--points 9223372036854775807`).
enum SizeLimits {
    /// Masses for `limits` and `g2` (each one a bound or a band to solve for).
    static let massPoints = 1000
    /// Masses for `sensitivity` (each one a DUNE or JSNS² reach per mode and side).
    static let sensitivityPoints = 200
    /// Points per curve for `plot` (closed forms only, cheap).
    static let plotPoints = 100_000
    /// Seconds `bench` may spend per path and quantity.
    static let budget: ClosedRange<Double> = 0.001...10

    /// A count option within 2...cap, else bad input naming the option.
    static func points(_ n: Int, cap: Int, option: String = "--points") throws {
        guard (2...cap).contains(n) else { throw InputError.conflicting("\(option) must be 2 to \(cap), got \(n)") }
    }

    /// The log grid of --from, --to, --points: a reversed, empty or non-positive range the user
    /// typed is bad input (2), for every command alike.
    static func logGrid(from: String, to: String, points: Int, cap: Int) throws -> [Double] {
        let (a, b) = (try UnitParser.energy(from, name: "from"), try UnitParser.energy(to, name: "to"))
        guard a > 0, b > a else {
            throw InputError.conflicting(
                "need 0 < --from < --to, got --from \(from) --to "
                    + "\(to)")
        }
        try Self.points(points, cap: cap)
        return (0..<points).map { exp(log(a) + Double($0) / Double(points - 1) * (log(b) - log(a))) }
    }

    /// A finite --budget in the stated range (0, inf or nan never ends or never starts).
    static func budget(_ seconds: Double) throws {
        guard seconds.isFinite, budget.contains(seconds) else {
            throw InputError.conflicting(
                "--budget must be \(budget.lowerBound) to \(budget.upperBound) seconds, got "
                    + "\(seconds)")
        }
    }
}
