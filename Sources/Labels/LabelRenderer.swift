import BrandStandards
import Foundation

/// Draws one product's labels from a `LabelJob`. Everything that is the same on every
/// label (frame, mark, product text) is drawn once, into a template; each label then
/// costs a copy of the template, its QR code and its per-label text. Rendering is
/// deterministic: the same job, serial and URI give the same bytes.
///
/// A renderer owns a FreeType face and a PNG encoder, so it belongs to one thread: make one per worker.
public final class LabelRenderer {
    public let job: LabelJob
    private let font: FontFace
    private let png = PNGEncoder()
    private let width: Int, height: Int
    private let texts: [LabelText]
    private let qrBox: (x: Int, y: Int, side: Int)
    private let moduleDots: ClosedRange<Int>
    /// The template, one grey layer per ink; the first is the text colour.
    private var layers: [(ink: RGB, bitmap: Bitmap)] = []
    /// The template of a black-and-white label, packed.
    private var packedTemplate: PackedBitmap?
    private var svgTemplate = ""
    /// The template of a PDF label, recorded by cairo.
    private var pdfTemplate: PDFTemplate?

    /// Prepares the job: loads the font and the mark, fits the product's text and
    /// draws the template. Every problem a label could have, short of its URI, shows
    /// here, before any serial is spent.
    /// - Throws: `LabelError` saying what does not fit or is missing.
    public init(job: LabelJob) throws(LabelError) {
        self.job = job
        font = try FontFace(path: job.fontPath)
        (width, height) = job.pixelSize
        var texts: [LabelText] = []
        var qr: LabelElement?
        for element in job.layout.elements {
            switch element.kind {
            case .text: texts.append(try LabelText(element, job: job))
            case .qr: qr = element
            default: break
            }
        }
        guard let qr else { throw .noQRElement }
        self.texts = texts
        let side = min(Millimetres.dots(qr.width, dpi: job.dpi), Millimetres.dots(qr.height, dpi: job.dpi))
        qrBox = (Millimetres.dots(qr.x, dpi: job.dpi), Millimetres.dots(qr.y, dpi: job.dpi), side)
        let rules = job.rules.qr
        guard let smallest = rules.module(atDPI: job.dpi) else {
            throw .qrDoesNotFit(version: 1, boxMM: Millimetres.fromDots(side, dpi: job.dpi), moduleMM: NSDecimalNumber(decimal: rules.minModuleMM).doubleValue)
        }
        let largest = rules.maxModuleMM.map { Int((NSDecimalNumber(decimal: $0).doubleValue * Double(job.dpi) / 25.4).rounded(.down)) } ?? 64
        moduleDots = smallest.dots...max(smallest.dots, largest)
        try drawTemplate()
    }

    /// The label for one serial, in the job's format.
    /// - Throws: `LabelError` when the URI does not fit the QR box or the serial does not fit its text.
    public func render(serial: String, uri: String) throws(LabelError) -> [UInt8] {
        let symbol = try QRSymbol(uri, level: job.rules.qr.minErrorCorrection)
        let module = try moduleSize(for: symbol)
        switch job.format {
        case .png where job.colour:
            var layers = self.layers
            try drawPerLabelText(serial: serial) { grey, x, y in layers[0].bitmap.darken(with: grey, x: x, y: y) }
            let origin = qrOrigin(symbol, module)
            layers[0].bitmap.draw(symbol, x: origin.x, y: origin.y, dots: module, quietZone: job.rules.qr.quietZoneModules)
            return png.encodeRGB(Self.compose(layers, width: width, height: height), width: width, height: height, dotsPerInch: job.dpi)
        case .png:
            return png.encode(try packedLabel(serial: serial, symbol: symbol, module: module, drawQR: true), dotsPerInch: job.dpi)
        case .zpl:
            let packed = try packedLabel(serial: serial, symbol: symbol, module: module, drawQR: !job.nativeQR)
            // The printer draws the symbol without its quiet zone, which the template keeps white.
            let origin = qrOrigin(symbol, module), quiet = job.rules.qr.quietZoneModules * module
            let native = job.nativeQR ? ZPLEncoder.NativeQR(payload: uri, x: origin.x + quiet, y: origin.y + quiet,
                                                             magnification: module, level: job.rules.qr.minErrorCorrection.rawValue) : nil
            return Array(ZPLEncoder.label(packed, nativeQR: native).utf8)
        case .svg:
            return Array(try svgLabel(serial: serial, symbol: symbol).utf8)
        case .pdf:
            return try pdfLabel(serial: serial, symbol: symbol)
        }
    }

