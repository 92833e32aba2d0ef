// swift-tools-version:6.0
import PackageDescription

// The physics modules are compiled optimised in debug builds too: `swift test` (debug) runs every
// fixture case, the 17k-value baseline and the COHERENT limit scans, which take ~10x longer
// unoptimised. Tests still see internals (-enable-testing is kept).
let optimised: [SwiftSetting] = [.unsafeFlags(["-O"], .when(configuration: .debug))]

let package = Package(
    name: "nucheck",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "nucheck", targets: ["nucheck"]),
        .library(name: "NuHarness", targets: ["NuHarness"]),
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
        .target(name: "GSLKit", dependencies: ["CGSL"], swiftSettings: optimised),
        // Shared physics vocabulary: constants, units, flavours, models, kinematics.
        .target(name: "NuPhysics", swiftSettings: optimised),
        // Closed-form (analytic) path. Must not import NuNumerical or GSL.
        .target(name: "NuClosedForm", dependencies: ["NuPhysics"], swiftSettings: optimised),
        // Numerical path on GSL. Must not import NuClosedForm.
        .target(name: "NuNumerical", dependencies: ["NuPhysics", "GSLKit"], swiftSettings: optimised),
        // COHERENT data releases, detector response and event predictions (uses both paths).
        .target(name: "NuCoherent", dependencies: ["NuPhysics", "NuClosedForm", "NuNumerical", "GSLKit"], swiftSettings: optimised),
        // Fixtures, quantity registry, comparison and reports.
        .target(name: "NuHarness", dependencies: ["NuPhysics", "NuClosedForm", "NuNumerical", "GSLKit", "NuCoherent"], swiftSettings: optimised),
        .executableTarget(
            name: "nucheck",
            dependencies: [
                "NuHarness",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "GSLKitTests", dependencies: ["GSLKit"]),
        .testTarget(name: "PhysicsTests", dependencies: ["NuPhysics", "NuClosedForm", "NuNumerical", "GSLKit"]),
        .testTarget(name: "HarnessTests", dependencies: ["NuHarness", "NuPhysics", "GSLKit", "NuCoherent"]),
        .testTarget(name: "CoherentTests", dependencies: ["NuCoherent", "NuPhysics", "NuClosedForm", "GSLKit"]),
    ]
)
