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
        .library(name: "Measures", targets: ["Measures"]),
        .library(name: "BrandStandards", targets: ["BrandStandards"]),
        .library(name: "DigitalLink", targets: ["DigitalLink"]),
        .library(name: "ProductSpecs", targets: ["ProductSpecs"]),
        .library(name: "CatalogStore", targets: ["CatalogStore"]),
        .library(name: "CatalogExport", targets: ["CatalogExport"]),
        .library(name: "Labels", targets: ["Labels"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.0"..<"5.0.0"),
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
        .target(
            name: "Labels",
            dependencies: ["Measures", "BrandStandards", "DigitalLink", "ProductSpecs", "CQRencode", "CPNG", "CFreeType"],
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
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "CatalogExport",
            dependencies: ["Measures", "BrandStandards", "DigitalLink", "ProductSpecs", "CatalogStore"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "TerroirCLI",
            dependencies: [
                "Measures", "BrandStandards", "DigitalLink", "ProductSpecs", "CatalogStore", "CatalogExport", "Labels",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(name: "terroir", dependencies: ["TerroirCLI"], swiftSettings: swiftSettings),

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
            dependencies: ["CatalogStore", "ProductSpecs", "BrandStandards", "Measures", "TestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "CatalogExportTests",
            dependencies: ["CatalogExport", "CatalogStore", "ProductSpecs", "BrandStandards", "Measures", "TestSupport"],
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
