import Crypto
import Foundation

/// The signature an issued label carries, so that a resolver holding the brand's key
/// can tell a serial it issued from a forged one: HMAC-SHA256 over GTIN, lot and
/// serial, cut to 48 bits and written as 8 base64url characters (short, so that the
/// QR code stays small). The URI carries it as the query parameter `s`.
public enum SerialSignature {
    /// The query parameter's name.
    public static let parameter = "s"
    /// Bytes of the MAC kept.
    static let length = 6

    /// A new random 256-bit key.
    public static func newKey() -> [UInt8] {
        SymmetricKey(size: .bits256).withUnsafeBytes { Array($0) }
    }

    /// The signature of one serialised item.
    public static func sign(key: [UInt8], gtin: GTIN, lot: String?, serial: String) -> String {
        let message = Array("01\(gtin.digits)|10\(lot ?? "")|21\(serial)".utf8)
        let mac = HMAC<SHA256>.authenticationCode(for: message, using: SymmetricKey(data: key))
        return Base64URL.encode(mac.prefix(length))
    }

    /// Whether `signature` is the one `key` gives, compared in constant time.
    public static func verify(_ signature: String, key: [UInt8], gtin: GTIN, lot: String?, serial: String) -> Bool {
        ConstantTime.equal(sign(key: key, gtin: gtin, lot: lot, serial: serial).utf8, signature.utf8)
    }
}

extension SerialSignature {
    /// The URI an issued label's QR code carries: the GTIN, lot and serial, signed.
    public static func signedURI(resolver: String, gtin: GTIN, lot: String, serial: String, key: [UInt8]) throws(DigitalLinkError) -> String {
        let signature = sign(key: key, gtin: gtin, lot: lot, serial: serial)
        return try DigitalLinkURI(base: resolver, gtin: gtin, lot: lot, serial: serial, otherQuery: [(parameter, signature)]).description
    }
}