    /// Where the QR code for `uri` goes: its version, dots a module, and the top-left
    /// corner of its first module (inside the quiet zone), in dots.
    public func qrPlacement(uri: String) throws(LabelError) -> (version: Int, moduleDots: Int, x: Int, y: Int) {
        let symbol = try QRSymbol(uri, level: job.rules.qr.minErrorCorrection)
        let module = try moduleSize(for: symbol)
        let origin = qrOrigin(symbol, module), quiet = job.rules.qr.quietZoneModules * module
        return (symbol.version, module, origin.x + quiet, origin.y + quiet)
    }

    // MARK: Raster

    private func packedLabel(serial: String, symbol: QRSymbol, module: Int, drawQR: Bool) throws(LabelError) -> PackedBitmap {
        var packed = packedTemplate!
        try drawPerLabelText(serial: serial) { grey, x, y in packed.drawBlack(grey, x: x, y: y) }
        if drawQR {
            let origin = qrOrigin(symbol, module)
            packed.draw(symbol, x: origin.x, y: origin.y, dots: module, quietZone: job.rules.qr.quietZoneModules)
        }
        return packed
    }

    /// Draws the text that changes from label to label (the lines holding the serial).
    private func drawPerLabelText(serial: String, _ draw: (Bitmap, Int, Int) -> Void) throws(LabelError) {
        for placed in texts where placed.isPerLabel {
            let (grey, x) = try typeset(placed, serial: serial)
            draw(grey, x, placed.y)
        }
    }

    /// The largest whole-dot module within the standard's bounds that fits the box.
    private func moduleSize(for symbol: QRSymbol) throws(LabelError) -> Int {
        let modules = symbol.width + 2 * job.rules.qr.quietZoneModules
        let fitting = min(moduleDots.upperBound, qrBox.side / modules)
        guard fitting >= moduleDots.lowerBound else {
            throw .qrDoesNotFit(version: symbol.version, boxMM: Millimetres.fromDots(qrBox.side, dpi: job.dpi),
                                moduleMM: Millimetres.fromDots(moduleDots.lowerBound, dpi: job.dpi))
        }
        return fitting
    }

    /// The top-left corner of the symbol's quiet zone, centred in the QR box.
    private func qrOrigin(_ symbol: QRSymbol, _ module: Int) -> (x: Int, y: Int) {
        let side = (symbol.width + 2 * job.rules.qr.quietZoneModules) * module
        return (qrBox.x + (qrBox.side - side) / 2, qrBox.y + (qrBox.side - side) / 2)
    }

    /// A line of text drawn into a grey image the size of its box, and the box's x.
    private func typeset(_ placed: LabelText, serial: String?) throws(LabelError) -> (Bitmap, Int) {
        let text = try placed.text(job.values, serial: serial)
        let dots = try placed.fittedHeight(of: text, font: font)
        var grey = Bitmap(width: placed.width, height: placed.height)
        let textWidth = font.width(of: text, pixelHeight: dots)
        let left = switch placed.element.align ?? .left {
        case .left: 0
        case .centre: (placed.width - textWidth) / 2
        case .right: placed.width - textWidth
        }
        font.draw(text, into: &grey, x: left, baseline: Self.baseline(boxHeight: placed.height, textHeight: dots), pixelHeight: dots)
        return (grey, placed.x)
    }

    /// Where the baseline goes so that a line of `textHeight` sits in the middle of its box.
    static func baseline(boxHeight: Int, textHeight: Int) -> Int {
        (boxHeight - textHeight) / 2 + Int((Double(textHeight) * 0.86).rounded())
    }

