import BrandStandards
import Foundation
import Measures

/// A product as a producer entered it, before validation: every value is text, as it
/// stood in the CSV cell or JSON field, with how to name its place.
public struct ProductInput: Equatable, Sendable {
    /// The product fields a file may carry besides attribute ids.
    public static let fieldNames = Field.allCases.map(\.name)

    /// The product fields; each is its text's slot.
    public typealias Field = ProductField

    /// Field texts in `Field` order: validating reads each of them for every row, and
    /// an array slot costs less than hashing a name into a dictionary.
    private var fieldTexts: [String?]
    /// Attribute texts by attribute id.
    public var attributes: [String: String]
    /// How to name a field's place: the CSV column, or a JSON pointer.
    public var locate: @Sendable (String) -> String

    /// Creates an input; `locate` defaults to the field's own name. Names in `fields`
    /// that are not product fields are left out.
    public init(fields: [String: String], attributes: [String: String], locate: @escaping @Sendable (String) -> String = { $0 }) {
        self.init(fieldTexts: Field.allCases.map { fields[$0.name] }, attributes: attributes, locate: locate)
    }

    /// Creates an input from field texts in `Field` order.
    init(fieldTexts: [String?], attributes: [String: String], locate: @escaping @Sendable (String) -> String) {
        self.fieldTexts = fieldTexts
        self.attributes = attributes
        self.locate = locate
    }

    /// Product fields by name (`sku`, `gtin`, ...); absent means not given.
    public var fields: [String: String] {
        get {
            var fields: [String: String] = [:]
            for (field, text) in zip(Field.allCases, fieldTexts) where text != nil { fields[field.name] = text }
            return fields
        }
        set { fieldTexts = Field.allCases.map { newValue[$0.name] } }
    }

    /// The trimmed, non-empty value of a product field; codes, ids, prices and
    /// availability with full-width forms made ASCII (`６９０１…`, `ＲＩＣＥ`), as Chinese
    /// input methods type them. Names and descriptions are kept as written.
    public func field(_ field: Field) -> String? {
        guard let value = fieldTexts[field.rawValue]?.trimmed, !value.isEmpty else { return nil }
        switch field {
        case .gtin, .origin:
            // `="06901234567014"`: how `catalog export --excel` keeps a code text in a sheet.
            let code = value.halfWidth
            return code.hasPrefix("=\"") && code.hasSuffix("\"") && code.count > 3 ? String(code.dropFirst(2).dropLast()) : code
        case .sku, .category, .producer, .price, .availability: return value.halfWidth
        case .nameZh, .nameEn, .description, .outlet: return value
        }
    }

    /// The trimmed, non-empty value of the product field with this name.
    public func field(_ name: String) -> String? {
        Field(name: name).flatMap(field)
    }

    /// Every product field and attribute holding a control character (a NUL, an
    /// escape, C1 controls), by name, in field order then attribute id; only the
    /// description may break lines and hold tabs.
    public var fieldsWithControlCharacters: [(name: String, scalar: Unicode.Scalar)] {
        var found: [(name: String, scalar: Unicode.Scalar)] = []
        for (index, text) in fieldTexts.enumerated() {
            guard let text, let field = Field(rawValue: index) else { continue }
            if let scalar = text.firstControlCharacter(allowingLineBreaks: field == .description) { found.append((field.name, scalar)) }
        }
        var inAttributes: [(name: String, scalar: Unicode.Scalar)] = []
        for (id, text) in attributes {
            if let scalar = text.firstControlCharacter(allowingLineBreaks: false) { inAttributes.append((id, scalar)) }
        }
        // Sorted only when there is something to report: this runs for every imported row.
        return inAttributes.isEmpty ? found : found + inAttributes.sorted { $0.name < $1.name }
    }

    public static func == (lhs: ProductInput, rhs: ProductInput) -> Bool {
        lhs.fieldTexts == rhs.fieldTexts && lhs.attributes == rhs.attributes
    }
}
