import BrandStandards
import Foundation
import Labels
import Testing

/// PDF labels read by poppler (`pdfinfo`, `pdffonts`, `pdftoppm`) and zbarimg: true
/// size, fonts embedded, QR modules where the raster puts them, the same bytes every time.
struct PDFLabelTests {
    static func job(size: String = "60x40") throws -> LabelJob {
        var job = try LabelRendererTests.job("sihong-4x", size: size, format: .pdf)
        job.createdAt = "2026-12-01T08:00:00Z"
        return job
    }

    /// Runs a poppler tool and returns what it printed.
    static func run(_ tool: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/\(tool)")
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: output, as: UTF8.self)
    }

    static func temporaryFile(_ bytes: [UInt8], _ suffix: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("terroir-pdf-\(UUID().uuidString).\(suffix)")
        try Data(bytes).write(to: url)
        return url
    }

    /// The first page of `pdf` rendered in grey at `dpi`, as a bitmap.
    static func raster(_ pdf: URL, dpi: Int) throws -> Bitmap {
        let stem = pdf.deletingPathExtension().path + "-raster"
        _ = try run("pdftoppm", ["-r", String(dpi), "-gray", "-singlefile", pdf.path, stem])
        let data = try [UInt8](Data(contentsOf: URL(fileURLWithPath: stem + ".pgm")))
        try? FileManager.default.removeItem(atPath: stem + ".pgm")
        // P5, width, height, 255, then one byte a pixel.
        var fields: [Int] = [], index = 2, number = ""
        while fields.count < 3 {
            let character = Character(UnicodeScalar(data[index]))
            if character.isNumber { number.append(character) } else if !number.isEmpty { fields.append(Int(number)!); number = "" }
            index += 1
        }
        var bitmap = Bitmap(width: fields[0], height: fields[1])
        bitmap.pixels = Array(data[(data.count - fields[0] * fields[1])...])
        return bitmap
    }

    @Test func aLabelIsOnePageAtTrueSizeWithItsFontsEmbeddedAndScans() throws {
        let renderer = try LabelRenderer(job: Self.job())
        let uri = try LabelRendererTests.uri("sihong-4x", serial: "123456")
        let pdf = try renderer.render(serial: "123456", uri: uri)
        #expect(pdf.starts(with: Array("%PDF-".utf8)))
        #expect(try LabelRenderer(job: Self.job()).render(serial: "123456", uri: uri) == pdf, "the same job and serial give the same bytes")
        let file = try Self.temporaryFile(pdf, "pdf")
        defer { try? FileManager.default.removeItem(at: file) }
        let info = try Self.run("pdfinfo", [file.path])
        #expect(info.contains("Pages:           1"))
        #expect(info.contains("Page size:       170.079 x 113.386 pts"), "60 × 40 mm is 170.079 × 113.386 points")
        let fonts = try Self.run("pdffonts", [file.path]).split(separator: "\n").dropFirst(2)
        #expect(!fonts.isEmpty)
        for font in fonts { #expect(font.split(separator: " ").reversed()[4] == "yes", "not embedded: \(font)") }

        // At 600 dpi a 300-dpi job's 5-dot modules are 10 pixels: the finder pattern's
        // corner module is dark where the raster puts it, the one inside it light.
        let page = try Self.raster(file, dpi: 600)
        let placement = try renderer.qrPlacement(uri: uri)
        let x = placement.x * 2, y = placement.y * 2, module = placement.moduleDots * 2
        #expect(page.pixels[(y + 2) * page.width + x + 2] < 64)
        #expect(page.pixels[(y + module + 2) * page.width + x + module + 2] > 192)
        #expect(page.pixels[(y - 3) * page.width + x - 3] > 192, "the quiet zone is light")
        let png = try Self.temporaryFile(PNGEncoder().encode(page, dotsPerInch: 600), "png")
        defer { try? FileManager.default.removeItem(at: png) }
        #expect(try QRCodeTests.decode(Array(Data(contentsOf: png))) == uri)
    }

    @Test func sheetsPlaceLabelsAcrossThenDownFromTheStartPosition() throws {
        let sheet = try #require(SheetLayout.named("a4-3x8-70x37"))
        let placement = SheetPlacement(sheet: sheet, startAt: 5, offsetXMM: 0.5, offsetYMM: -0.3)
        let first = placement.place(0)
        #expect(first.page == 0 && abs(first.x - 70.5) < 1e-9 && abs(first.y - (0.5 + 37 - 0.3)) < 1e-9)
        let last = placement.place(19)
        #expect(last.page == 0 && abs(last.x - 140.5) < 1e-9 && abs(last.y - (0.5 + 7 * 37 - 0.3)) < 1e-9)
        let next = placement.place(20)
        #expect(next.page == 1 && abs(next.x - 0.5) < 1e-9 && abs(next.y - 0.2) < 1e-9)
    }

    /// The shipped sheets are data: each id says its page, columns × rows and label
    /// size, and every label lies on the page without overlapping the next.
    @Test func everyShippedSheetIsWhatItsIdSaysAndFitsItsPage() {
        #expect(Set(SheetLayout.shipped.map(\.id)).count == SheetLayout.shipped.count)
        for sheet in SheetLayout.shipped {
            let parts = sheet.id.split(separator: "-")
            let page = parts[0] == "a4" ? (210.0, 297.0) : (148.0, 210.0)
            #expect(sheet.pageWidthMM == page.0 && sheet.pageHeightMM == page.1, "\(sheet.id)")
            #expect(parts[1] == "\(sheet.columns)x\(sheet.rows)", "\(sheet.id)")
            let size = parts[2].split(separator: "x").compactMap { Double($0) }
            #expect(size == [sheet.labelWidthMM, sheet.labelHeightMM], "\(sheet.id)")
            #expect(sheet.pitchXMM >= sheet.labelWidthMM && sheet.pitchYMM >= sheet.labelHeightMM, "\(sheet.id) overlaps")
            let last = sheet.origin(ofPosition: sheet.perSheet)
            #expect(sheet.leftMM >= 0 && sheet.topMM >= 0, "\(sheet.id)")
            #expect(last.x + sheet.labelWidthMM <= sheet.pageWidthMM + 1e-9 && last.y + sheet.labelHeightMM <= sheet.pageHeightMM + 1e-9, "\(sheet.id) leaves its page")
        }
    }

    @Test func aBatchOnSheetsHasAPageASheetAndCropMarksOnlyWhereThereIsMargin() throws {
        var job = try Self.job()
        job.sheet = SheetPlacement(sheet: try #require(SheetLayout.named("a4-3x7-60x40")), startAt: 20, cropMarks: true)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("terroir-sheets-\(UUID().uuidString).pdf")
        defer { try? FileManager.default.removeItem(at: file) }
        let batch = try PDFLabelBatch(path: file.path, renderer: LabelRenderer(job: job), title: "test")
        for serial in 1...5 { try batch.add(serial: String(serial), uri: LabelRendererTests.uri("sihong-4x", serial: String(serial))) }
        try batch.finish()
        // Positions 20 and 21 on the first sheet, 1 to 3 on the second.
        #expect(try Self.run("pdfinfo", [file.path]).contains("Pages:           2"))
        let page = try Self.raster(file, dpi: 150)
        let dots = 150 / 25.4
        // A crop mark in the top margin above the first column's left edge (10 mm in, 1 mm clear of the label).
        #expect(page.pixels[Int(6 * dots) * page.width + Int(10 * dots)] < 160, "no crop mark above the first column")
        #expect(page.pixels[Int(6 * dots) * page.width + Int(40 * dots)] > 250, "a crop mark where there is no edge")
    }
}
