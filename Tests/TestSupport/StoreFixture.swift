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

    /// A folder of brands (with its `Assets` beside it) whose Sihong standard is a new
    /// version, 2026.9, with a moisture limit of 14.0% that the fixture's rice (14.5%)
    /// no longer meets.
    /// - Returns: the folder of brands.
    public static func tightenedBrands() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("terroir-brands-\(UUID().uuidString)")
        let brands = root.appendingPathComponent("Brands"), sihong = brands.appendingPathComponent("sihong-4x")
        try FileManager.default.createDirectory(at: brands, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: repository.appendingPathComponent("Brands/sihong-4x"), to: sihong)
        try FileManager.default.createSymbolicLink(at: root.appendingPathComponent("Assets"), withDestinationURL: repository.appendingPathComponent("Assets"))
        let file = sihong.appendingPathComponent("brand.yaml")
        try String(contentsOf: file, encoding: .utf8)
            .replacingOccurrences(of: "version: \"2026.2\"", with: "version: \"2026.9\"").replacingOccurrences(of: "max: 15.5%", with: "max: 14.0%")
            .write(to: file, atomically: true, encoding: .utf8)
        return brands
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

    /// A hairy crab of the farm: a category the Sihong standard sells with commitment certificates.
    public static func crab(_ sku: String, gtin: String? = nil) -> ProductInput {
        var fields = ["sku": sku, "category": "hairy-crab", "name_zh": "大闸蟹 \(sku)", "origin": "321324101", "producer": "farm"]
        fields["gtin"] = gtin
        return ProductInput(fields: fields, attributes: ["grade": "special", "sex": "male", "weight": "4.2两", "pieces": "8只", "water_body": "hongze-lake"])
    }

    /// Imports inputs all or nothing, as the CLI does; returns whether it committed.
    @discardableResult
    public func importAll(_ inputs: [ProductInput]) throws -> (writer: any ProductWriting, committed: Bool) {
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
