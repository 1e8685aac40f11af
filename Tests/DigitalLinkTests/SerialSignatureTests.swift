import DigitalLink
import Testing

struct SerialSignatureTests {
    let key = SerialSignature.newKey()
    let gtin = try! GTIN("06901234567014")

    @Test func aSignatureVerifiesOnlyForItsItemAndKey() {
        let signature = SerialSignature.sign(key: key, gtin: gtin, lot: "L1", serial: "17")
        #expect(signature.count == 8)
        #expect(signature.utf8.allSatisfy(GS1CharactersProbe.isURISafe))
        #expect(SerialSignature.verify(signature, key: key, gtin: gtin, lot: "L1", serial: "17"))
        #expect(!SerialSignature.verify(signature, key: key, gtin: gtin, lot: "L1", serial: "18"))
        #expect(!SerialSignature.verify(signature, key: key, gtin: gtin, lot: "L2", serial: "17"))
        #expect(!SerialSignature.verify(signature, key: SerialSignature.newKey(), gtin: gtin, lot: "L1", serial: "17"))
        #expect(SerialSignature.sign(key: key, gtin: gtin, lot: "L1", serial: "17") == signature)
    }

    @Test func keysAreRandom256BitSecrets() {
        #expect(key.count == 32)
        #expect(SerialSignature.newKey() != key)
    }

    @Test func aSignedURIFitsVersion6AtLevelM() throws {
        // 106 bytes is what QR version 6 holds at level M in byte mode.
        let uri = try DigitalLinkURI(base: "https://id.yantai-apple.example.cn/gi", gtin: gtin, lot: "A2026-1015", serial: "12345678",
                                     otherQuery: [(SerialSignature.parameter, SerialSignature.sign(key: key, gtin: gtin, lot: "A2026-1015", serial: "12345678"))])
        #expect(uri.description.utf8.count <= 106)
        #expect(try DigitalLinkURI(parsing: uri.description) == uri)
    }
}

/// base64url's alphabet stays literal in a URI.
enum GS1CharactersProbe {
    static func isURISafe(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == 0x2D || byte == 0x5F
    }
}
