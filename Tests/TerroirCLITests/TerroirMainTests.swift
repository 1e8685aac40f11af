import Foundation
import TerroirCLI
import Testing

/// The exit codes scripts rely on: 0 ok, 1 the input failed its checks, 2 usage.
struct TerroirMainTests {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func path(_ relative: String) -> String {
        repository.appendingPathComponent(relative).path
    }

    @Test func cleanStandardsExitZero() async {
        #expect(await TerroirMain.run(["brands", "lint", Self.path("Brands")]) == 0)
    }

    @Test func failedChecksExitOne() async {
        let code = await TerroirMain.run([
            "brands", "lint", "--assets", Self.path("Tests/Fixtures/Assets"), Self.path("Tests/Fixtures/Brands/unknown-key"),
        ])
        #expect(code == 1)
    }

    @Test(arguments: [["brands", "lint", "--format", "yaml"], ["brands", "frobnicate"], ["brands", "show"]])
    func usageErrorsExitTwo(arguments: [String]) async {
        #expect(await TerroirMain.run(arguments) == 2)
    }

    @Test func anUnknownBrandIsAnEnvironmentError() async {
        #expect(await TerroirMain.run(["brands", "show", "nowhere", "--brands", Self.path("Brands")]) == 2)
    }
}
