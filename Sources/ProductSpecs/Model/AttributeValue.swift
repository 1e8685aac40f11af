import BrandStandards
import Foundation
import Measures

/// One attribute of a product: the text as the producer entered it, and its value
/// read according to the standard.
public struct AttributeValue: Equatable, Sendable {
    /// The attribute id.
    public var id: String
    /// What the producer typed, unchanged (`10斤`).
    public var entered: String
    /// The value as the standard reads it.
    public var value: Value

    /// Creates an attribute value.
    public init(id: String, entered: String, value: Value) {
        self.id = id
        self.entered = entered
        self.value = value
    }

    /// A read attribute value.
    public enum Value: Equatable, Sendable {
        case text(String)
        case integer(Int)
        case decimal(Decimal)
        case quantity(Quantity)
        case option(String)
        case boolean(Bool)
        case date(CalendarDay)
    }

    /// The canonical value as text: `5` for `10斤` (in kg), the option id for an enum.
    public var canonicalText: String {
        switch value {
        case .text(let text): text
        case .integer(let number): String(number)
        case .decimal(let number): number.plainText
        case .quantity(let quantity):
            // In a canonical unit the value is as entered: no need to format a decimal.
            quantity.unit.isCanonical ? Decimal.canonicalNumeral(valueText) ?? quantity.canonicalValue.plainText : quantity.canonicalValue.plainText
        case .option(let id): id
        case .boolean(let flag): flag ? "true" : "false"
        case .date(let day): day.description
        }
    }

    /// The canonical unit's id, for quantities.
    public var canonicalUnit: MeasureUnit? {
        if case .quantity(let quantity) = value { return quantity.dimension.canonicalUnit }
        return nil
    }
}

extension AttributeValue {
    /// The net content in grams, when `attributes` state one as a mass: GB 7718 sets
    /// how tall its characters must be on a label.
    public static func netContentGrams(in attributes: [AttributeValue]) -> Decimal? {
        guard case .quantity(let quantity)? = attributes.first(where: { $0.id == LabelRules.netContentField })?.value,
              quantity.dimension == .mass else { return nil }
        // Mass is kept canonically in kilograms.
        return quantity.canonicalValue * 1000
    }
}