    private func drawTemplate() throws(LabelError) {
        let colours = job.rules.colours
        func ink(_ name: String?) -> Int {
            guard job.colour, let name, name != "text" else { return 0 }
            let value = RGB(hex: colours[name] ?? "") ?? RGB.black
            if let index = layers.firstIndex(where: { $0.ink == value }) { return index }
            layers.append((value, Bitmap(width: width, height: height)))
            return layers.count - 1
        }
        layers = [(RGB(hex: colours["text"] ?? "") ?? .black, Bitmap(width: width, height: height))]
        let mark = try job.markPNG.map { bytes throws(LabelError) in try PNGDecoder.decodeGrey(Array(bytes)) }
        var texts = self.texts.makeIterator()
        for element in job.layout.elements {
            let x = Millimetres.dots(element.x, dpi: job.dpi), y = Millimetres.dots(element.y, dpi: job.dpi)
            let w = Millimetres.dots(element.width, dpi: job.dpi), h = Millimetres.dots(element.height, dpi: job.dpi)
            let layer = ink(element.colour)
            switch element.kind {
            case .frame:
                let line = max(1, Millimetres.dots(element.lineMM ?? 0.3, dpi: job.dpi))
                layers[layer].bitmap.fill(x: x, y: y, width: w, height: line)
                layers[layer].bitmap.fill(x: x, y: y + h - line, width: w, height: line)
                layers[layer].bitmap.fill(x: x, y: y, width: line, height: h)
                layers[layer].bitmap.fill(x: x + w - line, y: y, width: line, height: h)
            case .rule:
                layers[layer].bitmap.fill(x: x, y: y, width: w, height: max(1, h))
            case .mark:
                guard let mark else { continue }
                // Scaled to fit its box, keeping its proportions, centred.
                let scale = min(Double(w) / Double(mark.width), Double(h) / Double(mark.height))
                let drawnWidth = Int(Double(mark.width) * scale), drawnHeight = Int(Double(mark.height) * scale)
                layers[ink(element.colour ?? "primary")].bitmap.draw(mark, x: x + (w - drawnWidth) / 2, y: y + (h - drawnHeight) / 2,
                                                                      width: drawnWidth, height: drawnHeight)
            case .text:
                guard let placed = texts.next() else { continue }
                if placed.isPerLabel { continue }
                let (grey, left) = try typeset(placed, serial: nil)
                layers[layer].bitmap.darken(with: grey, x: left, y: placed.y)
            case .qr:
                continue
            }
        }
        if !job.colour { packedTemplate = PackedBitmap(layers[0].bitmap) }
        switch job.format {
        case .svg:
            var svg = SVGLabel(widthMM: job.size.widthMM, heightMM: job.size.heightMM, colours: colours)
            try drawVectorTemplate(&svg)
            svgTemplate = svg.document
        case .pdf:
            pdfTemplate = try PDFTemplate(job: job) { canvas throws(LabelError) in try drawVectorTemplate(&canvas) }
        case .png, .zpl:
            break
        }
    }

    // MARK: Vector

    /// Draws what is the same on every label: everything but the QR code and the lines holding the serial.
    private func drawVectorTemplate(_ canvas: inout some VectorLabelCanvas) throws(LabelError) {
        var texts = self.texts.makeIterator()
        for element in job.layout.elements {
            switch element.kind {
            case .frame: canvas.frame(element)
            case .rule: canvas.rule(element)
            case .mark: if let png = job.markPNG { canvas.mark(element, png: Array(png)) }
            case .text:
                guard let placed = texts.next(), !placed.isPerLabel else { continue }
                try canvas.text(placed, text: placed.text(job.values, serial: nil), heightMM: vectorHeight(placed, serial: nil))
            case .qr: continue
            }
        }
    }

    /// Draws what changes from label to label: the lines holding the serial, and the QR code.
    private func drawVectorPerLabel(_ canvas: inout some VectorLabelCanvas, serial: String, symbol: QRSymbol) throws(LabelError) {
        for placed in texts where placed.isPerLabel {
            try canvas.text(placed, text: placed.text(job.values, serial: serial), heightMM: vectorHeight(placed, serial: serial))
        }
        let module = try moduleSize(for: symbol)
        let origin = qrOrigin(symbol, module)
        canvas.qr(symbol, x: Millimetres.fromDots(origin.x, dpi: job.dpi), y: Millimetres.fromDots(origin.y, dpi: job.dpi),
                  moduleMM: Millimetres.fromDots(module, dpi: job.dpi), quietZone: job.rules.qr.quietZoneModules)
    }

