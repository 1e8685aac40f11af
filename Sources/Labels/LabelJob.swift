import BrandStandards
import Foundation

/// The file formats labels are made in.
public enum LabelFormat: String, Sendable, CaseIterable, Codable {
    /// A raster at the printer's resolution, with pHYs so it prints at true size.
    case png
    /// Vectors in millimetres.
    case svg
    /// Zebra Programming Language for thermal printers.
    case zpl
    /// Vectors with embedded fonts: a label a page at true size, or sheets.
    case pdf

    /// The file name extension.
    public var fileExtension: String { rawValue }
}

/// Everything needed to draw one product's labels, apart from each label's serial and
/// URI: a value, so that rendering is deterministic and the same job always gives the
/// same bytes.
public struct LabelJob: Sendable, Codable {
    /// Where everything goes.
    public var layout: LabelLayout
    /// The label's size.
    public var size: LabelSize
    /// The standard's label rules: colours, QR module sizes, the minimum text height.
    public var rules: LabelRules
    /// The printer resolution.
    public var dpi: Int
    public var format: LabelFormat
    /// For PNG: the brand's colours in 8-bit RGB, instead of 1-bit black and white.
    public var colour: Bool
    /// For ZPL: the printer draws the QR code (`^BQN`) instead of a bitmap.
    public var nativeQR: Bool
    /// The placeholders' text, except `{serial}`.
    public var values: [String: String]
    /// The net content in grams, when it is a mass (GB 7718 text heights).
    public var netContentGrams: Decimal?
    /// The brand mark, as PNG bytes.
    public var markPNG: Data?
    /// The font file.
    public var fontPath: String
    /// For PDF: the sheet the labels are laid out on; `nil` for a label a page.
    public var sheet: SheetPlacement?
    /// When the job was made (ISO 8601, UTC): the creation date PDFs carry, so that
    /// the same job always writes the same bytes.
    public var createdAt: String?

    /// Creates a job.
    public init(layout: LabelLayout, size: LabelSize, rules: LabelRules, dpi: Int, format: LabelFormat, colour: Bool = false,
                nativeQR: Bool = false, values: [String: String], netContentGrams: Decimal? = nil, markPNG: Data?,
                fontPath: String = FontFace.defaultPath, sheet: SheetPlacement? = nil, createdAt: String? = nil) {
        self.layout = layout
        self.size = size
        self.rules = rules
        self.dpi = dpi
        self.format = format
        self.colour = colour
        self.nativeQR = nativeQR
        self.values = values
        self.netContentGrams = netContentGrams
        self.markPNG = markPNG
        self.fontPath = fontPath
        self.sheet = sheet
        self.createdAt = createdAt
    }

    /// The label's size in mm.
    public var sizeMM: (width: Double, height: Double) {
        (Millimetres.value(size.widthMM), Millimetres.value(size.heightMM))
    }

    /// The label's size in dots: `round(mm × dpi / 25.4)` each way.
    public var pixelSize: (width: Int, height: Int) {
        (Millimetres.dots(size.widthMM, dpi: dpi), Millimetres.dots(size.heightMM, dpi: dpi))
    }
}
