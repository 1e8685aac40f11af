import BrandStandards
import CatalogStore
import Foundation
import Measures
import ProductSpecs

/// A fresh store in a temporary folder, with the Sihong demo standard published and
/// two producers registered.
public struct StoreFixture: Sendable {
    public let store: CatalogStore
    public let path: String
    public let published: PublishedStandard

    public static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    public static func standard(_ id: String = "sihong-4x") -> BrandStandard {
        BrandLinter().lint(repository.appendingPathComponent("Brands/\(id)/brand.yaml")).standard!
    }

    public init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("terroir-\(UUID().uuidString)/db.sqlite").path
        store = try CatalogStore(path: path)
        guard case .published(let published) = try store.publish(Self.standard(), actor: "test") else { fatalError("not published") }
        self.published = published
        _ = try store.saveProducers([
            Producer(id: "farm", name: .init(zh: "农场", en: "Farm"), uscc: try UnifiedSocialCreditCode("91321324MA1N2K3L4H"),
                     adminCode: AdministrativeCode("321324101")!, authorisations: ["sihong-4x": ["rice", "hairy-crab"]]),
            Producer(id: "mill", name: .init(zh: "米厂", en: "Mill"), uscc: try UnifiedSocialCreditCode("91321324MA1A0B1C2F"),
                     adminCode: AdministrativeCode("321324103")!, authorisations: ["sihong-4x": ["rice"]]),
        ], actor: "test")
    }

    public func validator() throws -> ProductValidator {
        let producers = Dictionary(uniqueKeysWithValues: try store.producers().map { ($0.id, $0) })
        return ProductValidator(standard: published.standard, today: CalendarDay("2026-11-29")!) { producers[$0] }
    }

    public static func rice(_ sku: String, producer: String = "farm", moisture: String = "14.5%", netContent: String = "5 kg") -> ProductInput {
        ProductInput(
            fields: ["sku": sku, "category": "rice", "name_zh": "大米 \(sku)", "origin": "321324101", "producer": producer],
            attributes: ["net_content": netContent, "grade": "grade-1", "moisture": moisture, "variety": "南粳9108"]
        )
    }

    /// Imports inputs all or nothing, as the CLI does; returns whether it committed.
    @discardableResult
    public func importAll(_ inputs: [ProductInput]) throws -> (writer: ProductWriter, committed: Bool) {
        let validator = try validator()
        return try store.importProducts(brand: "sihong-4x", standardVersion: published.number, actor: "test", source: "test") { writer in
            var failed = false
            for input in inputs {
                let outcome = validator.validate(input)
                guard outcome.report.isCompliant, let product = outcome.product else { failed = true; continue }
                try writer.upsert(product, report: outcome.report)
            }
            return !failed
        }
    }
}
