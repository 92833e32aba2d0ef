import Foundation
import Testing
@testable import GSLKit
import TestSupport

struct QuadratureTests {
    @Test("finite, break-pointed and semi-infinite integrals of known value")
    func knownIntegrals() throws {
        expectClose(try Quadrature.integrate({ $0 * $0 }, from: 0, to: 1).value, 1.0 / 3, relative: 1e-14, "∫₀¹ x² dx")
        expectClose(try Quadrature.integrate({ abs($0 - 0.3) }, from: 0, to: 1, breakpoints: [0.3]).value, 0.29, relative: 1e-14, "∫₀¹ |x − 0.3| dx (break at 0.3)")
        expectClose(try Quadrature.integrateToInfinity({ exp(-$0) }, from: 0).value, 1, relative: 1e-12, "∫₀^∞ e⁻ˣ dx")
        expectClose(try Quadrature.integrate({ 1 / $0.squareRoot() }, from: 0, to: 1).value, 2, relative: 1e-10, "∫₀¹ x^(-1/2) dx (end-point singularity, QAGS)")
        expectClose(try Quadrature.integrateGaussKronrod({ cos($0) }, from: 0, to: Double.pi / 2, points: 21).value, 1, relative: 1e-14, "∫ cos, GK21")
        expectClose(try Quadrature.integrate({ $0 }, from: 1, to: 0).value, -0.5, relative: 1e-15, "reversed limits change the sign")
    }

    /// The abort handler is off: a divergent integral comes back as a thrown error naming the
    /// routine, not as a process abort.
    @Test("a divergent integral throws GSLError instead of aborting")
    func divergentIntegral() {
        do {
            _ = try Quadrature.integrate({ 1 / $0 }, from: 0, to: 1)
            Issue.record("∫₀¹ dx/x returned a value")
        } catch let error as GSLError {
            #expect(error.routine == "gsl_integration_qags")
            #expect(!error.reason.isEmpty)
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test("NaN from the integrand and errors thrown inside it come back as Swift errors")
    func integrandFailures() {
        #expect(throws: NonFiniteValue.self) { try Quadrature.integrate({ $0 > 0.5 ? .nan : 1 }, from: 0, to: 1) }
        struct Marker: Error {}
        #expect(throws: Marker.self) { try Quadrature.integrate({ x in if x > 0.2 { throw Marker() }; return x }, from: 0, to: 1) }
        #expect(throws: GSLError.self) { try Quadrature.integrate({ $0 }, from: 0, to: .infinity) }
        #expect(throws: GSLError.self) { try Quadrature.integrateGaussKronrod({ $0 }, from: 0, to: 1, points: 17) }
    }

    /// Each call owns its workspace and its closure box, so concurrent calls do not interfere.
    @Test("concurrent quadratures give their own answers")
    func concurrency() async throws {
        try await withThrowingTaskGroup(of: (Int, Double).self) { group in
            for n in 1...16 {
                group.addTask { (n, try Quadrature.integrate({ pow($0, Double(n)) }, from: 0, to: 1).value) }
            }
            for try await (n, value) in group {
                expectClose(value, 1 / Double(n + 1), relative: 1e-13, "∫₀¹ x^\(n) dx")
            }
        }
    }
}

struct RootFindingTests {
    @Test("Brent finds √2 and reports a bracket without a sign change")
    func brent() throws {
        expectClose(try RootFinding.brent({ $0 * $0 - 2 }, lower: 0, upper: 2), 2.0.squareRoot(), relative: 1e-13, "root of x² − 2")
        do {
            _ = try RootFinding.brent({ $0 * $0 + 1 }, lower: -1, upper: 1)
            Issue.record("x² + 1 has no root but Brent returned one")
        } catch let error as GSLError {
            #expect(error.routine == "gsl_root_fsolver_set")
            #expect(error.description.contains("straddle"))
        } catch { Issue.record("unexpected error \(error)") }
        #expect(throws: GSLError.self) { try RootFinding.brent({ $0 }, lower: 1, upper: -1) }
    }
}

struct MinimizerTests {
    @Test("simplex finds the Rosenbrock minimum at (1, 1)")
    func rosenbrock() throws {
        let result = try Minimizer.simplex({ v in
            let (x, y) = (v[0], v[1])
            return (1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x)
        }, start: [-1.2, 1], steps: [0.5, 0.5], sizeTolerance: 1e-10)
        #expect(abs(result.point[0] - 1) < 1e-6 && abs(result.point[1] - 1) < 1e-6, "minimum at \(result.point), expected (1, 1) within 1e-6")
        #expect(result.value < 1e-12, "f at minimum \(result.value), expected < 1e-12")
    }

    @Test("bad starts and failing objectives are errors")
    func failures() {
        #expect(throws: GSLError.self) { try Minimizer.simplex({ $0[0] }, start: [], steps: []) }
        #expect(throws: GSLError.self) { try Minimizer.simplex({ $0[0] }, start: [0], steps: [-1]) }
        #expect(throws: NonFiniteValue.self) { try Minimizer.simplex({ _ in .nan }, start: [0], steps: [1]) }
    }
}

struct LinearSolveTests {
    @Test("a 3×3 system with a known integer solution, and a singular one refused")
    func knownAndSingular() throws {
        // x = (1, −2, 3) by construction: b = A x.
        let a: [[Double]] = [[2, 1, -1], [-3, -1, 2], [-2, 1, 2]]
        let x = [1.0, -2, 3]
        let b = a.map { row in zip(row, x).reduce(0) { $0 + $1.0 * $1.1 } }
        for (got, want) in zip(try LinearSolve.solve(a, b), x) {
            expectClose(got, want, relative: 1e-14, absolute: 1e-14, "LU solution against the constructed x")
        }
        do {
            _ = try LinearSolve.solve([[1, 2], [2, 4]], [1, 2])
            Issue.record("a singular system returned a solution")
        } catch let error as GSLError {
            #expect(error.routine == "gsl_linalg_LU_decomp", "singular system: \(error)")
        }
        #expect(throws: GSLError.self) { try LinearSolve.solve([[1, 2]], [1]) }
    }
}
