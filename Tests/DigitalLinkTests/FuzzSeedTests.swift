import DigitalLink
import Foundation
import Testing

/// The fuzz target's property over its seeds, and over the inputs fuzzing found
/// (`regression-*`), in every test run: a URI that parses writes itself back as text
/// that parses to the same URI.
struct FuzzSeedTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/Fuzz/digital-link")

    static var seeds: [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: folder.path))?.sorted() ?? []
    }

    @Test func theSeedsAreThere() {
        #expect(Self.seeds.contains("regression-empty-segment"), "no seeds in \(Self.folder.path)")
    }

    @Test(arguments: seeds)
    func aParsedURIParsesBackFromItsText(seed: String) throws {
        let text = String(decoding: try Data(contentsOf: Self.folder.appendingPathComponent(seed)), as: UTF8.self)
        guard let uri = try? DigitalLinkURI(parsing: text) else { return }
        #expect(try DigitalLinkURI(parsing: uri.description) == uri, "\(text) → \(uri.description)")
    }

    @Test func anEmptyPathSegmentIsRefused() {
        #expect(throws: DigitalLinkError.emptySegment("https://id.example.com//01/06901234567014")) {
            try DigitalLinkURI(parsing: "https://id.example.com//01/06901234567014")
        }
        #expect(throws: Never.self) { try DigitalLinkURI(parsing: "https://id.example.com/r/01/06901234567014/") }
    }
}
