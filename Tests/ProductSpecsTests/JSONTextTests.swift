import Foundation
import ProductSpecs
import Testing

/// Hand-written JSON strings must read back as the text they were made from, with
/// escapes exactly where JSON needs them, wherever those bytes fall in a word.
struct JSONTextTests {
    static let pieces = ["a", "Z", "0", " ", "\"", "\\", "\n", "\r", "\t", "\u{01}", "\u{1F}", "\u{7F}", "/", "米", "斤", "é", "😀", "~", "\u{20}"]

    @Test func quotedTextReadsBackAsItself() throws {
        var generator = SystemRandomNumberGenerator()
        for length in 0...40 {
            for _ in 0..<40 {
                let text = (0..<length).map { _ in Self.pieces.randomElement(using: &generator)! }.joined()
                let quoted = JSONText.quoted(text)
                let decoded = try JSONDecoder().decode(String.self, from: Data(quoted.utf8))
                #expect(decoded == text, "\(quoted)")
                var bytes: [UInt8] = []
                JSONText.appendString(text, to: &bytes)
                #expect(String(decoding: bytes, as: UTF8.self) == quoted)
                let needsEscape = text.utf8.contains { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C }
                #expect((quoted == "\"" + text + "\"") == !needsEscape, "\(quoted)")
            }
        }
    }
}
