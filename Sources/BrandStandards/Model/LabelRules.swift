import Foundation
import Measures

/// What the brand requires of every label printed under it.
public struct LabelRules: Equatable, Sendable, Codable {
    /// The label sizes producers may print.
    public var sizes: [LabelSize]
    /// The lowest printer resolution allowed.
    public var minDPI: Int
    /// The printer resolutions labels are made for.
    public var dpi: [Int]
    /// Product fields and attribute ids every label must show.
    public var requiredFields: [String]
    /// The brand mark, as a path inside `Assets/`.
    public var brandMark: String
    /// Named colours as `#RRGGBB` (`primary` at least).
    public var colours: [String: String]
    /// The languages the label's text appears in.
    public var languages: [Language]
    /// The QR code's print rules.
    public var qr: QRRules
    /// The smallest text height shrink-to-fit may reach, in mm.
    public var minTextHeightMM: Decimal?
    /// The layouts of the sizes, read from `Brands/<id>/labels/<size>.yaml`.
    public var layouts: [LabelLayout] = []
    /// Whether a net content typed in other units (10斤) follows its legal units in
    /// brackets on labels: `5 kg（10斤）`. GB 7718 asks for legal units; some brands
    /// may show what people say beside them.
    public var netContentAsEntered = false

    enum CodingKeys: String, CodingKey {
        case sizes, minDPI = "min_dpi", dpi, requiredFields = "required_fields", brandMark = "brand_mark"
        case colours, languages, qr, minTextHeightMM = "min_text_height_mm", layouts, netContentAsEntered = "net_content_as_entered"
    }

    /// The brand's layout of the size `id`, shared by categories without their own.
    public func layout(_ id: String) -> LabelLayout? {
        layouts.first { $0.size == id && $0.category == nil }
    }

    /// The layout products of `category` get at the size `id`: the category's own,
    /// else the brand's.
    public func layout(_ id: String, category: String) -> LabelLayout? {
        layouts.first { $0.size == id && $0.category == category } ?? layout(id)
    }

    /// The fields labels of `category` must show: its own `label_fields`, else the
    /// brand's `required_fields`.
    public func requiredFields(for category: ProductCategory) -> [String] {
        category.labelFields ?? requiredFields
    }

    /// The placeholder filled per label with its serial.
    public static let serialField = "serial"
    /// The attribute GB 7718 sets the character height and units of.
    public static let netContentField = "net_content"

    /// The colour names a standard may set.
    public static let colourNames = ["primary", "secondary", "text", "background"]

    /// The fields a label can show besides the category's attributes.
    public static let productFields: [String] = [
        "name", "producer", "producer_address", "origin", "gtin", "lot", "serial",
        "production_date", "shelf_life", "standard_code", "price", "outlet",
    ]
}

extension LabelRules {
    /// Reads label rules; standards published before layouts existed have none.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        sizes = try container.decode([LabelSize].self, forKey: .sizes)
        minDPI = try container.decode(Int.self, forKey: .minDPI)
        dpi = try container.decode([Int].self, forKey: .dpi)
        requiredFields = try container.decode([String].self, forKey: .requiredFields)
        brandMark = try container.decode(String.self, forKey: .brandMark)
        colours = try container.decode([String: String].self, forKey: .colours)
        languages = try container.decode([Language].self, forKey: .languages)
        qr = try container.decode(QRRules.self, forKey: .qr)
        minTextHeightMM = try container.decodeIfPresent(Decimal.self, forKey: .minTextHeightMM)
        layouts = try container.decodeIfPresent([LabelLayout].self, forKey: .layouts) ?? []
        netContentAsEntered = try container.decodeIfPresent(Bool.self, forKey: .netContentAsEntered) ?? false
    }

    /// Writes label rules; `net_content_as_entered` only when set, so that the
    /// canonical JSON of a standard that does not use it stays as it was published.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(sizes, forKey: .sizes)
        try container.encode(minDPI, forKey: .minDPI)
        try container.encode(dpi, forKey: .dpi)
        try container.encode(requiredFields, forKey: .requiredFields)
        try container.encode(brandMark, forKey: .brandMark)
        try container.encode(colours, forKey: .colours)
        try container.encode(languages, forKey: .languages)
        try container.encode(qr, forKey: .qr)
        try container.encodeIfPresent(minTextHeightMM, forKey: .minTextHeightMM)
        try container.encode(layouts, forKey: .layouts)
        if netContentAsEntered { try container.encode(true, forKey: .netContentAsEntered) }
    }
}

/// A label size producers may print, in millimetres.
public struct LabelSize: Equatable, Sendable, Codable {
    public var id: String
    public var widthMM: Decimal
    public var heightMM: Decimal

    public init(id: String, widthMM: Decimal, heightMM: Decimal) {
        self.id = id
        self.widthMM = widthMM
        self.heightMM = heightMM
    }

    enum CodingKeys: String, CodingKey {
        case id, widthMM = "width_mm", heightMM = "height_mm"
    }
}

/// How a label's QR code must be printed to scan reliably.
public struct QRRules: Equatable, Sendable, Codable {
    /// The lowest error-correction level allowed.
    public var minErrorCorrection: ErrorCorrectionLevel
    /// The smallest module (X-dimension) allowed, in mm.
    public var minModuleMM: Decimal
    /// The largest module allowed, in mm, when the standard sets one.
    public var maxModuleMM: Decimal?
    /// Light modules around the symbol on every side (at least 4).
    public var quietZoneModules: Int

    /// Creates print rules for a QR code.
    public init(minErrorCorrection: ErrorCorrectionLevel, minModuleMM: Decimal, maxModuleMM: Decimal?, quietZoneModules: Int) {
        self.minErrorCorrection = minErrorCorrection
        self.minModuleMM = minModuleMM
        self.maxModuleMM = maxModuleMM
        self.quietZoneModules = quietZoneModules
    }

    enum CodingKeys: String, CodingKey {
        case minErrorCorrection = "min_error_correction", minModuleMM = "min_module_mm"
        case maxModuleMM = "max_module_mm", quietZoneModules = "quiet_zone_modules"
    }

    /// The smallest module that is a whole number of dots at `dpi` and within bounds,
    /// as (dots, mm); `nil` when no whole number of dots fits.
    public func module(atDPI dpi: Int) -> (dots: Int, millimetres: Decimal)? {
        let dotMM = Decimal(254) / Decimal(dpi) / 10
        var dots = 1
        while Decimal(dots) * dotMM < minModuleMM { dots += 1 }
        let size = Decimal(dots) * dotMM
        if let maxModuleMM, size > maxModuleMM { return nil }
        return (dots, size)
    }
}

/// QR error-correction levels, in increasing strength.
public enum ErrorCorrectionLevel: String, Equatable, Comparable, Sendable, Codable, CaseIterable {
    case L, M, Q, H

    public static func < (lhs: ErrorCorrectionLevel, rhs: ErrorCorrectionLevel) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
