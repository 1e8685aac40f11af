import BrandStandards
import CatalogStore
import DigitalLink
import Foundation
import Measures
import ProductSpecs

/// A stored product as `products list|show --format json` print it.
struct ProductOutput: Encodable {
    let id: Int64
    let brand: String
    let producer: String
    let sku: String
    let gtin: String?
    let name: LocalizedText
    let description: String?
    let category: String
    let attributes: [AttributeValue]
    let origin: String?
    let outlet: String?
    let price: String?
    let availability: String
    let status: String
    let exportable: Bool
    let standardVersion: Int
    let report: ComplianceReport
    let updatedAt: String

    enum CodingKeys: String, CodingKey {
        case id, brand, producer, sku, gtin, name, description, category, attributes, origin, outlet, price, availability
        case status, exportable, standardVersion = "standard_version", report, updatedAt = "updated_at"
    }

    init(_ stored: StoredProduct) {
        let product = stored.product
        id = stored.id
        brand = product.brandID
        producer = product.producerID
        sku = product.sku
        gtin = product.gtin?.digits
        name = product.name
        description = product.description
        category = product.category
        attributes = product.attributes
        origin = product.origin?.digits
        outlet = product.outlet
        price = product.price.map { String(format: "%.2f", NSDecimalNumber(decimal: $0).doubleValue) }
        availability = product.availability.rawValue
        status = product.status.rawValue
        exportable = stored.exportable
        standardVersion = stored.standardVersion
        report = stored.report
        updatedAt = stored.updatedAt
    }
}
