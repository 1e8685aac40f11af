// swift-tools-version:6.1
import PackageDescription

/// Shared by every target: Swift 6 language mode with strict concurrency, plus the
/// upcoming features the project's style asks for.
let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "Terroir",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "terroir", targets: ["terroir"]),
        .executable(name: "terroir-server", targets: ["terroir-server"]),
        .library(name: "Measures", targets: ["Measures"]),
        .library(name: "BrandStandards", targets: ["BrandStandards"]),
        .library(name: "DigitalLink", targets: ["DigitalLink"]),
        .library(name: "ProductSpecs", targets: ["ProductSpecs"]),
        .library(name: "CatalogStore", targets: ["CatalogStore"]),
        .library(name: "CatalogExport", targets: ["CatalogExport"]),
        .library(name: "Labels", targets: ["Labels"]),
        .library(name: "Workflows", targets: ["Workflows"]),
        .library(name: "TerroirServer", targets: ["TerroirServer"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.0"..<"5.0.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.0"),
        .package(url: "https://github.com/adam-fowler/compress-nio", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.0"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.34.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.5.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.0.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
    ],
    targets: [
        .target(name: "Measures", swiftSettings: swiftSettings),
        .target(
            name: "BrandStandards",
            dependencies: ["Measures", .product(name: "Yams", package: "Yams")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "DigitalLink",
            dependencies: [.product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: swiftSettings
        ),
        .systemLibrary(name: "CQRencode", pkgConfig: "libqrencode", providers: [.apt(["libqrencode-dev"])]),
        .systemLibrary(name: "CPNG", pkgConfig: "libpng", providers: [.apt(["libpng-dev"])]),
        .systemLibrary(name: "CFreeType", pkgConfig: "freetype2", providers: [.apt(["libfreetype-dev"])]),
        .systemLibrary(name: "CDeflate", pkgConfig: "libdeflate", providers: [.apt(["libdeflate-dev"])]),
        .systemLibrary(name: "CCairo", pkgConfig: "cairo-ft", providers: [.apt(["libcairo2-dev"])]),
        .target(
            name: "Labels",
            dependencies: ["Measures", "BrandStandards", "DigitalLink", "ProductSpecs", "CQRencode", "CPNG", "CFreeType", "CDeflate", "CCairo"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "ProductSpecs",
            dependencies: ["Measures", "BrandStandards", "DigitalLink", .product(name: "Yams", package: "Yams")],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "CatalogStore",
            dependencies: [
                "Measures", "BrandStandards", "DigitalLink", "ProductSpecs",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "CatalogExport",
            dependencies: ["Measures", "BrandStandards", "DigitalLink", "ProductSpecs", "CatalogStore"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "Workflows",
            dependencies: ["Measures", "BrandStandards", "DigitalLink", "ProductSpecs", "CatalogStore", "CatalogExport", "Labels"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "TerroirCLI",
            dependencies: [
                "Measures", "BrandStandards", "DigitalLink", "ProductSpecs", "CatalogStore", "CatalogExport", "Labels", "Workflows",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(name: "terroir", dependencies: ["TerroirCLI"], swiftSettings: swiftSettings),
        .target(
            name: "TerroirServer",
            dependencies: [
                "Measures", "BrandStandards", "DigitalLink", "ProductSpecs", "CatalogStore", "CatalogExport", "Labels", "Workflows",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "CompressNIO", package: "compress-nio"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "UnixSignals", package: "swift-service-lifecycle"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            resources: [.copy("openapi.json")],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "terroir-server",
            dependencies: [
                "TerroirServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),

        .testTarget(name: "MeasuresTests", dependencies: ["Measures"], swiftSettings: swiftSettings),
        .testTarget(
            name: "BrandStandardsTests",
            dependencies: ["BrandStandards", "Measures"],
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "DigitalLinkTests", dependencies: ["DigitalLink"], swiftSettings: swiftSettings),
        .testTarget(name: "LabelsTests", dependencies: ["Labels", "DigitalLink", "BrandStandards", "ProductSpecs", "Measures"], swiftSettings: swiftSettings),
        .testTarget(
            name: "ProductSpecsTests",
            dependencies: ["ProductSpecs", "BrandStandards", "Measures", "DigitalLink"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "TestSupport",
            dependencies: ["CatalogStore", "ProductSpecs", "BrandStandards", "Measures"],
            path: "Tests/TestSupport",
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "CatalogStoreTests",
            dependencies: ["CatalogStore", "ProductSpecs", "BrandStandards", "Measures", "TestSupport", .product(name: "GRDB", package: "GRDB.swift")],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "CatalogExportTests",
            dependencies: ["CatalogExport", "CatalogStore", "ProductSpecs", "BrandStandards", "Measures", "TestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "TerroirServerTests",
            dependencies: [
                "TerroirServer", "CatalogStore", "ProductSpecs", "BrandStandards", "DigitalLink", "Measures", "TestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "WorkflowsTests",
            dependencies: ["Workflows", "CatalogStore", "CatalogExport", "ProductSpecs", "BrandStandards", "Measures", "Labels", "TestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "FrontDoorTests",
            dependencies: [
                "TerroirCLI", "TerroirServer", "BrandStandards", "CatalogStore", "Measures", "DigitalLink", "ProductSpecs", "TestSupport", "Workflows",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "TerroirCLITests",
            dependencies: ["TerroirCLI", "BrandStandards"],
            swiftSettings: swiftSettings
        ),
    ],
    swiftLanguageModes: [.v6]
)

/// libFuzzer targets, one per parser that faces the outside, built only when
/// `TERROIR_FUZZ` is set (`Tools/fuzz` sets it), so normal builds never compile them.
/// Each folder under `Fuzz/` holds one target; its seeds are in `Tests/Fixtures/Fuzz/`.
if Context.environment["TERROIR_FUZZ"] != nil {
    let fuzzers: [(name: String, dependencies: [Target.Dependency])] = [
        ("brand-yaml", ["BrandStandards"]),
        ("csv", ["FuzzProductFiles"]),
        ("json-products", ["FuzzProductFiles"]),
        ("ndjson-products", ["FuzzProductFiles"]),
        ("digital-link", ["DigitalLink"]),
        ("quantity", ["Measures"]),
        ("http-bodies", [
            "TerroirServer", "TestSupport", "CatalogStore",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HummingbirdTesting", package: "hummingbird"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
            .product(name: "NIOCore", package: "swift-nio"),
        ]),
    ]
    package.targets += [
        .target(name: "CFuzzer", path: "Fuzz/CFuzzer"),
        .target(name: "FuzzSupport", dependencies: ["CFuzzer"], path: "Fuzz/FuzzSupport", swiftSettings: swiftSettings),
        .target(name: "FuzzProductFiles", dependencies: ["FuzzSupport", "ProductSpecs", "BrandStandards"], path: "Fuzz/ProductFiles",
                swiftSettings: swiftSettings),
    ]
    for fuzzer in fuzzers {
        package.targets.append(.executableTarget(
            name: "fuzz-\(fuzzer.name)", dependencies: ["FuzzSupport"] + fuzzer.dependencies, path: "Fuzz/\(fuzzer.name)",
            swiftSettings: swiftSettings
        ))
    }
}
