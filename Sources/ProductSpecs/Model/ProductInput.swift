import Foundation
import Measures

/// A product as a producer entered it, before validation: every value is text, as it
/// stood in the CSV cell or JSON field, with how to name its place.
public struct ProductInput: Equatable, Sendable {
    /// The product fields a file may carry besides attribute ids.
    public static let fieldNames = [
        "sku", "gtin", "category", "name_zh", "name_en", "description", "origin", "producer",
        "outlet", "price", "availability",
    ]

    /// Product fields by name (`sku`, `gtin`, ...); absent or empty means not given.
    public var fields: [String: String]
    /// Attribute texts by attribute id.
    public var attributes: [String: String]
    /// How to name a field's place: the CSV column, or a JSON pointer.
    public var locate: @Sendable (String) -> String

    /// Creates an input; `locate` defaults to the field's own name.
    public init(fields: [String: String], attributes: [String: String], locate: @escaping @Sendable (String) -> String = { $0 }) {
        self.fields = fields
        self.attributes = attributes
        self.locate = locate
    }

    /// The trimmed, non-empty value of a product field.
    public func field(_ name: String) -> String? {
        guard let value = fields[name]?.trimmed, !value.isEmpty else { return nil }
        return value
    }

    public static func == (lhs: ProductInput, rhs: ProductInput) -> Bool {
        lhs.fields == rhs.fields && lhs.attributes == rhs.attributes
    }
}
