import Foundation
import Labels
import Testing

struct PNGDecoderTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func ourOwnPNGsReadBack() throws {
        var bitmap = Bitmap(width: 37, height: 11)
        bitmap.fill(x: 3, y: 2, width: 20, height: 5)
        for depth in [PNGEncoder.Depth.oneBit, .grey] {
            let decoded = try PNGDecoder.decodeGrey(try PNGEncoder.encode(bitmap, depth: depth, dotsPerInch: 203))
            #expect(decoded == bitmap)
        }
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
