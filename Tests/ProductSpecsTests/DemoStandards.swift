import BrandStandards
import Foundation
import Measures
import ProductSpecs

/// The demo brands' standards and fixtures, read from the repository.
enum DemoStandards {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func standard(_ id: String) -> BrandStandard {
        let url = repository.appendingPathComponent("Brands/\(id)/brand.yaml")
        guard let standard = BrandLinter().lint(url).standard else { fatalError("demo brand \(id) does not lint clean") }
        return standard
    }

    static func producer(_ id: String, brand: String, categories: [String], status: ProducerStatus = .active) -> Producer {
        Producer(
            id: id, name: .init(zh: "测试", en: "Test"), uscc: try! UnifiedSocialCreditCode("91321324MA1N2K3L4H"),
            adminCode: AdministrativeCode("321324")!, status: status, authorisations: [brand: categories]
        )
    }

    static func temporaryFile(_ name: String, _ contents: Data) throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("terroir-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent(name)
        try contents.write(to: url)
        return url
    }
}
