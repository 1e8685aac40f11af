import BrandStandards
import DigitalLink
import Foundation
import Measures
import ProductSpecs

/// A product as every export format describes it: the stored product with the
/// names that make it readable (brand, category, producer, place, attributes) and
/// the URL its QR codes resolve at.
public struct CatalogEntry: Sendable {
    public let id: Int64
    public let product: Product
    public let brandName: LocalizedText
    public let standardNumber: Int
    public let standardLabel: String
    public let compliant: Bool
    public let findings: Int
    public let categoryName: LocalizedText?
    public let placeName: LocalizedText?
    public let producerName: LocalizedText?
    /// The names of the category's attributes, by id (shared by every product of the category).
    public let attributeNames: [String: LocalizedText]
    /// The brand's resolver base URL, without a trailing slash.
    public let resolverBase: String?
    /// `https://{resolver}/01/{gtin14}` for products with a GTIN.
    public var resolverURL: String? {
        guard let resolverBase, let gtin = product.gtin else { return nil }
        return "\(resolverBase)/01/\(gtin.digits)"
    }
    public let updatedAt: String

    /// The price with two decimals (`59.00`), as platforms want it.
    public let priceText: String?

    /// A stored price (`59`, `3.8`, at most two decimals) written with two decimals.
    static func twoDecimals(_ text: String) -> String {
        guard let point = text.firstIndex(of: ".") else { return text + ".00" }
        let decimals = text.distance(from: point, to: text.endIndex) - 1
        return decimals >= 2 ? text : text + String(repeating: "0", count: 2 - decimals)
    }

    /// The net content, for unit pricing and weights: the `net_content` attribute.
    public var netContent: Quantity? {
        guard case .quantity(let quantity)? = product.attribute("net_content")?.value else { return nil }
        return quantity
    }
}
