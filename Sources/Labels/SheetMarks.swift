import CCairo
import Measures

/// What is printed on a sheet besides labels: crop marks in its margins, and the
/// calibration page people print on plain paper and hold against a sheet of labels.
public enum SheetMarks {
    /// Crop-mark lines: 0.1 mm, as long as the margin allows up to 5 mm, 1 mm clear of the labels.
    static let lineMM = 0.1, longestMM = 5.0, clearanceMM = 1.0

    /// Marks each column's and row's edges in the margins around the sheet's labels
    /// (where a sheet has no margin on a side, there is none on that side).
    static func drawCropMarks(_ placement: SheetPlacement, on document: PDFDocument) {
        let sheet = placement.sheet, context = document.context
        let left = sheet.leftMM + placement.offsetXMM, top = sheet.topMM + placement.offsetYMM
        let right = left + Double(sheet.columns - 1) * sheet.pitchXMM + sheet.labelWidthMM
        let bottom = top + Double(sheet.rows - 1) * sheet.pitchYMM + sheet.labelHeightMM
        var edgesX: [Double] = [], edgesY: [Double] = []
        for column in 0..<sheet.columns { edgesX += [left + Double(column) * sheet.pitchXMM, left + Double(column) * sheet.pitchXMM + sheet.labelWidthMM] }
        for row in 0..<sheet.rows { edgesY += [top + Double(row) * sheet.pitchYMM, top + Double(row) * sheet.pitchYMM + sheet.labelHeightMM] }
        cairo_save(context)
        cairo_set_source_rgb(context, 0, 0, 0)
        cairo_set_line_width(context, lineMM)
        func mark(from start: Double, towards end: Double, at edge: Double, vertical: Bool) {
            let room = abs(end - start) - clearanceMM
            guard room >= 1 else { return }
            let direction: Double = end > start ? 1 : -1
            let from = start + direction * clearanceMM, to = from + direction * min(longestMM, room)
            if vertical {
                cairo_move_to(context, edge, from)
                cairo_line_to(context, edge, to)
            } else {
                cairo_move_to(context, from, edge)
                cairo_line_to(context, to, edge)
            }
        }
        for x in Set(edgesX) {
            mark(from: top, towards: 0, at: x, vertical: true)
            mark(from: bottom, towards: sheet.pageHeightMM, at: x, vertical: true)
        }
        for y in Set(edgesY) {
            mark(from: left, towards: 0, at: y, vertical: false)
            mark(from: right, towards: sheet.pageWidthMM, at: y, vertical: false)
        }
        cairo_stroke(context)
        cairo_restore(context)
    }

    /// A calibration page for `sheet`: each label's outline and centre cross where the
    /// offsets put it, its position number, and 100 mm scales across and down to check
    /// that the printer prints at 100%.
    /// - Throws: `LabelError.pdf` when cairo cannot write `path`.
    public static func writeCalibrationPage(_ placement: SheetPlacement, path: String, fontPath: String = FontFace.defaultPath) throws(LabelError) {
        let sheet = placement.sheet
        let document = try PDFDocument(path: path, fontPath: fontPath, title: "\(sheet.id) calibration", creationDate: PDFDocument.fixedDate)
        document.beginPage(widthMM: sheet.pageWidthMM, heightMM: sheet.pageHeightMM)
        let context = document.context
        cairo_set_source_rgb(context, 0, 0, 0)
        cairo_set_line_width(context, 0.15)
        cairo_set_font_size(context, 3)
        for position in 1...sheet.perSheet {
            let origin = sheet.origin(ofPosition: position)
            let x = origin.x + placement.offsetXMM, y = origin.y + placement.offsetYMM
            cairo_rectangle(context, x, y, sheet.labelWidthMM, sheet.labelHeightMM)
            let centreX = x + sheet.labelWidthMM / 2, centreY = y + sheet.labelHeightMM / 2
            cairo_move_to(context, centreX - 3, centreY)
            cairo_line_to(context, centreX + 3, centreY)
            cairo_move_to(context, centreX, centreY - 3)
            cairo_line_to(context, centreX, centreY + 3)
            cairo_stroke(context)
            cairo_move_to(context, x + 1.5, y + 4.5)
            cairo_show_text(context, String(position))
            cairo_new_path(context)
        }
        // The scales, along the first row of labels and down the first column.
        let startX = sheet.leftMM + placement.offsetXMM + 5, startY = sheet.topMM + placement.offsetYMM + sheet.labelHeightMM / 2 + 6
        for tick in 0...10 {
            let long = tick % 5 == 0 ? 2.5 : 1.5
            cairo_move_to(context, startX + Double(tick) * 10, startY)
            cairo_line_to(context, startX + Double(tick) * 10, startY - long)
            cairo_move_to(context, startX, startY + Double(tick) * 10)
            cairo_line_to(context, startX + long, startY + Double(tick) * 10)
        }
        cairo_move_to(context, startX, startY)
        cairo_line_to(context, startX + 100, startY)
        cairo_move_to(context, startX, startY)
        cairo_line_to(context, startX, startY + 100)
        cairo_stroke(context)
        let lines = [
            LocalizedText(zh: "校准页 \(sheet.id)：按 100%（实际大小）打印在普通纸上，叠在标签纸上对光检查。",
                          en: "Calibration page \(sheet.id): print at 100% (actual size) on plain paper, hold it against a label sheet to the light."),
            LocalizedText(zh: "两条刻度线应各长 100 毫米。方框偏右则用负的 --offset-x，偏下则用负的 --offset-y（毫米）。",
                          en: "Each scale must measure 100 mm. Outlines right of the labels: a negative --offset-x; below them: a negative --offset-y (mm)."),
            LocalizedText(zh: "当前偏移：x \(SVGEncoder.formatted(placement.offsetXMM)) 毫米，y \(SVGEncoder.formatted(placement.offsetYMM)) 毫米。",
                          en: "Offsets now: x \(SVGEncoder.formatted(placement.offsetXMM)) mm, y \(SVGEncoder.formatted(placement.offsetYMM)) mm."),
        ]
        cairo_set_font_size(context, 2.6)
        var lineY = startY + 12
        // On white, over whatever outlines it crosses.
        cairo_set_source_rgb(context, 1, 1, 1)
        cairo_rectangle(context, startX + 6, lineY - 3.5, min(150, sheet.pageWidthMM - startX - 8), Double(lines.count * 2) * 4 + 1.5)
        cairo_fill(context)
        cairo_set_source_rgb(context, 0, 0, 0)
        for line in lines {
            for text in [line.zh, line.en] {
                cairo_move_to(context, startX + 8, lineY)
                cairo_show_text(context, text)
                lineY += 4
            }
        }
        try document.finish()
    }
}
