import Crypto
import Foundation

/// SHA-256 as lowercase hexadecimal: label manifests, API key hashes, ETags.
public enum Digests {
    /// The SHA-256 of `data`, its first `bytes` bytes (all 32 by default) in hexadecimal.
    public static func sha256Hex(_ data: some DataProtocol, bytes: Int = 32) -> String {
        let hex = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        text.reserveCapacity(bytes * 2)
        for byte in SHA256.hash(data: data).prefix(bytes) {
            text.append(hex[Int(byte >> 4)])
            text.append(hex[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
