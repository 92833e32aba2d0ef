import Foundation

/// A target nucleus: proton and neutron numbers, atomic mass, and the rms radii of its proton
/// and neutron distributions. Masses in MeV, radii in fm.
public struct Nucleus: Sendable, Equatable, Hashable {
    public let name: String
    public let protons: Int
    public let neutrons: Int
    /// Atomic mass in u (AME2020, M. Wang et al., Chinese Phys. C 45 (2021) 030003).
    public let atomicMassU: Double
    /// rms radius of the proton distribution (fm).
    public let protonRadius: Double
    /// rms radius of the neutron distribution (fm).
    public let neutronRadius: Double
    /// Where the radii come from.
    public let radiusSource: String

    public var massNumber: Int { protons + neutrons }

    /// Nuclear mass M = A_atomic·u − Z m_e (MeV), with u = 931.49410242 MeV (CODATA 2018). The
    /// electrons' binding energy (≈ 0.2 MeV for Cs, 2e-6 of M) is neglected.
    public var mass: Double { atomicMassU * Constants.atomicMassUnit - Double(protons) * Constants.electronMass }

    /// rms radius (fm) of the given nucleon distribution.
    public func radius(_ nucleon: Nucleon) -> Double { nucleon == .proton ? protonRadius : neutronRadius }
}

public enum Nucleon: String, CaseIterable, Sendable, NamedChoice {
    case proton, neutron
    public static let inputName = "nucleon"
}

/// The nuclei of the harness.
public enum NuclearData {
    /// Lewin-Smith empirical radius used for the nuclei whose radii 004 does not give:
    /// c = 1.23 A^{1/3} − 0.60 fm, a = 0.52 fm, and the Helm box radius r_n² = c² + (7/3)π²a² − 5s²
    /// with s = 0.9 fm (J. D. Lewin, P. F. Smith, Astropart. Phys. 6 (1996) 87, Sec. 4), whose rms
    /// radius is R² = (3/5)r_n² + 3s² = (3/5)c² + (7/5)π²a². 002 names the Helm form factor (its
    /// Ref. [28]) without radii; this is the parameterisation that literature uses. (Na23: 2.96 fm,
    /// against a measured charge radius of 2.99 fm.)
    public static func lewinSmithRadius(massNumber a: Int) -> Double {
        let c = 1.23 * pow(Double(a), 1.0 / 3) - 0.60
        let aSkin = 0.52
        return ((3.0 / 5) * c * c + (7.0 / 5) * Double.pi * Double.pi * aSkin * aSkin).squareRoot()
    }

    static func lewinSmith(_ name: String, z: Int, n: Int, mass: Double) -> Nucleus {
        let r = lewinSmithRadius(massNumber: z + n)
        return Nucleus(
            name: name, protons: z, neutrons: n, atomicMassU: mass, protonRadius: r, neutronRadius: r,
            radiusSource: "Lewin-Smith Helm parameterisation (no radii in 002)")
    }

    public static let cs133 = Nucleus(
        name: "Cs133", protons: 55, neutrons: 78, atomicMassU: 132.905451961,
        protonRadius: 4.821, neutronRadius: 5.09, radiusSource: "004 Eqs. (13)-(14)")
    public static let i127 = Nucleus(
        name: "I127", protons: 53, neutrons: 74, atomicMassU: 126.904471840,
        protonRadius: 4.766, neutronRadius: 5.03, radiusSource: "004 Eqs. (13)-(14)")
    public static let ar40 = Nucleus(
        name: "Ar40", protons: 18, neutrons: 22, atomicMassU: 39.9623831237,
        protonRadius: 3.448, neutronRadius: 3.55, radiusSource: "004 Eqs. (13)-(14)")
    public static let na23 = lewinSmith("Na23", z: 11, n: 12, mass: 22.9897692820)
    public static let ge70 = lewinSmith("Ge70", z: 32, n: 38, mass: 69.92424875)
    public static let ge72 = lewinSmith("Ge72", z: 32, n: 40, mass: 71.922075826)
    public static let ge73 = lewinSmith("Ge73", z: 32, n: 41, mass: 72.923458956)
    public static let ge74 = lewinSmith("Ge74", z: 32, n: 42, mass: 73.921177761)
    public static let ge76 = lewinSmith("Ge76", z: 32, n: 44, mass: 75.921402726)
    public static let si28 = lewinSmith("Si28", z: 14, n: 14, mass: 27.97692653465)
    public static let si29 = lewinSmith("Si29", z: 14, n: 15, mass: 28.97649466490)
    public static let si30 = lewinSmith("Si30", z: 14, n: 16, mass: 29.973770136)

