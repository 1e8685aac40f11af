import BrandStandards
import DigitalLink
import Foundation
import Measures
import ProductSpecs

/// Turns a producer's request into a `LabelJob` from the published standard: the
/// size and its layout, the resolution, the product's text, the brand mark.
public struct LabelJobBuilder: Sendable {
    public let standard: BrandStandard
    /// The folder of brand marks.
    public let assets: String
    public let font: String

    public init(standard: BrandStandard, assets: String, font: String = FontFace.defaultPath) {
        self.standard = standard
        self.assets = assets
        self.font = font
    }

    /// The job for a product's labels.
    /// - Throws: `LabelError` for a size, layout, resolution or mark that cannot be used.
    public func job(product: Product, producer: Producer, lot: String, size sizeID: String?, dpi requested: Int?, format: LabelFormat,
                    colour: Bool = false, nativeQR: Bool = false, sheet sheetRequest: SheetRequest? = nil,
                    now: Date = Date()) throws(LabelError) -> LabelJob {
        let rules = standard.labels
        let sheet = try sheetRequest.map { request throws(LabelError) in try placement(request, format: format) }
        let size: LabelSize
        if let sheet, sizeID == nil {
            guard let fitting = rules.sizes.first(where: { sheet.sheet.fits(widthMM: Millimetres.value($0.widthMM), heightMM: Millimetres.value($0.heightMM)) }) else {
                throw .sheetFitsNoSize(sheet: sheet.sheet.id, sheetMM: Self.dimensions(sheet.sheet.labelWidthMM, sheet.sheet.labelHeightMM),
                                       known: rules.sizes.map(\.id))
            }
            size = fitting
        } else {
            guard let named = sizeID.map({ id in rules.sizes.first { $0.id == id } }) ?? rules.sizes.first else {
                throw .sizeUnknown(brand: standard.id, size: sizeID ?? "", known: rules.sizes.map(\.id))
            }
            size = named
        }
        if let sheet, !sheet.sheet.fits(widthMM: Millimetres.value(size.widthMM), heightMM: Millimetres.value(size.heightMM)) {
            throw .sheetSizeMismatch(sheet: sheet.sheet.id, sheetMM: Self.dimensions(sheet.sheet.labelWidthMM, sheet.sheet.labelHeightMM),
                                     size: size.id, sizeMM: Self.dimensions(Millimetres.value(size.widthMM), Millimetres.value(size.heightMM)))
        }
        if let category = standard.category(product.category), !category.carriesLabels { throw .categoryWithoutLabels(category: category.id) }
        guard let layout = rules.layout(size.id, category: product.category) else { throw .layoutMissing(brand: standard.id, size: size.id) }
        let allowed = rules.dpi.filter { $0 >= rules.minDPI }
        let dpi = requested ?? (allowed.contains(300) ? 300 : allowed.first ?? 300)
        guard allowed.contains(dpi) else { throw .dpiNotAllowed(dpi: dpi, allowed: allowed) }
        return LabelJob(
            layout: layout, size: size, rules: rules, dpi: dpi, format: format, colour: colour && format == .png,
            nativeQR: nativeQR && format == .zpl, values: LabelFields.values(standard: standard, product: product, producer: producer, lot: lot),
            netContentGrams: LabelFields.netContentGrams(of: product), markPNG: try markPNG(), fontPath: font,
            sheet: sheet, createdAt: format == .pdf ? Self.timestamp(now) : nil
        )
    }

    /// The largest printer offset accepted, in mm: beyond it the printer needs
    /// servicing, not calibrating.
    public static let maximumOffsetMM = 10.0

    /// - Throws: `LabelError.sheetOffsetInvalid` for an offset beyond ±`maximumOffsetMM` (or not a number).
    public static func checkOffsets(x: Double, y: Double) throws(LabelError) {
        for offset in [x, y] where !(abs(offset) <= maximumOffsetMM) {
            throw .sheetOffsetInvalid(offsetMM: offset, maximumMM: maximumOffsetMM)
        }
    }

