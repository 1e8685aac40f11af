/// Builds JSON as UTF-8 bytes by hand with keys in a fixed order: exports write one
/// object per product, and an encoder (or growing a `String`) per product would cost
/// more than the rest together.
struct JSONBuilder {
    /// The JSON so far; callers may swap their own buffer in to build in place.
    var bytes: [UInt8] = []
    private var needsComma = false

    init(capacity: Int = 1024) {
        bytes.reserveCapacity(capacity)
    }

    /// The JSON as text.
    var text: String { String(decoding: bytes, as: UTF8.self) }

    private mutating func key(_ name: String?) {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
        needsComma = true
        if let name {
            Self.appendString(name, to: &bytes)
            bytes.append(UInt8(ascii: ":"))
        }
    }

    mutating func beginObject(_ name: String? = nil) {
        key(name)
        bytes.append(UInt8(ascii: "{"))
        needsComma = false
    }

    mutating func endObject() {
        bytes.append(UInt8(ascii: "}"))
        needsComma = true
    }

    mutating func beginArray(_ name: String? = nil) {
        key(name)
        bytes.append(UInt8(ascii: "["))
        needsComma = false
    }

    mutating func endArray() {
        bytes.append(UInt8(ascii: "]"))
        needsComma = true
    }

    /// A string member (or array element when `name` is nil); `nil` writes null.
    mutating func string(_ name: String?, _ value: String?) {
        key(name)
        if let value { Self.appendString(value, to: &bytes) } else { bytes.append(contentsOf: "null".utf8) }
    }

    /// A number or literal written as is (`12.5`, `true`).
    mutating func raw(_ name: String?, _ literal: String) {
        key(name)
        bytes.append(contentsOf: literal.utf8)
    }

    /// Appends `text` as a quoted JSON string.
    static func appendString(_ text: String, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        // Most text needs no escaping: copy its bytes in one go.
        let copied = text.utf8.withContiguousStorageIfAvailable { buffer -> Bool in
            for byte in buffer where byte < 0x20 || byte == 0x22 || byte == 0x5C { return false }
            bytes.append(contentsOf: buffer)
            return true
        }
        if copied == true {
            bytes.append(UInt8(ascii: "\""))
            return
        }
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
        bytes.append(UInt8(ascii: "\""))
    }
}
