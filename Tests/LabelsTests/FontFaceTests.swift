import Labels
import Testing

/// Text through FreeType with the CJK font Tools/setup installs (fonts-wqy-microhei).
struct FontFaceTests {
    @Test func drawsChineseAndLatinText() throws {
        let font = try FontFace()
        var bitmap = Bitmap(width: 400, height: 60)
        let text = "泗洪大米 Sihong rice 5公斤"
        font.draw(text, into: &bitmap, x: 10, baseline: 40, pixelHeight: 32)
        let dark = bitmap.pixels.filter { $0 < 128 }.count
        #expect(dark > 500, "only \(dark) dark pixels")
        // Ink stays between the left edge and the measured width.
        let width = font.width(of: text, pixelHeight: 32)
        #expect(width > 200 && width < 390)
        for row in 0..<bitmap.height {
            for column in (10 + width + 2)..<bitmap.width { #expect(bitmap.pixels[row * bitmap.width + column] == 255) }
        }
    }

    @Test func chineseGlyphsAreWiderThanLatinOnes() throws {
        let font = try FontFace()
        #expect(font.width(of: "米米米米", pixelHeight: 24) > font.width(of: "iiii", pixelHeight: 24))
        #expect(font.width(of: "Rice", pixelHeight: 48) > font.width(of: "Rice", pixelHeight: 24))
    }

    @Test func aMissingFontIsAClearError() {
        #expect(throws: LabelError.self) { try FontFace(path: "/nonexistent/font.ttf") }
    }
}