    public static let nuclei: [Nucleus] = [cs133, i127, ar40, na23, ge70, ge72, ge73, ge74, ge76, si28, si29, si30]
}

/// A detector target: one nucleus, or a mixture of nuclei with their numbers per formula unit
/// (CsI: one Cs and one I) or their isotopic abundances (natural Ge). Cross sections of a
/// mixture are Σ_i w_i σ_i, per formula unit for compounds and per atom for isotope mixtures.
public struct Target: Sendable, Equatable {
    public let name: String
    public let components: [(nucleus: Nucleus, weight: Double)]
    public let weightMeaning: String

    public init(name: String, components: [(nucleus: Nucleus, weight: Double)], weightMeaning: String) throws {
        guard !components.isEmpty else {
            throw PhysicsError.unphysical(
                "target \(name) has no components: a mixture needs its nuclei and their "
                    + "abundances")
        }
        guard components.allSatisfy({ $0.weight.isFinite && $0.weight > 0 }) else {
            throw PhysicsError.unphysical("target \(name): every abundance must be finite and > 0")
        }
        self.name = name
        self.components = components
        self.weightMeaning = weightMeaning
    }

    public static func == (a: Target, b: Target) -> Bool {
        a.name == b.name && a.components.map(\.nucleus) == b.components.map(\.nucleus)
            && a.components.map(\.weight) == b.components.map(\.weight)
    }

    /// The mass-weighted nucleus used where a single number for a mixture is wanted.
    public var isSingleNucleus: Bool { components.count == 1 }
}

public enum TargetRegistry {
    static func single(_ n: Nucleus) -> Target {
        try! Target(name: n.name, components: [(n, 1)], weightMeaning: "one nucleus")
    }

    /// CsI and NaI: one of each nucleus per formula unit (cross sections per formula unit).
    public static let csi = try! Target(
        name: "CsI", components: [(NuclearData.cs133, 1), (NuclearData.i127, 1)],
        weightMeaning: "nuclei per CsI formula unit")
    public static let nai = try! Target(
        name: "NaI", components: [(NuclearData.na23, 1), (NuclearData.i127, 1)],
        weightMeaning: "nuclei per NaI formula unit")
    /// Natural germanium and silicon, isotopic abundances from IUPAC (CIAAW 2013 best measurements).
    public static let geNatural = try! Target(
        name: "Ge",
        components: [
            (NuclearData.ge70, 0.2052), (NuclearData.ge72, 0.2745), (NuclearData.ge73, 0.0776),
            (NuclearData.ge74, 0.3652), (NuclearData.ge76, 0.0775),
        ],
        weightMeaning: "isotopic abundance (per atom)")
    public static let siNatural = try! Target(
        name: "Si",
        components: [(NuclearData.si28, 0.92223), (NuclearData.si29, 0.04685), (NuclearData.si30, 0.03092)],
        weightMeaning: "isotopic abundance (per atom)")

    public static let all: [Target] = NuclearData.nuclei.map(single) + [csi, nai, geNatural, siNatural]

    /// A registry target by name, or a mixture written as "Cs133:1,I127:1" (nucleus:weight, the
    /// weights being numbers per formula unit or abundances). A mixture without weights is refused.
    public static func lookup(_ name: String) throws -> Target {
        if name.contains(",") || name.contains(":") {
            let parts = name.split(separator: ",", omittingEmptySubsequences: false).map {
                $0.split(
                    separator: ":",
                    omittingEmptySubsequences: false)
            }
            let components = try parts.map { part -> (nucleus: Nucleus, weight: Double) in
                // A malformed list is bad input (2); a well-formed one with a weight ≤ 0 is unphysical (3).
                guard part.count == 2, let weight = Double(part[1]), weight.isFinite else {
                    throw InputError.conflicting(
                        "mixture '\(name)': every component needs a finite abundance, as nucleus:weight (e.g. "
                            + "Cs133:1,I127:1)")
                }
                let single = try lookup(String(part[0]))
                guard single.isSingleNucleus else {
                    throw InputError.conflicting(
                        "mixture '\(name)': \(part[0]) is "
                            + "itself a mixture")
                }
                return (single.components[0].nucleus, weight)
            }
            return try Target(name: name, components: components, weightMeaning: "weights as given")
        }
        let key = name.lowercased()
        if let t = all.first(where: { $0.name.lowercased() == key }) { return t }
        if key == "ar" { return single(NuclearData.ar40) }
        if key == "cs" { return single(NuclearData.cs133) }
        if key == "i" { return single(NuclearData.i127) }
        if key == "na" { return single(NuclearData.na23) }
        throw PhysicsError.unknown("nucleus '\(name)' (known: \(all.map(\.name).joined(separator: ", ")))")
    }
}