    /// A line's height as vectors: the raster's shrink-to-fit height in dots, in mm,
    /// so that every format breaks a line at the same size.
    private func vectorHeight(_ placed: LabelText, serial: String?) throws(LabelError) -> Double {
        Millimetres.fromDots(try placed.fittedHeight(of: placed.text(job.values, serial: serial), font: font), dpi: job.dpi)
    }

    private func svgLabel(serial: String, symbol: QRSymbol) throws(LabelError) -> String {
        var svg = SVGLabel(continuing: svgTemplate, colours: job.rules.colours)
        try drawVectorPerLabel(&svg, serial: serial, symbol: symbol)
        return svg.finished
    }

    /// Draws the label for `serial` on the document's current page with its top-left
    /// corner at (`x`, `y`) mm: the template recorded once, then the QR code and the
    /// serial's lines.
    /// - Throws: `LabelError` when the URI does not fit the QR box or the serial does not fit its text.
    public func drawPDF(serial: String, uri: String, on document: PDFDocument, x: Double, y: Double) throws(LabelError) {
        try drawPDF(serial: serial, symbol: QRSymbol(uri, level: job.rules.qr.minErrorCorrection), on: document, x: x, y: y)
    }

    private func drawPDF(serial: String, symbol: QRSymbol, on document: PDFDocument, x: Double, y: Double) throws(LabelError) {
        guard let template = pdfTemplate else { throw .pdf("the job is not a PDF job") }
        var canvas = template.paint(on: document, x: x, y: y)
        defer { template.finishPainting(on: document) }
        try drawVectorPerLabel(&canvas, serial: serial, symbol: symbol)
    }

    /// One label as a one-page PDF at true size.
    private func pdfLabel(serial: String, symbol: QRSymbol) throws(LabelError) -> [UInt8] {
        let document = try PDFDocument(fontPath: job.fontPath, title: serial, creationDate: job.createdAt ?? PDFDocument.fixedDate)
        let (width, height) = job.sizeMM
        document.beginPage(widthMM: width, heightMM: height)
        try drawPDF(serial: serial, symbol: symbol, on: document, x: 0, y: 0)
        return try document.finish()
    }

    // MARK: Colour

    /// White paper with each layer's ink laid on by its coverage.
    static func compose(_ layers: [(ink: RGB, bitmap: Bitmap)], width: Int, height: Int) -> [UInt8] {
        var pixels = [UInt8](repeating: 255, count: width * height * 3)
        pixels.withUnsafeMutableBufferPointer { out in
            for (ink, bitmap) in layers {
                let red = Int(ink.red), green = Int(ink.green), blue = Int(ink.blue)
                bitmap.pixels.withUnsafeBufferPointer { grey in
                    for index in 0..<(width * height) where grey[index] < 255 {
                        let cover = 255 - Int(grey[index]), keep = Int(grey[index]), at = index * 3
                        out[at] = UInt8((Int(out[at]) * keep + red * cover) / 255)
                        out[at + 1] = UInt8((Int(out[at + 1]) * keep + green * cover) / 255)
                        out[at + 2] = UInt8((Int(out[at + 2]) * keep + blue * cover) / 255)
                    }
                }
            }
        }
        return pixels
    }
}

/// An 8-bit colour.
struct RGB: Equatable {
    let red: UInt8, green: UInt8, blue: UInt8

    static let black = RGB(red: 0, green: 0, blue: 0)

    init(red: UInt8, green: UInt8, blue: UInt8) {
        self.red = red
        self.green = green
        self.blue = blue
    }

    /// `#RRGGBB`.
    init?(hex: String) {
        guard hex.count == 7, hex.first == "#", let value = UInt32(hex.dropFirst(), radix: 16) else { return nil }
        self.init(red: UInt8(value >> 16), green: UInt8((value >> 8) & 0xFF), blue: UInt8(value & 0xFF))
    }
}
