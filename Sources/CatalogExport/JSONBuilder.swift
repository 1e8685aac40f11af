import ProductSpecs

/// Builds JSON text by hand with keys in a fixed order: exports write one object per
/// product, and an encoder per product would cost more than the rest together.
struct JSONBuilder {
    private(set) var text = ""
    private var needsComma = [false]

    init(capacity: Int = 1024) {
        text.reserveCapacity(capacity)
    }

    private mutating func separate() {
        if needsComma[needsComma.count - 1] { text += "," }
        needsComma[needsComma.count - 1] = true
    }

    private mutating func key(_ name: String?) {
        separate()
        if let name {
            JSONText.appendString(name, to: &text)
            text += ":"
        }
    }

    mutating func beginObject(_ name: String? = nil) {
        key(name)
        text += "{"
        needsComma.append(false)
    }

    mutating func endObject() {
        needsComma.removeLast()
        text += "}"
    }

    mutating func beginArray(_ name: String? = nil) {
        key(name)
        text += "["
        needsComma.append(false)
    }

    mutating func endArray() {
        needsComma.removeLast()
        text += "]"
    }

    /// A string member (or array element when `name` is nil); `nil` writes null.
    mutating func string(_ name: String?, _ value: String?) {
        key(name)
        if let value { JSONText.appendString(value, to: &text) } else { text += "null" }
    }

    /// A number or literal written as is (`12.5`, `true`).
    mutating func raw(_ name: String?, _ literal: String) {
        key(name)
        text += literal
    }
}
