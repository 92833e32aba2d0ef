import Foundation

/// A double-double number hi + lo, |lo| ≤ ulp(hi)/2: about 106 significant bits (32 digits) from
/// plain Double arithmetic, on every architecture (Dekker 1971; Hida, Li & Bailey, "Library for
/// double-double and quad-double arithmetic", 2007, whose algorithms are used here). Relative
/// error of +, −, × and ÷ ≲ 4·2⁻¹⁰⁶ ≈ 5e-32; no overflow handling beyond Double's (finite values of
/// moderate size only). Used where a closed form cancels too much for Double (MuonG2's I(r)).
struct DoubleDouble: Sendable {
    var hi: Double
    var lo: Double

    init(_ x: Double) {
        hi = x
        lo = 0
    }
    init(hi: Double, lo: Double) {
        self.hi = hi
        self.lo = lo
    }

    /// The nearest Double.
    var double: Double { hi + lo }

    /// π/2 and ln 2 to 106 bits.
    static let halfPi = DoubleDouble(hi: 1.5707963267948966, lo: 6.123233995736766e-17)
    static let ln2 = DoubleDouble(hi: 0.6931471805599453, lo: 2.3190468138462996e-17)

    /// a + b exactly, as a double-double (Knuth's two-sum).
    static func twoSum(_ a: Double, _ b: Double) -> DoubleDouble {
        let s = a + b
        let v = s - a
        return DoubleDouble(hi: s, lo: (a - (s - v)) + (b - v))
    }

    /// a + b exactly when |a| ≥ |b|.
    static func quickTwoSum(_ a: Double, _ b: Double) -> DoubleDouble {
        let s = a + b
        return DoubleDouble(hi: s, lo: b - (s - a))
    }

    /// a·b exactly (the error term by one fused multiply-add).
    static func twoProduct(_ a: Double, _ b: Double) -> DoubleDouble {
        let p = a * b
        return DoubleDouble(hi: p, lo: (-p).addingProduct(a, b))
    }

    static prefix func - (x: DoubleDouble) -> DoubleDouble { DoubleDouble(hi: -x.hi, lo: -x.lo) }

    static func + (a: DoubleDouble, b: DoubleDouble) -> DoubleDouble {
        var s = twoSum(a.hi, b.hi)
        let t = twoSum(a.lo, b.lo)
        s.lo += t.hi
        s = quickTwoSum(s.hi, s.lo)
        s.lo += t.lo
        return quickTwoSum(s.hi, s.lo)
    }

    static func - (a: DoubleDouble, b: DoubleDouble) -> DoubleDouble { a + (-b) }

    static func * (a: DoubleDouble, b: DoubleDouble) -> DoubleDouble {
        var p = twoProduct(a.hi, b.hi)
        p.lo += a.hi * b.lo + a.lo * b.hi
        return quickTwoSum(p.hi, p.lo)
    }

    static func / (a: DoubleDouble, b: DoubleDouble) -> DoubleDouble {
        let q1 = a.hi / b.hi
        var r = a - b * DoubleDouble(q1)
        let q2 = r.hi / b.hi
        r = r - b * DoubleDouble(q2)
        let q3 = r.hi / b.hi
        return quickTwoSum(q1, q2) + DoubleDouble(q3)
    }

    /// √x for x ≥ 0: one Newton step from the Double root.
    func squareRoot() -> DoubleDouble {
        guard hi > 0 else { return DoubleDouble(0) }
        let y = hi.squareRoot()
        let correction = (self - DoubleDouble.twoProduct(y, y)).hi / (2 * y)
        return DoubleDouble.twoSum(y, correction)
    }

    /// ln x for a finite x > 0: x = m·2ᵉ with m ∈ [1/√2, √2], ln m = 2 atanh z = 2 Σ z²ᵏ⁺¹/(2k+1),
    /// z = (m − 1)/(m + 1), |z| ≤ 0.172 (about 22 terms to 1e-33).
    static func log(_ x: Double) -> DoubleDouble {
        var m = x.significand
        var e = Double(x.exponent)
        if m > 2.0.squareRoot() {
            m /= 2
            e += 1
        }
        let z = DoubleDouble(m - 1) / twoSum(m, 1)  // m − 1 is exact (Sterbenz)
        let z2 = z * z
        var power = z
        var sum = z
        for k in 1..<200 {
            power = power * z2
            let term = power / DoubleDouble(Double(2 * k + 1))
            sum = sum + term
            if abs(term.hi) <= 1e-34 * abs(sum.hi) { break }
        }
        return DoubleDouble(2) * sum + DoubleDouble(e) * ln2
    }

    /// atan u for 0 ≤ u ≤ 1: two halvings u → u/(1 + √(1 + u²)) (atan u = 2 atan of the result)
    /// bring u below tan(π/16) = 0.199, then Σ (−1)ᵏ u²ᵏ⁺¹/(2k+1) (about 24 terms to 1e-33).
    static func atan(_ u: DoubleDouble) -> DoubleDouble {
        var v = u
        for _ in 0..<2 { v = v / (DoubleDouble(1) + (DoubleDouble(1) + v * v).squareRoot()) }
        let v2 = v * v
        var power = v
        var sum = v
        for k in 1..<200 {
            power = -(power * v2)
            let term = power / DoubleDouble(Double(2 * k + 1))
            sum = sum + term
            if abs(term.hi) <= 1e-34 * abs(sum.hi) { break }
        }
        return DoubleDouble(4) * sum
    }

    /// g(w) = Σ (−w)ᵏ/(2k+1) for |w| ≤ 1/4: atan(√w)/√w for w > 0, atanh(√−w)/√−w for w < 0, 1 at
    /// w = 0 (about 55 terms to 1e-33 at |w| = 1/4).
    static func atanRatio(_ w: DoubleDouble) -> DoubleDouble {
        var power = DoubleDouble(1)
        var sum = DoubleDouble(1)
        for k in 1..<400 {
            power = -(power * w)
            let term = power / DoubleDouble(Double(2 * k + 1))
            sum = sum + term
            if abs(term.hi) <= 1e-34 * abs(sum.hi) { break }
        }
        return sum
    }
}
