import Measures
import ProductSpecs

/// Attribute values as the store keeps them. How a column is encoded is the store's
/// business alone: no other module reads or writes this text.
extension AttributeValue {
    /// An attribute from the string fields the store keeps (`id`, `entered`, `kind`,
    /// `value`, `unit`); `nil` when they do not make one.
    init?(storedFields field: (String) -> String?) {
        guard let id = field("id"), let entered = field("entered"), let kind = field("kind"), let text = field("value") else { return nil }
        self.init(id: id, entered: entered, kind: kind, valueText: text, unitID: field("unit"))
    }

    /// An attribute from the array `storedText` writes for it; `nil` when the parts
    /// do not make one.
    init?(storedParts parts: [String]) {
        guard (3...5).contains(parts.count) else { return nil }
        self.init(id: parts[0], entered: parts[1], kind: parts[2], valueText: parts.count > 3 ? parts[3] : parts[1],
                  unitID: parts.count > 4 ? parts[4] : nil)
    }

    /// A list of attribute values as the store keeps them: an array per attribute,
    /// `["net_content","10斤","quantity","10","jin.mainland"]`, that is id, entered
    /// text, kind, then the value (left out when it is the entered text, as for most
    /// texts, options and years) and a quantity's unit. The canonical value is left
    /// out too: it follows from the value and the unit. Written as bytes, without an
    /// encoder, because imports write one such list per row; half the size of the
    /// objects the exports write, which the store once kept (both are read).
    static func storedText(_ values: [AttributeValue]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(56 * values.count + 2)
        out.append(UInt8(ascii: "["))
        for (index, attribute) in values.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            out.append(UInt8(ascii: "["))
            JSONText.appendString(attribute.id, to: &out)
            out.append(UInt8(ascii: ","))
            JSONText.appendString(attribute.entered, to: &out)
            out.append(literal: #",""#)
            out.append(literal: attribute.kind)
            out.append(UInt8(ascii: "\""))
            if case .quantity(let quantity) = attribute.value {
                out.append(UInt8(ascii: ","))
                attribute.appendValueText(to: &out)
                out.append(literal: #",""#)
                out.append(text: quantity.unit.id)
                out.append(UInt8(ascii: "\""))
            } else {
                let value = attribute.valueText
                if value != attribute.entered {
                    out.append(UInt8(ascii: ","))
                    JSONText.appendString(value, to: &out)
                }
            }
            out.append(UInt8(ascii: "]"))
        }
        out.append(UInt8(ascii: "]"))
        return String(decoding: out, as: UTF8.self)
    }
}
