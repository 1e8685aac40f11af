import BrandStandards
import DigitalLink
import Foundation
import GRDB
import Measures
import ProductSpecs

/// Turns product rows into `StoredProduct`s and reports into JSON text.
enum ProductRowCoding {
    /// The columns `storedProduct` reads, by position: name look-ups per row showed
    /// in export profiles.
    static let selectColumns = """
        p.id, p.brand_id, p.producer_id, p.sku, p.gtin, p.name_zh, p.name_en, p.description, p.category_id, p.attributes,
        p.origin, p.outlet, p.price, p.availability, p.status, p.standard_version, p.report, p.created_at, p.updated_at,
        (\(CatalogStore.exportableCondition)) AS exportable
        FROM product p JOIN producer pr ON pr.id = p.producer_id
        """

    static func storedProduct(_ row: Row) throws -> StoredProduct {
        let id: Int64 = row[0]
        func corrupt(_ what: String) -> StoreError { .database("product \(id) has a corrupt \(what)") }
        guard let attributes = decodeAttributes(row[9]) else { throw corrupt("attribute list") }
        guard let report = decodeReport(row[16]) else { throw corrupt("report") }
        guard let availability = Availability(rawValue: row[13]), let status = ProductStatus(rawValue: row[14]) else {
            throw corrupt("status")
        }
        let priceText: String? = row[12]
        let product = Product(
            brandID: row[1], producerID: row[2], sku: row[3],
            gtin: (row[4] as String?).map(GTIN.init(verifiedDigits:)),
            name: LocalizedText(zh: row[5], en: row[6]), description: row[7],
            category: row[8], attributes: attributes,
            origin: (row[10] as String?).flatMap(AdministrativeCode.init),
            outlet: row[11], price: priceText.flatMap { Decimal(exactText: $0) },
            availability: availability, status: status
        )
        return StoredProduct(id: id, product: product, report: report, standardVersion: row[15],
                             exportable: row[19], createdAt: row[17], updatedAt: row[18], priceText: priceText)
    }

    /// The stored attribute list, as arrays (`AttributeValue.storedText`) or as the
    /// objects stores kept before: read by hand when it has the store's own flat
    /// shape, else through `JSONDecoder`.
    static func decodeAttributes(_ text: String) -> [AttributeValue]? {
        if let arrays = FlatJSON.arrays(text) {
            return every(arrays.map(AttributeValue.init(storedParts:)))
        }
        if let objects = FlatJSON.objects(text),
           let values = every(objects.map { object in AttributeValue(storedFields: { FlatJSON.value($0, in: object) }) }) {
            return values
        }
        let data = Data(text.utf8)
        if let arrays = try? JSONDecoder().decode([[String]].self, from: data) {
            return every(arrays.map(AttributeValue.init(storedParts:)))
        }
        return try? JSONDecoder().decode([AttributeValue].self, from: data)
    }

    /// All the values, or `nil` when any is missing: a list with one bad attribute is corrupt.
    private static func every<Value>(_ values: [Value?]) -> [Value]? {
        let present = values.compactMap { $0 }
        return present.count == values.count ? present : nil
    }

    /// The stored report: a clean one read by hand, one with findings through `JSONDecoder`.
    static func decodeReport(_ text: String) -> ComplianceReport? {
        if let object = FlatJSON.object(text), FlatJSON.value("findings", in: object) == "[]",
           let brand = FlatJSON.value("brand", in: object), let version = FlatJSON.value("standard_version", in: object) {
            return ComplianceReport(brandID: brand, standardVersion: version, findings: [])
        }
        return try? JSONDecoder().decode(ComplianceReport.self, from: Data(text.utf8))
    }

}
