import BrandStandards
import DigitalLink
import Foundation
import Measures

/// A product as validated against a brand standard: its fields, its attributes both
/// as entered and canonical, and where it stands.
public struct Product: Equatable, Sendable {
    /// The brand it is registered under.
    public var brandID: String
    /// The producer that makes it; `sku` is unique per producer.
    public var producerID: String
    /// The producer's stock-keeping unit.
    public var sku: String
    /// Its GTIN, normalised to 14 digits, when it has one.
    public var gtin: GTIN?
    /// Its name.
    public var name: LocalizedText
    /// A description for catalog pages.
    public var description: String?
    /// The category id under the brand.
    public var category: String
    /// Its attributes, in the standard's order.
    public var attributes: [AttributeValue]
    /// Where it comes from.
    public var origin: AdministrativeCode?
    /// Where it is sold (a village shop, an online store).
    public var outlet: String?
    /// Its price in CNY.
    public var price: Decimal?
    /// Whether it can be bought now.
    public var availability: Availability
    /// Where it stands.
    public var status: ProductStatus

    /// Creates a product.
    public init(
        brandID: String, producerID: String, sku: String, gtin: GTIN? = nil, name: LocalizedText,
        description: String? = nil, category: String, attributes: [AttributeValue] = [],
        origin: AdministrativeCode? = nil, outlet: String? = nil, price: Decimal? = nil,
        availability: Availability = .inStock, status: ProductStatus = .draft
    ) {
        self.brandID = brandID
        self.producerID = producerID
        self.sku = sku
        self.gtin = gtin
        self.name = name
        self.description = description
        self.category = category
        self.attributes = attributes
        self.origin = origin
        self.outlet = outlet
        self.price = price
        self.availability = availability
        self.status = status
    }

    /// The attribute with this id.
    public func attribute(_ id: String) -> AttributeValue? {
        attributes.first { $0.id == id }
    }
}

/// Where a product stands under its brand.
public enum ProductStatus: String, Equatable, Sendable, Codable, CaseIterable {
    /// Registered, not yet validated.
    case draft
    /// Meets the standard; awaits an officer's certification.
    case compliant
    /// Breaks the standard; its report says how.
    case nonCompliant = "non_compliant"
    /// Certified by an officer: may be labelled and exported.
    case certified
    /// Taken off the catalog by its producer or an officer.
    case withdrawn
}

extension ProductStatus {
    /// Where a product that stood here stands once validated again with unchanged
    /// data (after a new standard version, or a change of price or stock): a
    /// certified product that still complies stays certified, a withdrawn one stays
    /// withdrawn, every other follows its report.
    public func revalidated(compliant: Bool) -> ProductStatus {
        switch (self, compliant) {
        case (.withdrawn, _): .withdrawn
        case (.certified, true): .certified
        case (_, true): .compliant
        case (_, false): .nonCompliant
        }
    }
}

/// Whether a product can be bought, in the words platforms use.
public enum Availability: String, Equatable, Sendable, Codable, CaseIterable {
    case inStock = "in_stock"
    case outOfStock = "out_of_stock"
    case preorder
    case backorder
}
