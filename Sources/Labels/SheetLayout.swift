import Measures

/// A sheet of die-cut labels for office printers: the page, where the first label's
/// top-left corner is, how many columns and rows, each label's size and the pitch
/// from one label to the next (its size plus the gap). Labels are counted across
/// each row, then down: position 1 is the top-left label.
public struct SheetLayout: Sendable, Equatable, Codable {
    public var id: String
    public var name: LocalizedText
    public var pageWidthMM: Double
    public var pageHeightMM: Double
    public var leftMM: Double
    public var topMM: Double
    public var columns: Int
    public var rows: Int
    public var labelWidthMM: Double
    public var labelHeightMM: Double
    public var pitchXMM: Double
    public var pitchYMM: Double

    enum CodingKeys: String, CodingKey {
        case id, name, pageWidthMM = "page_width_mm", pageHeightMM = "page_height_mm", leftMM = "left_mm", topMM = "top_mm"
        case columns, rows, labelWidthMM = "label_width_mm", labelHeightMM = "label_height_mm"
        case pitchXMM = "pitch_x_mm", pitchYMM = "pitch_y_mm"
    }

    /// Labels on one sheet.
    public var perSheet: Int { columns * rows }

    /// The top-left corner of the label at `position` (1 to `perSheet`), in mm from
    /// the page's top-left corner, before any printer offset.
    public func origin(ofPosition position: Int) -> (x: Double, y: Double) {
        let index = position - 1
        return (leftMM + Double(index % columns) * pitchXMM, topMM + Double(index / columns) * pitchYMM)
    }

    /// Whether labels of `width` × `height` mm are this sheet's (to a hundredth of a mm).
    public func fits(widthMM width: Double, heightMM height: Double) -> Bool {
        abs(width - labelWidthMM) < 0.005 && abs(height - labelHeightMM) < 0.005
    }

    static let a4 = (width: 210.0, height: 297.0), a5 = (width: 148.0, height: 210.0)

    /// The sheets Terroir knows, by the stationers' usual sizes. Each line is data:
    /// page, first label's corner, columns × rows, label size, pitch.
    public static let shipped: [SheetLayout] = [
        SheetLayout(id: "a4-3x8-70x37", name: LocalizedText(zh: "A4，3 × 8 张 70 × 37 毫米，无间隙", en: "A4, 3 × 8 of 70 × 37 mm, no gaps"),
                    page: a4, left: 0, top: 0.5, columns: 3, rows: 8, label: (70, 37), pitch: (70, 37)),
        SheetLayout(id: "a4-2x7-99.1x38.1", name: LocalizedText(zh: "A4，2 × 7 张 99.1 × 38.1 毫米", en: "A4, 2 × 7 of 99.1 × 38.1 mm"),
                    page: a4, left: 4.65, top: 15.15, columns: 2, rows: 7, label: (99.1, 38.1), pitch: (101.6, 38.1)),
        SheetLayout(id: "a4-3x7-63.5x38.1", name: LocalizedText(zh: "A4，3 × 7 张 63.5 × 38.1 毫米", en: "A4, 3 × 7 of 63.5 × 38.1 mm"),
                    page: a4, left: 7.21, top: 15.15, columns: 3, rows: 7, label: (63.5, 38.1), pitch: (66.04, 38.1)),
        SheetLayout(id: "a4-3x7-60x40", name: LocalizedText(zh: "A4，3 × 7 张 60 × 40 毫米", en: "A4, 3 × 7 of 60 × 40 mm"),
                    page: a4, left: 10, top: 8.5, columns: 3, rows: 7, label: (60, 40), pitch: (65, 40)),
        SheetLayout(id: "a5-2x5-60x40", name: LocalizedText(zh: "A5，2 × 5 张 60 × 40 毫米", en: "A5, 2 × 5 of 60 × 40 mm"),
                    page: a5, left: 12, top: 5, columns: 2, rows: 5, label: (60, 40), pitch: (64, 40)),
        SheetLayout(id: "a4-2x4-99.1x67.7", name: LocalizedText(zh: "A4，2 × 4 张 99.1 × 67.7 毫米", en: "A4, 2 × 4 of 99.1 × 67.7 mm"),
                    page: a4, left: 4.65, top: 13.1, columns: 2, rows: 4, label: (99.1, 67.7), pitch: (101.6, 67.7)),
    ]

    /// The shipped sheet with this id.
    public static func named(_ id: String) -> SheetLayout? {
        shipped.first { $0.id == id }
    }

    init(id: String, name: LocalizedText, page: (width: Double, height: Double), left: Double, top: Double, columns: Int, rows: Int,
         label: (width: Double, height: Double), pitch: (x: Double, y: Double)) {
        self.id = id
        self.name = name
        pageWidthMM = page.width
        pageHeightMM = page.height
        leftMM = left
        topMM = top
        self.columns = columns
        self.rows = rows
        labelWidthMM = label.width
        labelHeightMM = label.height
        pitchXMM = pitch.x
        pitchYMM = pitch.y
    }
}

/// How a batch is laid out on sheets: the sheet, the first free position on the first
/// sheet (a partly used one), the printer's calibration and whether to draw crop marks.
/// Kept in the batch's job, so that a resume lays out the very same pages.
public struct SheetPlacement: Sendable, Equatable, Codable {
    public var sheet: SheetLayout
    /// 1 to `sheet.perSheet`.
    public var startAt: Int
    /// Added to every position, in mm: right and down are positive.
    public var offsetXMM: Double
    public var offsetYMM: Double
    public var cropMarks: Bool

    enum CodingKeys: String, CodingKey {
        case sheet, startAt = "start_at", offsetXMM = "offset_x_mm", offsetYMM = "offset_y_mm", cropMarks = "crop_marks"
    }

    public init(sheet: SheetLayout, startAt: Int = 1, offsetXMM: Double = 0, offsetYMM: Double = 0, cropMarks: Bool = false) {
        self.sheet = sheet
        self.startAt = startAt
        self.offsetXMM = offsetXMM
        self.offsetYMM = offsetYMM
        self.cropMarks = cropMarks
    }

    /// Where the `index`-th label of the batch (from 0) goes: its page (from 0) and the
    /// top-left corner on it, in mm, offsets included.
    public func place(_ index: Int) -> (page: Int, x: Double, y: Double) {
        let slot = index + startAt - 1
        let origin = sheet.origin(ofPosition: slot % sheet.perSheet + 1)
        return (slot / sheet.perSheet, origin.x + offsetXMM, origin.y + offsetYMM)
    }
}

/// A request to lay a batch out on sheets, as people give it: the sheet's id, the
/// first free position, the printer's offsets and crop marks.
public struct SheetRequest: Sendable, Equatable, Codable {
    public var id: String
    public var startAt: Int
    public var offsetXMM: Double
    public var offsetYMM: Double
    public var cropMarks: Bool

    enum CodingKeys: String, CodingKey {
        case id, startAt = "start_at", offsetXMM = "offset_x_mm", offsetYMM = "offset_y_mm", cropMarks = "crop_marks"
    }

    public init(id: String, startAt: Int = 1, offsetXMM: Double = 0, offsetYMM: Double = 0, cropMarks: Bool = false) {
        self.id = id
        self.startAt = startAt
        self.offsetXMM = offsetXMM
        self.offsetYMM = offsetYMM
        self.cropMarks = cropMarks
    }
}
