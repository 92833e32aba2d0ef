// swift-tools-version:6.0
import PackageDescription

// No unsafe flags (SwiftPM refuses them in a versioned dependency). The tests run in a release
// build (`swift test -c release`, testable imports stay enabled): every fixture case, the 17k-value
// baseline and the COHERENT limit scans take ~10x longer unoptimised.
let package = Package(
    name: "nucheck",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "nucheck", targets: ["nucheck"]),
        .library(name: "NuAnalyses", targets: ["NuAnalyses"]),
        .library(name: "NuRegistry", targets: ["NuRegistry"]),
        .library(name: "NuValidation", targets: ["NuValidation"]),
        .library(name: "NuReports", targets: ["NuReports"]),
        .library(name: "NuPhysics", targets: ["NuPhysics"]),
        .library(name: "NuClosedForm", targets: ["NuClosedForm"]),
        .library(name: "NuNumerical", targets: ["NuNumerical"]),
        .library(name: "NuCoherent", targets: ["NuCoherent"]),
        .library(name: "GSLKit", targets: ["GSLKit"]),
        .library(name: "NuBeams", targets: ["NuBeams"]),
        .library(name: "NuData", targets: ["NuData"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // GNU Scientific Library, found through pkg-config.
        .systemLibrary(
            name: "CGSL",
            pkgConfig: "gsl",
            providers: [.apt(["libgsl-dev"])]
        ),
        // Swift layer over GSL: quadrature, root bracketing, minimisation, errors.
        .target(name: "GSLKit", dependencies: ["CGSL"]),
        // Shared physics vocabulary: constants, units, flavours, models, kinematics.
        .target(name: "NuPhysics"),
        // Closed-form (analytic) path. Must not import NuNumerical or GSL.
        .target(name: "NuClosedForm", dependencies: ["NuPhysics"]),
        // Numerical path on GSL. Must not import NuClosedForm.
        .target(name: "NuNumerical", dependencies: ["NuPhysics", "GSLKit"]),
        // The shipped public data: manifest, checksums, where each data set is read from.
        .target(name: "NuData", dependencies: ["NuPhysics"]),
        // COHERENT data releases, detector response and event predictions (uses both paths).
        .target(name: "NuCoherent", dependencies: [
            "NuData", "NuPhysics", "NuClosedForm", "NuNumerical", "GSLKit",
        ]),
        // Tabulated accelerator fluxes (GLoBES format), read in place and checked.
        .target(name: "NuBeams", dependencies: ["NuData", "NuPhysics"]),
        // Analyses built on the experiments: 004's Table 2, the (g−2)_μ band, DUNE and JSNS² reach.
        .target(name: "NuAnalyses", dependencies: [
            "NuData", "NuPhysics", "NuClosedForm", "NuNumerical", "GSLKit", "NuCoherent", "NuBeams",
        ]),
        // The quantity registry: every quantity's inputs, its two paths, their agreement and ledger.
        .target(name: "NuRegistry", dependencies: [
            "NuData", "NuPhysics", "NuClosedForm", "NuNumerical", "GSLKit", "NuCoherent", "NuBeams", "NuAnalyses",
        ]),
        // Validation: fixtures, the runner, baselines, the convention audit, the benchmark.
        .target(name: "NuValidation", dependencies: [
            "NuData", "NuPhysics", "NuClosedForm", "NuNumerical", "NuCoherent", "NuBeams", "NuRegistry",
        ]),
        // How results are shown and written: tables, JSON, JUnit, Markdown, HEPData/CSV, SVG, exit statuses.
        .target(name: "NuReports", dependencies: [
            "NuData", "NuPhysics", "NuClosedForm", "GSLKit", "NuCoherent", "NuBeams", "NuAnalyses", "NuRegistry",
            "NuValidation",
        ]),
        .executableTarget(
            name: "nucheck",
            dependencies: [
                "NuData", "NuPhysics", "NuCoherent", "NuBeams", "NuAnalyses", "NuRegistry", "NuValidation",
                "NuReports",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Shared by the test targets: expectClose (GSL-test style) and withTemporaryDirectory.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "GSLKitTests", dependencies: ["GSLKit", "TestSupport"]),
        .testTarget(name: "PhysicsTests", dependencies: [
            "NuPhysics", "NuClosedForm", "NuNumerical", "GSLKit", "TestSupport",
        ]),
        .testTarget(name: "HarnessTests", dependencies: [
            "NuData", "NuAnalyses", "NuRegistry", "NuValidation", "NuReports", "NuBeams", "NuPhysics", "NuClosedForm",
            "NuNumerical", "GSLKit", "NuCoherent", "TestSupport",
        ]),
        .testTarget(name: "CoherentTests", dependencies: [
            "NuData", "NuCoherent", "NuPhysics", "NuClosedForm", "GSLKit", "TestSupport",
        ]),
    ]
)
