import BrandStandards
import Foundation
import Labels
import Testing
#if canImport(FoundationXML)
import FoundationXML
#endif

struct VectorAndZPLTests {
    static let symbol = try! QRSymbol("https://example.com/01/09520123456788/10/ABC/21/1", level: .M)

    @Test func theSVGIsWellFormedXMLAtTrueSize() throws {
        let svg = SVGEncoder.qrSymbol(Self.symbol, moduleMM: 0.5)
        let parser = XMLParser(data: Data(svg.utf8))
        #expect(parser.parse(), "\(parser.parserError.map { "\($0)" } ?? "")")
        let side = Self.symbol.width + 8
        #expect(svg.contains("width=\"\(Double(side) / 2)mm\"".replacingOccurrences(of: ".0mm", with: "mm")))
        #expect(svg.contains("viewBox=\"0 0 \(side) \(side)\""))
    }

    @Test func zplGraphicsCountTheirBytes() throws {
        var bitmap = Bitmap(width: 13, height: 3)
        bitmap.fill(x: 0, y: 0, width: 1, height: 1)
        bitmap.fill(x: 12, y: 2, width: 1, height: 1)
        let zpl = ZPLEncoder.graphic(bitmap)
        #expect(zpl.hasPrefix("^XA") && zpl.hasSuffix("^XZ\n"))
        let field = try #require(zpl.components(separatedBy: "^GFA,").last?.components(separatedBy: "^FS").first)
        let parts = field.split(separator: ",")
        #expect(parts.count == 4)
        let (total, perRow, data) = (Int(parts[0])!, Int(parts[2])!, parts[3])
        #expect(total == Int(parts[1])! && perRow == 2 && total == perRow * 3)
        #expect(data.count == total * 2)
        // The first pixel prints (a set bit); the last row's 13th pixel too.
        #expect(data.hasPrefix("8000") && data.hasSuffix("0008"))
    }

    @Test func nativeQRCarriesItsPayloadAndLevel() {
        let zpl = ZPLEncoder.nativeQR("https://example.com/01/09520123456788", x: 20, y: 30, magnification: 4, level: "Q")
        #expect(zpl == "^XA\n^FO20,30^BQN,2,4^FDQA,https://example.com/01/09520123456788^FS\n^XZ\n")
    }
}
