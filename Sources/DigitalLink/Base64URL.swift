import Foundation

/// base64url without padding (RFC 4648 §5): the one encoding of the short tokens the
/// service hands out and reads back (serial signatures, API keys, catalog cursors).
public enum Base64URL {
    public static func encode(_ bytes: some Sequence<UInt8>) -> String {
        // Mapped byte by byte: the resolver signs every lookup, and three passes of
        // Foundation's replacingOccurrences showed in its profile.
        var out: [UInt8] = []
        for byte in Data(bytes).base64EncodedData() {
            switch byte {
            case UInt8(ascii: "+"): out.append(UInt8(ascii: "-"))
            case UInt8(ascii: "/"): out.append(UInt8(ascii: "_"))
            case UInt8(ascii: "="): continue
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The bytes, or `nil` for text that is not base64url.
    public static func decode(_ text: String) -> [UInt8]? {
        guard !text.contains(where: { $0 == "+" || $0 == "/" || $0 == "=" }) else { return nil }
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        return Data(base64Encoded: base64).map(Array.init)
    }
}

/// Comparing secrets so that the time taken says nothing about where they differ.
public enum ConstantTime {
    /// Whether `a` and `b` hold the same bytes; only their lengths show in the timing.
    public static func equal(_ a: some Collection<UInt8>, _ b: some Collection<UInt8>) -> Bool {
        guard a.count == b.count else { return false }
        return zip(a, b).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
