import BrandStandards
import Foundation
import Measures

/// Attribute values as the store and the exports keep them:
/// `{"id":"weight","entered":"4两","kind":"quantity","value":"4","unit":"liang.mainland","canonical":"0.2","canonical_unit":"kg"}`.
/// Written by hand, because imports write one such list per row and must be fast;
/// read back through `Codable`.
extension AttributeValue: Codable {
    enum CodingKeys: String, CodingKey {
        case id, entered, kind, value, unit, canonical, canonicalUnit = "canonical_unit"
    }

    var kind: String {
        switch value {
        case .text: "text"
        case .integer: "integer"
        case .decimal: "decimal"
        case .quantity: "quantity"
        case .option: "enum"
        case .boolean: "boolean"
        case .date: "date"
        }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        entered = try container.decode(String.self, forKey: .entered)
        let kind = try container.decode(String.self, forKey: .kind)
        let text = try container.decode(String.self, forKey: .value)
        func corrupt() -> DecodingError {
            .dataCorruptedError(forKey: .value, in: container, debugDescription: "bad \(kind) value \(text)")
        }
        switch kind {
        case "text": value = .text(text)
        case "integer": guard let number = Int(text) else { throw corrupt() }; value = .integer(number)
        case "decimal": guard let number = Decimal(exactText: text) else { throw corrupt() }; value = .decimal(number)
        case "quantity":
            let unit = try container.decode(MeasureUnit.self, forKey: .unit)
            guard let number = Decimal(exactText: text) else { throw corrupt() }
            value = .quantity(Quantity(number, unit))
        case "enum": value = .option(text)
        case "boolean": value = .boolean(text == "true")
        case "date": guard let day = CalendarDay(text) else { throw corrupt() }; value = .date(day)
        default: throw corrupt()
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(entered, forKey: .entered)
        try container.encode(kind, forKey: .kind)
        try container.encode(valueText, forKey: .value)
        if case .quantity(let quantity) = value {
            try container.encode(quantity.unit, forKey: .unit)
            try container.encode(canonicalText, forKey: .canonical)
            try container.encode(quantity.dimension.canonicalUnit, forKey: .canonicalUnit)
        }
    }

    /// The value as entered in its own unit (`4` for `4两`); `canonicalText` is in the
    /// canonical unit.
    var valueText: String {
        if case .quantity(let quantity) = value { return quantity.value.plainText }
        return canonicalText
    }

    /// A list of attribute values as compact JSON, written without an encoder.
    public static func jsonText(_ values: [AttributeValue]) -> String {
        var out = "["
        for (index, attribute) in values.enumerated() {
            if index > 0 { out += "," }
            out += "{\"id\":"
            JSONText.appendString(attribute.id, to: &out)
            out += ",\"entered\":"
            JSONText.appendString(attribute.entered, to: &out)
            out += ",\"kind\":\"\(attribute.kind)\",\"value\":"
            JSONText.appendString(attribute.valueText, to: &out)
            if case .quantity(let quantity) = attribute.value {
                out += ",\"unit\":\"\(quantity.unit.id)\",\"canonical\":\"\(attribute.canonicalText)\",\"canonical_unit\":\"\(quantity.dimension.canonicalUnit.id)\""
            }
            out += "}"
        }
        return out + "]"
    }
}

/// JSON string escaping for hand-written JSON.
public enum JSONText {
    /// Appends `text` as a quoted JSON string.
    public static func appendString(_ text: String, to out: inout String) {
        out += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }
}
