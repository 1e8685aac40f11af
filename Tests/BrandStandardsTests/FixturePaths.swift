import Foundation

/// Where the repository's fixtures and demo brands are, found from this file.
enum FixturePaths {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let fixtures = repository.appendingPathComponent("Tests/Fixtures")
    static let lintBrands = fixtures.appendingPathComponent("Brands")
    static let lintAssets = fixtures.appendingPathComponent("Assets")
    static let demoBrands = repository.appendingPathComponent("Brands")

    /// The lint fixtures' names (their folder names), sorted. Empty when the folder is
    /// missing: `LintFixtureTests.theFixturesAreThere` fails then, so that no case
    /// passes by not running.
    static let lintCases: [String] = ((try? FileManager.default.contentsOfDirectory(atPath: lintBrands.path)) ?? []).sorted()

    static func lintFile(_ name: String) -> URL {
        lintBrands.appendingPathComponent(name).appendingPathComponent("brand.yaml")
    }

    /// A fresh temporary folder.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("terroir-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
