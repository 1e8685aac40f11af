/// Reads the JSON the store itself writes for attribute lists and clean reports:
/// arrays of strings in an array, or objects whose values are strings (or an empty
/// list), in an array or alone. About ten times faster than `JSONDecoder` on exports
/// of many products; anything else answers `nil`, and the caller decodes it the
/// general way.
enum FlatJSON {
    /// The value of `key` among an object's members.
    static func value(_ key: String, in members: Members) -> String? {
        members.first { $0.key == key }?.value
    }

    /// A flat object's members, in order: a handful, so a list beats a dictionary.
    typealias Members = [(key: String, value: String)]

    /// `[["a","b",...],...]` as lists of strings.
    static func arrays(_ text: String) -> [[String]]? {
        Scanner.scan(text) { scanner in scanner.list { $0.array() } }
    }

    /// `[{"k":"v",...},...]` as lists of members.
    static func objects(_ text: String) -> [Members]? {
        Scanner.scan(text) { scanner in scanner.list { $0.object() } }
    }

    /// `{"k":"v",...}`, where a value may also be `[]` (read as "[]").
    static func object(_ text: String) -> Members? {
        Scanner.scan(text) { scanner in scanner.object() }
    }

    /// Reads a text's UTF-8 in place.
    private struct Scanner {
        let bytes: UnsafeBufferPointer<UInt8>
        var position = 0

        /// What `body` reads from the whole of `text`; `nil` if anything is left over.
        static func scan<T>(_ text: String, _ body: (inout Scanner) -> T?) -> T? {
            var text = text
            return text.withUTF8 { bytes in
                var scanner = Scanner(bytes: bytes)
                guard let value = body(&scanner), scanner.atEnd else { return nil }
                return value
            }
        }

        var atEnd: Bool { position == bytes.count }

        mutating func take(_ byte: UInt8) -> Bool {
            guard position < bytes.count, bytes[position] == byte else { return false }
            position += 1
            return true
        }

        /// `[element,...]`.
        mutating func list<Element>(_ element: (inout Scanner) -> Element?) -> [Element]? {
            guard take(UInt8(ascii: "[")) else { return nil }
            var elements: [Element] = []
            if take(UInt8(ascii: "]")) { return elements }
            repeat {
                guard let next = element(&self) else { return nil }
                elements.append(next)
            } while take(UInt8(ascii: ","))
            return take(UInt8(ascii: "]")) ? elements : nil
        }

        /// `["a","b",...]`.
        mutating func array() -> [String]? {
            list { $0.string() }
        }

        mutating func object() -> Members? {
            guard take(UInt8(ascii: "{")) else { return nil }
            var object: Members = []
            object.reserveCapacity(6)
            if take(UInt8(ascii: "}")) { return object }
            repeat {
                guard let key = string(), take(UInt8(ascii: ":")) else { return nil }
                if take(UInt8(ascii: "[")) {
                    guard take(UInt8(ascii: "]")) else { return nil }
                    object.append((key, "[]"))
                } else if take(UInt8(ascii: "n")) {
                    guard take(UInt8(ascii: "u")), take(UInt8(ascii: "l")), take(UInt8(ascii: "l")) else { return nil }
                } else {
                    guard let value = string() else { return nil }
                    object.append((key, value))
                }
            } while take(UInt8(ascii: ","))
            return take(UInt8(ascii: "}")) ? object : nil
        }

        mutating func string() -> String? {
            guard take(UInt8(ascii: "\"")) else { return nil }
            let start = position
            var plain = true
            while position < bytes.count {
                let byte = bytes[position]
                if byte == UInt8(ascii: "\"") {
                    defer { position += 1 }
                    return plain ? String(decoding: bytes[start..<position], as: UTF8.self) : unescape(bytes[start..<position])
                }
                if byte == UInt8(ascii: "\\") {
                    plain = false
                    position += 1
                }
                position += 1
            }
            return nil
        }

        private func unescape(_ raw: Slice<UnsafeBufferPointer<UInt8>>) -> String? {
            var scalars = String.UnicodeScalarView()
            var utf8: [UInt8] = []
            var index = raw.startIndex
            func flush() {
                scalars.append(contentsOf: String(decoding: utf8, as: UTF8.self).unicodeScalars)
                utf8.removeAll()
            }
            while index < raw.endIndex {
                let byte = raw[index]
                guard byte == UInt8(ascii: "\\") else {
                    utf8.append(byte)
                    index += 1
                    continue
                }
                guard index + 1 < raw.endIndex else { return nil }
                let escaped = raw[index + 1]
                index += 2
                switch escaped {
                case UInt8(ascii: "\""): utf8.append(0x22)
                case UInt8(ascii: "\\"): utf8.append(0x5C)
                case UInt8(ascii: "/"): utf8.append(0x2F)
                case UInt8(ascii: "n"): utf8.append(0x0A)
                case UInt8(ascii: "r"): utf8.append(0x0D)
                case UInt8(ascii: "t"): utf8.append(0x09)
                case UInt8(ascii: "b"): utf8.append(0x08)
                case UInt8(ascii: "f"): utf8.append(0x0C)
                case UInt8(ascii: "u"):
                    guard index + 4 <= raw.endIndex, let code = UInt32(String(decoding: raw[index..<index + 4], as: UTF8.self), radix: 16),
                          let scalar = Unicode.Scalar(code) else { return nil }  // surrogate pairs: left to JSONDecoder
                    index += 4
                    flush()
                    scalars.append(scalar)
                default:
                    return nil
                }
            }
            flush()
            return String(scalars)
        }
    }
}
