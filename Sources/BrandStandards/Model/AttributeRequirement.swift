import Foundation
import Measures

/// One attribute a product must (or may) state, with the bounds the standard sets.
public struct AttributeRequirement: Equatable, Sendable, Codable {
    /// Stable id, such as `net_content`; also the CSV column and the JSON key.
    public var id: String
    /// The attribute's name.
    public var name: LocalizedText
    /// What kind of value it takes.
    public var type: AttributeType
    /// Whether a product must state it.
    public var required: Bool
    /// Other headers that name the attribute's column in product files (`净含量`,
    /// `重量`); `nil` when the standard gives none.
    public var aliases: [String]?
    /// For quantities: the dimension its unit must have.
    public var dimension: MeasureDimension?
    /// For quantities: the unit values are shown in (`mm` for a fruit diameter).
    public var displayUnit: MeasureUnit?
    /// The smallest value allowed (for numbers, quantities and dates).
    public var min: AttributeBound?
    /// The largest value allowed.
    public var max: AttributeBound?
    /// For decimals and quantities: at most this many digits after the point.
    public var decimalPlaces: Int?
    /// For text: at most this many characters.
    public var maxLength: Int?
    /// For text: a regular expression the whole value must match.
    public var pattern: String?
    /// For enums: the values allowed, in order.
    public var options: [EnumOption]
    /// Bounds that apply instead when other attributes have given values (crab weight
    /// by sex and grade, fruit diameter by grade).
    public var cases: [BoundsCase]

    enum CodingKeys: String, CodingKey {
        case id, name, type, required, aliases, dimension, displayUnit = "display_unit", min, max
        case decimalPlaces = "decimal_places", maxLength = "max_length", pattern, options, cases
    }
}

/// The kinds of value an attribute takes.
public enum AttributeType: String, Equatable, Sendable, Codable, CaseIterable {
    case text, integer, decimal, quantity
    case enumeration = "enum"
    case boolean, date
}

/// A bound on a value: a plain number, a quantity with its unit, or a date.
public enum AttributeBound: Equatable, Sendable {
    case number(Decimal)
    case quantity(Quantity)
    case date(CalendarDay)
}

extension AttributeBound: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let quantity = try? container.decode(Quantity.self) {
            self = .quantity(quantity)
        } else {
            let text = try container.decode(String.self)
            if let day = CalendarDay(text) {
                self = .date(day)
            } else if let number = Decimal(exactText: text) {
                self = .number(number)
            } else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a bound: \(text)")
            }
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .number(let number): try container.encode(number.plainText)
        case .quantity(let quantity): try container.encode(quantity)
        case .date(let day): try container.encode(day)
        }
    }
}

extension AttributeBound {
    /// The bound as a person reads it, in one language: `2.5 kg`, `2.5 公斤`, `2026-08-01`.
    public func text(_ language: Language) -> String {
        switch self {
        case .number(let number): number.plainText
        case .quantity(let quantity): quantity.formatted(language)
        case .date(let day): day.description
        }
    }
}

/// One allowed value of an enum attribute.
public struct EnumOption: Equatable, Sendable, Codable {
    /// The value products give, such as `grade-1`.
    public var id: String
    /// How people read it.
    public var name: LocalizedText
}

/// Bounds that replace the attribute's own when every condition holds.
public struct BoundsCase: Equatable, Sendable, Codable {
    /// Attribute id to required option id (`sex: male`, `grade: premium`).
    public var when: [String: String]
    public var min: AttributeBound?
    public var max: AttributeBound?
}
