import BrandStandards
import DigitalLink
import Foundation
import Labels
import Testing

/// QR symbols rendered to PNG and read back by an independent decoder (zbarimg,
/// which Tools/setup installs).
struct QRCodeTests {
    static func decode(_ png: [UInt8]) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("terroir-qr-\(UUID().uuidString).png")
        try Data(png).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/zbarimg")
        process.arguments = ["--raw", "--quiet", "-Sbinary", url.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: output, as: UTF8.self).trimmingCharacters(in: .newlines)
    }

    static func render(_ payload: String, level: ErrorCorrectionLevel = .M, dots: Int = 5) throws -> (symbol: QRSymbol, png: [UInt8], bitmap: Bitmap) {
        let symbol = try QRSymbol(payload, level: level)
        let side = (symbol.width + 8) * dots
        var bitmap = Bitmap(width: side, height: side)
        bitmap.draw(symbol, x: 0, y: 0, dots: dots, quietZone: 4)
        return (symbol, PNGEncoder().encode(bitmap, dotsPerInch: 300), bitmap)
    }

    @Test func aDigitalLinkURIScansBack() throws {
        let uri = try DigitalLinkURI(parsing: "https://id.sihong.example.cn/01/06901234567014/10/L2026-11/21/A7K2Q9?17=271130")
        let (symbol, png, _) = try Self.render(uri.description)
        #expect(symbol.version <= 6)
        #expect(try Self.decode(png) == uri.description)
    }

    @Test func chineseTextScansBackThanksToECI() throws {
        let text = "泗洪大米 南粳9108 净含量5公斤"
        let (_, png, _) = try Self.render(text, level: .Q)
        #expect(try Self.decode(png) == text)
    }

    @Test func thePNGCarriesItsPrintSize() throws {
        let (symbol, png, bitmap) = try Self.render("https://example.com/01/09520123456788", dots: 4)
        #expect(Array(png.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        // IHDR: width, height, bit depth 1, grey.
        let width = png[16..<20].reduce(0) { $0 << 8 | Int($1) }
        #expect(width == (symbol.width + 8) * 4 && width == bitmap.width)
        #expect(png[24] == 1 && png[25] == 0)
        // pHYs: 11811 pixels per metre each way (300 dpi), unit metre.
        let phys = try #require(Self.find(Array("pHYs".utf8), in: png))
        let perMetre = png[(phys + 4)..<(phys + 8)].reduce(0) { $0 << 8 | Int($1) }
        #expect(perMetre == 11811 && png[phys + 8] == 1)
    }

    @Test func aPayloadTooLongForAnyVersionIsRefused() {
        #expect(throws: LabelError.self) { try QRSymbol(String(repeating: "x", count: 8000), level: .H) }
    }

    static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        return (0...(haystack.count - needle.count)).first { Array(haystack[$0..<($0 + needle.count)]) == needle }.map { $0 + needle.count }
    }
}
