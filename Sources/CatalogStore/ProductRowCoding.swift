import BrandStandards
import DigitalLink
import Foundation
import GRDB
import Measures
import ProductSpecs

/// Turns product rows into `StoredProduct`s and reports into JSON text.
enum ProductRowCoding {
    static let selectColumns = """
        p.*, (p.status = 'certified' AND pr.status = 'active') AS exportable
        FROM product p JOIN producer pr ON pr.id = p.producer_id
        """

    static func storedProduct(_ row: Row) throws -> StoredProduct {
        let id: Int64 = row["id"]
        func corrupt(_ what: String) -> StoreError { .database("product \(id) has a corrupt \(what)") }
        let decoder = JSONDecoder()
        guard let attributes = try? decoder.decode([AttributeValue].self, from: Data((row["attributes"] as String).utf8)) else { throw corrupt("attribute list") }
        guard let report = try? decoder.decode(ComplianceReport.self, from: Data((row["report"] as String).utf8)) else { throw corrupt("report") }
        guard let status = ProductStatus(rawValue: row["status"]), let availability = Availability(rawValue: row["availability"]) else {
            throw corrupt("status")
        }
        let product = Product(
            brandID: row["brand_id"], producerID: row["producer_id"], sku: row["sku"],
            gtin: (row["gtin"] as String?).flatMap { try? GTIN($0) },
            name: LocalizedText(zh: row["name_zh"], en: row["name_en"]), description: row["description"],
            category: row["category_id"], attributes: attributes,
            origin: (row["origin"] as String?).flatMap(AdministrativeCode.init),
            outlet: row["outlet"], price: (row["price"] as String?).flatMap { Decimal(exactText: $0) },
            availability: availability, status: status
        )
        return StoredProduct(id: id, product: product, report: report, standardVersion: row["standard_version"],
                             exportable: row["exportable"], createdAt: row["created_at"], updatedAt: row["updated_at"])
    }

    /// The report as JSON text; a clean report is written without an encoder.
    static func jsonText(_ report: ComplianceReport) throws -> String {
        if report.findings.isEmpty {
            var out = "{\"brand\":"
            JSONText.appendString(report.brandID, to: &out)
            out += ",\"findings\":[],\"standard_version\":"
            JSONText.appendString(report.standardVersion, to: &out)
            return out + "}"
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(report), as: UTF8.self)
    }
}