    private func placement(_ request: SheetRequest, format: LabelFormat) throws(LabelError) -> SheetPlacement {
        guard format == .pdf else { throw .sheetNeedsPDF(format: format.rawValue) }
        guard let sheet = SheetLayout.named(request.id) else { throw .sheetUnknown(sheet: request.id, known: SheetLayout.shipped.map(\.id)) }
        guard (1...sheet.perSheet).contains(request.startAt) else { throw .sheetStartInvalid(startAt: request.startAt, perSheet: sheet.perSheet) }
        try Self.checkOffsets(x: request.offsetXMM, y: request.offsetYMM)
        return SheetPlacement(sheet: sheet, startAt: request.startAt, offsetXMM: request.offsetXMM, offsetYMM: request.offsetYMM,
                              cropMarks: request.cropMarks)
    }

    private static func dimensions(_ width: Double, _ height: Double) -> String {
        "\(SVGEncoder.formatted(width)) × \(SVGEncoder.formatted(height))"
    }

    /// `2026-12-01T10:00:00Z`, to the second.
    static func timestamp(_ date: Date) -> String {
        var formatter = Date.ISO8601FormatStyle()
        formatter.timeZone = TimeZone(identifier: "UTC")!
        return date.formatted(formatter)
    }

    /// The brand mark's bytes, from inside the assets folder only; `nil` when the
    /// standard names none.
    /// - Throws: `LabelError.markMissing` when it cannot be read there.
    public func markPNG() throws(LabelError) -> Data? {
        let path = standard.labels.brandMark
        guard !path.isEmpty else { return nil }
        let root = URL(fileURLWithPath: assets, isDirectory: true).standardizedFileURL
        let file = root.appendingPathComponent(path).standardizedFileURL
        guard file.path.hasPrefix(root.path + "/"), let data = FileManager.default.contents(atPath: file.path) else {
            throw .markMissing(path: file.path)
        }
        // Decoded here, so that a mark that is no PNG is named before any serial is spent.
        do throws(LabelError) { _ = try PNGDecoder.decodeGrey(Array(data)) } catch {
            throw .markUnreadable(path: file.path, detail: error.message.en)
        }
        return data
    }

    /// The job for a new batch, as the batch keeps it: built, then read back from its
    /// stored JSON (so that what is drawn now is exactly what a resume draws), then
    /// rehearsed, so that everything a label could fail on, short of its serial,
    /// fails here, before any serial is spent.
    public func prepare(product: Product, producer: Producer, lot: String, size: String?, dpi: Int?, format: LabelFormat,
                        colour: Bool = false, nativeQR: Bool = false, sheet: SheetRequest? = nil) throws(LabelError) -> (job: LabelJob, storedJSON: String) {
        let storedJSON = try job(product: product, producer: producer, lot: lot, size: size, dpi: dpi, format: format,
                                 colour: colour, nativeQR: nativeQR, sheet: sheet).storedJSON()
        let job = try LabelJob(storedJSON: storedJSON)
        try Self.rehearse(job, resolver: standard.resolver, gtin: product.gtin, lot: lot)
        return (job, storedJSON)
    }

    /// Renders one label with the longest serial a batch can reach, so that a layout,
    /// a lot or a URI that cannot work is refused before any serial is issued.
    static func rehearse(_ job: LabelJob, resolver: String, gtin: GTIN?, lot: String) throws(LabelError) {
        let serial = "99999999"
        let uri: DigitalLinkURI
        do throws(DigitalLinkError) {
            uri = try DigitalLinkURI(base: resolver, gtin: gtin ?? GTIN(verifiedDigits: "00000000000000"), lot: lot, serial: serial,
                                     otherQuery: [(SerialSignature.parameter, "AAAAAAAA")])
        } catch {
            throw .lotInvalid(lot: lot, zh: error.explanation.zh, en: error.explanation.en)
        }
        _ = try LabelRenderer(job: job).render(serial: serial, uri: uri.description)
    }
}

extension LabelJob {
    /// The job as a batch keeps it: JSON with sorted keys.
    public func storedJSON() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        // A job is plain values: encoding cannot fail.
        return String(decoding: (try? encoder.encode(self)) ?? Data(), as: UTF8.self)
    }

    /// The job a batch kept. Generating uses it too, so that resuming draws the very
    /// same labels.
    public init(storedJSON json: String) throws(LabelError) {
        do {
            self = try JSONDecoder().decode(LabelJob.self, from: Data(json.utf8))
        } catch {
            throw .jobUnreadable(String(describing: error))
        }
    }
}
