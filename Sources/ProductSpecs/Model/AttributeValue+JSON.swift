import BrandStandards
import Foundation
import Measures

/// Attribute values as the exports write them:
/// `{"id":"weight","entered":"4两","kind":"quantity","value":"4","unit":"liang.mainland","canonical":"0.2","canonical_unit":"kg"}`;
/// the store keeps the same without the last two.
/// Written by hand, because imports write one such list per row and must be fast;
/// read back through `Codable`.
extension AttributeValue: Codable {
    enum CodingKeys: String, CodingKey {
        case id, entered, kind, value, unit, canonical, canonicalUnit = "canonical_unit"
    }

    /// The value's kind, as the exports and the store name it.
    public var kind: StaticString {
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

    /// An attribute from its parts as text: a `kind` (`text`, `integer`, `decimal`,
    /// `quantity`, `enum`, `boolean`, `date`), the value in its own unit, and a
    /// quantity's unit id; `nil` when they do not make one.
    public init?(id: String, entered: String, kind: String, valueText text: String, unitID: String?) {
        let value: Value
        switch kind {
        case "text": value = .text(text)
        case "integer": guard let number = Int(text) else { return nil }; value = .integer(number)
        case "decimal": guard let number = Decimal(exactText: text) else { return nil }; value = .decimal(number)
        case "quantity":
            guard let unit = unitID.flatMap(MeasureUnit.withID), let number = Decimal(exactText: text) else { return nil }
            value = .quantity(Quantity(number, unit))
        case "enum": value = .option(text)
        case "boolean": value = .boolean(text == "true")
        case "date": guard let day = CalendarDay(text) else { return nil }; value = .date(day)
        default: return nil
        }
        self.init(id: id, entered: entered, value: value)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let kind = try container.decode(String.self, forKey: .kind)
        let text = try container.decode(String.self, forKey: .value)
        // A quantity's unit must be one we know (decoding it says which it is not).
        let unit = kind == "quantity" ? try container.decode(MeasureUnit.self, forKey: .unit).id : nil
        guard let attribute = AttributeValue(
            id: try container.decode(String.self, forKey: .id), entered: try container.decode(String.self, forKey: .entered),
            kind: kind, valueText: text, unitID: unit
        ) else {
            throw DecodingError.dataCorruptedError(forKey: .value, in: container, debugDescription: "bad \(kind) value \(text)")
        }
        self = attribute
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(entered, forKey: .entered)
        try container.encode(kind.description, forKey: .kind)
        try container.encode(valueText, forKey: .value)
        if case .quantity(let quantity) = value {
            try container.encode(quantity.unit, forKey: .unit)
            try container.encode(canonicalText, forKey: .canonical)
            try container.encode(quantity.dimension.canonicalUnit, forKey: .canonicalUnit)
        }
    }

    /// The value in its own unit, as text: `4` for `4两`. Numbers are taken from what
    /// was entered (which parsed exactly to the value), not formatted again.
    public var valueText: String {
        switch value {
        case .quantity(let quantity):
            if let numeral = enteredNumeral { return String(decoding: numeral, as: UTF8.self) }
            return quantity.value.plainText
        case .decimal:
            return entered.halfWidth.trimmed
        default:
            return canonicalText
        }
    }

    /// The ASCII numeral `entered` starts with (it is trimmed): a quantity's value as
    /// typed, `10` of `10斤`; `nil` when it starts otherwise (full-width digits).
    private var enteredNumeral: Substring.UTF8View? {
        let numeral = entered.utf8.prefix { ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2E || $0 == 0x2D || $0 == 0x2B }
        return numeral.isEmpty ? nil : numeral
    }

    /// Appends `valueText` as a JSON string; a quantity's numeral straight from the
    /// bytes entered.
    public func appendValueText(to out: inout [UInt8]) {
        if case .quantity = value, let numeral = enteredNumeral {
            out.append(UInt8(ascii: "\""))
            out.append(contentsOf: numeral)
            out.append(UInt8(ascii: "\""))
        } else {
            JSONText.appendString(valueText, to: &out)
        }
    }
}

/// JSON string escaping for hand-written JSON, into text or into UTF-8 bytes.
public enum JSONText {
    /// `text` as a quoted JSON string.
    public static func quoted(_ text: String) -> String {
        var out = ""
        appendString(text, to: &out)
        return out
    }

    /// Appends `text` as a quoted JSON string.
    public static func appendString(_ text: String, to out: inout String) {
        if text.utf8.withContiguousStorageIfAvailable(isPlain) ?? !text.utf8.contains(where: needsEscape) {
            out += "\""
            out += text
            out += "\""
            return
        }
        var bytes: [UInt8] = []
        appendString(text, to: &bytes)
        out += String(decoding: bytes, as: UTF8.self)
    }

    /// Appends `text` as a quoted JSON string, as UTF-8 bytes.
    public static func appendString(_ text: String, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        // Most text needs no escaping: copy its bytes in one go.
        let copied = text.utf8.withContiguousStorageIfAvailable { buffer -> Bool in
            guard isPlain(buffer) else { return false }
            bytes.append(contentsOf: buffer)
            return true
        }
        if copied != true {
            for byte in text.utf8 {
                switch byte {
                case UInt8(ascii: "\""): bytes.append(contentsOf: [0x5C, 0x22])
                case UInt8(ascii: "\\"): bytes.append(contentsOf: [0x5C, 0x5C])
                case 0x0A: bytes.append(contentsOf: [0x5C, UInt8(ascii: "n")])
                case 0x0D: bytes.append(contentsOf: [0x5C, UInt8(ascii: "r")])
                case 0x09: bytes.append(contentsOf: [0x5C, UInt8(ascii: "t")])
                case 0..<0x20:
                    let hex = Array("0123456789abcdef".utf8)
                    bytes.append(contentsOf: [0x5C, UInt8(ascii: "u"), 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
                default: bytes.append(byte)
                }
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == 0x22 || byte == 0x5C
    }

    /// Whether no byte needs escaping, tested eight bytes at a time: exports write
    /// every text of every product through here.
    static func isPlain(_ buffer: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        if let base = buffer.baseAddress {
            let raw = UnsafeRawPointer(base)
            while index + 8 <= buffer.count {
                if wordNeedsEscape(raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)) { return false }
                index += 8
            }
        }
        while index < buffer.count {
            if needsEscape(buffer[index]) { return false }
            index += 1
        }
        return true
    }

    /// Whether any of a word's bytes is below 0x20, a quote or a backslash (the
    /// classic tests for a zero byte, and for a byte below n, on all eight at once).
    private static func wordNeedsEscape(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        func hasZeroByte(_ value: UInt64) -> Bool { (value &- ones) & ~value & highs != 0 }
        let control = (word &- ones &* 0x20) & ~word & highs != 0
        return control || hasZeroByte(word ^ (ones &* 0x22)) || hasZeroByte(word ^ (ones &* 0x5C))
    }
}

extension [UInt8] {
    /// Appends a literal's UTF-8 bytes in one copy.
    public mutating func append(literal: StaticString) {
        literal.withUTF8Buffer { append(contentsOf: $0) }
    }

    /// Appends a string's UTF-8 bytes in one copy.
    public mutating func append(text: String) {
        var text = text
        text.withUTF8 { append(contentsOf: $0) }
    }
}
