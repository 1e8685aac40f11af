import Foundation
import Labels
import Testing

struct PNGDecoderTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func ourOwnPNGsReadBack() throws {
        var bitmap = Bitmap(width: 37, height: 11)
        bitmap.fill(x: 3, y: 2, width: 20, height: 5)
        for depth in [PNGEncoder.Depth.oneBit, .grey] {
            let decoded = try PNGDecoder.decodeGrey(PNGEncoder().encode(bitmap, depth: depth, dotsPerInch: 203))
            #expect(decoded == bitmap)
        }
    }

    /// Every row differs from the one above, so the Up filter's subtraction (and its
    /// wrap-around) is read back by libpng, an independent decoder, byte for byte.
    @Test func noisyImagesReadBackInEveryDepth() throws {
        var generator = SystemRandomNumberGenerator()
        var bitmap = Bitmap(width: 203, height: 97)
        for index in bitmap.pixels.indices { bitmap.pixels[index] = Bool.random(using: &generator) ? 0 : 255 }
        let encoder = PNGEncoder(compressionLevel: 1)
        #expect(try PNGDecoder.decodeGrey(encoder.encode(bitmap, depth: .oneBit, dotsPerInch: 300)) == bitmap)
        for index in bitmap.pixels.indices { bitmap.pixels[index] = UInt8.random(in: 0...255, using: &generator) }
        #expect(try PNGDecoder.decodeGrey(encoder.encode(bitmap, depth: .grey, dotsPerInch: 300)) == bitmap)
        // Grey as RGB: three equal channels read back as that grey.
        let rgb = bitmap.pixels.flatMap { [$0, $0, $0] }
        #expect(try PNGDecoder.decodeGrey(encoder.encodeRGB(rgb, width: 203, height: 97, dotsPerInch: 300)) == bitmap)
    }

    @Test func aBrandMarkDrawsScaledIntoALabel() throws {
        let mark = try PNGDecoder.decodeGrey(Array(try Data(contentsOf: Self.repository.appendingPathComponent("Assets/sihong-4x/mark.png"))))
        #expect(mark.width == 480 && mark.height == 480)
        var label = Bitmap(width: 200, height: 120)
        label.draw(mark, x: 10, y: 10, width: 100, height: 100)
        #expect(label.pixels.contains { $0 < 200 }, "the mark left no ink")
        // Nothing is drawn outside its rectangle.
        #expect((0..<120).allSatisfy { row in (111..<200).allSatisfy { label.pixels[row * 200 + $0] == 255 } })
    }

    @Test func aFileThatIsNotAPNGIsRefused() {
        #expect(throws: LabelError.self) { try PNGDecoder.decodeGrey(Array("not a png".utf8)) }
    }
}
