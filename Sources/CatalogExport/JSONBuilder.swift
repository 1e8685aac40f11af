import ProductSpecs

/// Builds JSON as UTF-8 bytes by hand with keys in a fixed order: exports write one
/// object per product, and an encoder (or growing a `String`) per product would cost
/// more than the rest together.
public struct JSONBuilder {
    /// The JSON so far; callers may swap their own buffer in to build in place.
    public var bytes: [UInt8] = []
    private var needsComma = false

    public init(capacity: Int = 1024) {
        bytes.reserveCapacity(capacity)
    }

    /// The JSON as text.
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    private mutating func key(_ name: String?) {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
        needsComma = true
        if let name {
            JSONText.appendString(name, to: &bytes)
            bytes.append(UInt8(ascii: ":"))
        }
    }

    public mutating func beginObject(_ name: String? = nil) {
        key(name)
        bytes.append(UInt8(ascii: "{"))
        needsComma = false
    }

    public mutating func endObject() {
        bytes.append(UInt8(ascii: "}"))
        needsComma = true
    }

    public mutating func beginArray(_ name: String? = nil) {
        key(name)
        bytes.append(UInt8(ascii: "["))
        needsComma = false
    }

    public mutating func endArray() {
        bytes.append(UInt8(ascii: "]"))
        needsComma = true
    }

    /// A string member (or array element when `name` is nil); `nil` writes null.
    public mutating func string(_ name: String?, _ value: String?) {
        key(name)
        if let value { JSONText.appendString(value, to: &bytes) } else { bytes.append(contentsOf: "null".utf8) }
    }

    /// A number or literal written as is (`12.5`, `true`).
    public mutating func raw(_ name: String?, _ literal: String) {
        key(name)
        bytes.append(contentsOf: literal.utf8)
    }
}
