import Foundation

/// What migration v5 does to one stored attribute list, frozen as it was when v5
/// landed: a list of objects (`{"id":…,"entered":…,"kind":…,"value":…,"unit":…}`,
/// perhaps with the canonical value) becomes a list of arrays (`[id, entered, kind,
/// value?, unit?]`, the value left out when it is the entered text, except for a
/// quantity), its strings escaped as JSON. A landed migration must give the same
/// result whatever the code it once called becomes, so it calls none: it reads and
/// writes text only.
enum AttributeListV5 {
    /// The list as arrays; the text as it is when it already is one; `nil` when it is
    /// neither (a corrupt list).
    static func rewrite(_ text: String) -> String? {
        guard let parsed = try? JSONSerialization.jsonObject(with: Data(text.utf8)) else { return nil }
        if let arrays = parsed as? [[String]], arrays.allSatisfy({ (3...5).contains($0.count) }) { return text }
        guard let objects = parsed as? [[String: Any]] else { return nil }
        var out = "["
        for (index, object) in objects.enumerated() {
            guard let id = object["id"] as? String, let entered = object["entered"] as? String, let kind = object["kind"] as? String,
                  let value = object["value"] as? String else { return nil }
            var parts = [id, entered, kind]
            if kind == "quantity" {
                guard let unit = object["unit"] as? String else { return nil }
                parts += [value, unit]
            } else if value != entered {
                parts.append(value)
            }
            if index > 0 { out += "," }
            out += "[" + parts.map(quoted).joined(separator: ",") + "]"
        }
        return out + "]"
    }

    /// A JSON string as v5 wrote one: quote, backslash, \n, \r, \t and the other
    /// control characters (as \u00XX) escaped; everything else as it is.
    static func quoted(_ text: String) -> String {
        var out = "\""
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
        return out + "\""
    }
}
