/// GS1's 82-character set for alphanumeric values (lot, serial, CPV), and the
/// percent-encoding Digital Link URIs use for its reserved characters.
public enum GS1Characters {
    /// A-Z a-z 0-9 and ``!"%&'()*+,-./:;<=>?_``.
    public static func isAllowed(_ byte: UInt8) -> Bool {
        allowed[Int(byte)]
    }

    /// `isAllowed` by byte: every resolver lookup checks each byte of its lot and serial.
    private static let allowed: [Bool] = (0...255).map { (byte: Int) in
        let byte = UInt8(byte)
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"): return true
        default: return #"!"%&'()*+,-./:;<=>?_"#.utf8.contains(byte)
        }
    }

    /// `value` with ``! " % & ' ( ) * + , / : ; < = > ?`` percent-encoded; `- . _`
    /// and alphanumerics stay literal.
    public static func percentEncoded(_ value: String) -> String {
        var out = ""
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                out += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return out
    }

    /// Undoes percent-encoding.
    /// - Throws: `DigitalLinkError.badEscape` for `%` not followed by two hex digits.
    public static func percentDecoded(_ text: Substring) throws(DigitalLinkError) -> String {
        guard text.utf8.contains(UInt8(ascii: "%")) else { return String(text) }
        var bytes: [UInt8] = []
        var iterator = text.utf8.makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "%") else { bytes.append(byte); continue }
            guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else {
                throw .badEscape(String(text))
            }
            bytes.append(high << 4 | low)
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The value of one hexadecimal digit, either case.
    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
