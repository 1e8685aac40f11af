import BrandStandards
import DigitalLink
import Foundation
import Labels
import Measures
import Testing
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Whole labels drawn from the demo brands' published layouts: true size, pHYs, QR
/// modules of whole dots at or above the standard's minimum, scanned back by zbarimg.
struct LabelRendererTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func standard(_ id: String) -> BrandStandard {
        BrandLinter().lint(repository.appendingPathComponent("Brands/\(id)/brand.yaml")).standard!
    }

    /// Short sample text for every placeholder a demo layout uses.
    static let values: [String: String] = [
        "name": "泗洪大米 5公斤", "name.en": "Sihong rice 5 kg", "producer": "泗洪县金水稻米专业合作社", "origin": "江苏省宿迁市泗洪县",
        "lot": "L2026A", "net_content": "5kg", "grade": "一级", "outlet": "周圈花木小店",
    ]

    static func job(_ brand: String, size: String? = nil, dpi: Int = 300, format: LabelFormat = .png, colour: Bool = false,
                    values: [String: String] = values, netContentGrams: Decimal? = 5000) throws -> LabelJob {
        let standard = Self.standard(brand)
        let size = standard.labels.sizes.first { $0.id == (size ?? standard.labels.sizes[0].id) }!
        let mark = try Data(contentsOf: repository.appendingPathComponent("Assets").appendingPathComponent(standard.labels.brandMark))
        return LabelJob(layout: standard.labels.layout(size.id)!, size: size, rules: standard.labels, dpi: dpi, format: format,
                        colour: colour, values: values, netContentGrams: netContentGrams, markPNG: mark)
    }

    static func uri(_ brand: String, serial: String) throws -> String {
        try DigitalLinkURI(base: standard(brand).resolver, gtin: GTIN("06901234567014"), lot: "L2026A", serial: serial,
                           otherQuery: [(SerialSignature.parameter, "Ab3-x_9Q")]).description
    }

    @Test(arguments: ["sihong-4x", "yantai-apple", "shuyang-ovop"])
    func everyDemoSizeAndResolutionPrintsTrueSizeAndScans(brand: String) throws {
        let standard = Self.standard(brand)
        for size in standard.labels.sizes {
            for dpi in standard.labels.dpi where dpi <= 600 {
                let renderer = try LabelRenderer(job: Self.job(brand, size: size.id, dpi: dpi))
                let uri = try Self.uri(brand, serial: "123456")
                let png = try renderer.render(serial: "123456", uri: uri)
                let image = try PNGDecoder.decodeGrey(png)
                let mm = { (value: Decimal) in Int((NSDecimalNumber(decimal: value).doubleValue * Double(dpi) / 25.4).rounded()) }
                #expect(image.width == mm(size.widthMM) && image.height == mm(size.heightMM), "\(brand) \(size.id) \(dpi)")
                #expect(Self.pixelsPerMetre(png) == PNGEncoder.pixelsPerMetre(dpi))

                let placement = try renderer.qrPlacement(uri: uri)
                let moduleMM = Double(placement.moduleDots) * 25.4 / Double(dpi)
                #expect(moduleMM >= NSDecimalNumber(decimal: standard.labels.qr.minModuleMM).doubleValue - 1e-9)
                // The finder pattern's corner modules really are dark, a module from the edge light.
                #expect(image.pixels[placement.y * image.width + placement.x] == 0)
                #expect(image.pixels[(placement.y + placement.moduleDots) * image.width + placement.x + placement.moduleDots] == 255)
                if standard.labels.qr.minErrorCorrection == .M { #expect(placement.version <= 6) }
                #expect(try QRCodeTests.decode(png) == uri, "\(brand) \(size.id) \(dpi)")
            }
        }
    }

    @Test func renderingIsDeterministic() throws {
        let uri = try Self.uri("sihong-4x", serial: "42")
        for format in LabelFormat.allCases {
            let first = try LabelRenderer(job: Self.job("sihong-4x", format: format)).render(serial: "42", uri: uri)
            let second = try LabelRenderer(job: Self.job("sihong-4x", format: format)).render(serial: "42", uri: uri)
            #expect(first == second, "\(format)")
        }
    }

    @Test func colourLabelsAreRGBAndScan() throws {
        let uri = try Self.uri("yantai-apple", serial: "7")
        let png = try LabelRenderer(job: Self.job("yantai-apple", colour: true)).render(serial: "7", uri: uri)
        #expect(png[25] == 2)  // IHDR colour type: RGB
        #expect(try QRCodeTests.decode(png) == uri)
    }

    @Test func svgIsXMLAtTrueSizeWithItsText() throws {
        let svg = String(decoding: try LabelRenderer(job: Self.job("sihong-4x", format: .svg)).render(serial: "42", uri: Self.uri("sihong-4x", serial: "42")), as: UTF8.self)
        #expect(XMLParser(data: Data(svg.utf8)).parse())
        #expect(svg.contains("width=\"60mm\" height=\"40mm\" viewBox=\"0 0 60 40\""))
        #expect(svg.contains("序号 No. 42") && svg.contains("泗洪大米 5公斤"))
    }

    @Test func zplCountsItsGraphicBytesAndCanLetThePrinterDrawTheQR() throws {
        let uri = try Self.uri("sihong-4x", serial: "42")
        var job = try Self.job("sihong-4x", dpi: 203, format: .zpl)
        let zpl = String(decoding: try LabelRenderer(job: job).render(serial: "42", uri: uri), as: UTF8.self)
        #expect(zpl.hasPrefix("^XA") && zpl.hasSuffix("^XZ\n"))
        #expect(zpl.contains("^PW480\n^LL320\n"))
        let field = try #require(zpl.components(separatedBy: "^GFA,").last?.components(separatedBy: "^FS").first)
        let parts = field.split(separator: ",")
        #expect(Int(parts[0]) == 60 * 320 && Int(parts[2]) == 60 && parts[3].count == 2 * 60 * 320)
        job.nativeQR = true
        let native = String(decoding: try LabelRenderer(job: job).render(serial: "42", uri: uri), as: UTF8.self)
        #expect(native.contains("^BQN,2,4^FDMA,\(uri)^FS"))
    }

    @Test func textTooLongForItsBoxIsRefusedWithTheText() throws {
        var values = Self.values
        values["producer"] = String(repeating: "很长的合作社名称", count: 6)
        // Product text is the same on every label: it is refused before any label is drawn.
        let job = try Self.job("sihong-4x", values: values)
        do throws(LabelError) {
            _ = try LabelRenderer(job: job)
            Issue.record("a producer name three times too long was drawn")
        } catch {
            #expect(error.code == "label.text_does_not_fit")
            #expect(error.message.en.contains("很长的合作社名称") && error.message.zh.contains("仍放不下"))
        }
    }

    @Test func netContentBelowGB7718HeightIsRefused() throws {
        var job = try Self.job("sihong-4x")
        let index = job.layout.elements.firstIndex { $0.text == "{net_content}" }!
        job.layout.elements[index].sizeMM = 3
        #expect(throws: LabelError.textTooSmall(text: "{net_content}", sizeMM: 3, minimumMM: 6)) { try LabelRenderer(job: job) }
        job.netContentGrams = 150  // up to 200 g, 3 mm is enough
        _ = try LabelRenderer(job: job)
        #expect(NetContentHeight.minimumMM(grams: 50) == 2 && NetContentHeight.minimumMM(grams: 1000) == 4)
    }

    @Test func aMissingValueAndATooSmallQRBoxAreRefused() throws {
        var values = Self.values
        values["net_content"] = nil
        #expect(throws: LabelError.missingValue(placeholder: "net_content")) { try LabelRenderer(job: Self.job("sihong-4x", values: values)) }
        var job = try Self.job("sihong-4x")
        let index = job.layout.elements.firstIndex { $0.kind == .qr }!
        job.layout.elements[index].width = 12
        job.layout.elements[index].height = 12
        let renderer = try LabelRenderer(job: job)
        #expect(throws: LabelError.self) { try renderer.render(serial: "1", uri: Self.uri("sihong-4x", serial: "1")) }
    }

    /// The pHYs chunk's pixels per metre.
    static func pixelsPerMetre(_ png: [UInt8]) -> Int? {
        var offset = 8
        while offset + 8 <= png.count {
            let length = png[offset..<offset + 4].reduce(0) { $0 << 8 | Int($1) }
            if String(decoding: png[offset + 4..<offset + 8], as: UTF8.self) == "pHYs" {
                return png[offset + 8..<offset + 12].reduce(0) { $0 << 8 | Int($1) }
            }
            offset += 12 + length
        }
        return nil
    }
}
