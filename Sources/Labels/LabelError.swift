import Foundation
import Measures

/// Why a label could not be made. Each case has a stable code and says, in Chinese and
/// English, what to change.
public enum LabelError: Error, Equatable, Sendable {
    /// libqrencode could not encode the payload (too long for any QR version, say).
    case qrEncoding(String)
    /// libpng failed.
    case pngEncoding(String)
    /// FreeType could not start or read the font.
    case font(String)
    /// A text element names a placeholder the product has no value for.
    case missingValue(placeholder: String)
    /// A line of text is too long for its box even at the smallest height allowed.
    case textDoesNotFit(text: String, minimumMM: Double)
    /// A text element is set smaller than GB 7718 or the standard allows.
    case textTooSmall(text: String, sizeMM: Double, minimumMM: Double)
    /// The QR code cannot be drawn in its box with whole-dot modules within the standard's bounds.
    case qrDoesNotFit(version: Int, boxMM: Double, moduleMM: Double)
    /// The layout has no QR element.
    case noQRElement
    /// The standard has no such label size.
    case sizeUnknown(brand: String, size: String, known: [String])
    /// The size has no published layout.
    case layoutMissing(brand: String, size: String)
    /// The standard does not allow the resolution.
    case dpiNotAllowed(dpi: Int, allowed: [Int])
    /// The brand mark file cannot be read.
    case markMissing(path: String)
    /// The brand mark file is there but is no PNG libpng can decode.
    case markUnreadable(path: String, detail: String)
    /// The product's category carries no labels (`carries_labels: false`).
    case categoryWithoutLabels(category: String)
    /// The lot cannot go into a Digital Link URI.
    case lotInvalid(lot: String, zh: String, en: String)
    /// A batch's stored drawing instructions cannot be read.
    case jobUnreadable(String)
    /// cairo could not write a PDF.
    case pdf(String)
    /// The sheet is not one Terroir knows.
    case sheetUnknown(sheet: String, known: [String])
    /// The sheet's labels are not the label size asked for.
    case sheetSizeMismatch(sheet: String, sheetMM: String, size: String, sizeMM: String)
    /// The brand has no label size that the sheet's labels are.
    case sheetFitsNoSize(sheet: String, sheetMM: String, known: [String])
    /// A start position outside the sheet.
    case sheetStartInvalid(startAt: Int, perSheet: Int)
    /// Sheets are a PDF layout.
    case sheetNeedsPDF(format: String)
    /// A printer offset beyond what calibration can mean.
    case sheetOffsetInvalid(offsetMM: Double, maximumMM: Double)

    /// The stable machine code.
    public var code: String {
        switch self {
        case .qrEncoding: "label.qr_encoding"
        case .pngEncoding: "label.png_encoding"
        case .font: "label.font"
        case .missingValue: "label.missing_value"
        case .textDoesNotFit: "label.text_does_not_fit"
        case .textTooSmall: "label.text_too_small"
        case .qrDoesNotFit: "label.qr_does_not_fit"
        case .noQRElement: "label.layout_qr"
        case .sizeUnknown: "label.size_unknown"
        case .layoutMissing: "label.layout_missing"
        case .dpiNotAllowed: "label.dpi_not_allowed"
        case .markMissing: "label.mark_missing"
        case .markUnreadable: "label.mark_unreadable"
        case .categoryWithoutLabels: "label.category_without_labels"
        case .lotInvalid: "label.lot_invalid"
        case .jobUnreadable: "label.job_unreadable"
        case .pdf: "label.pdf"
        case .sheetUnknown: "label.sheet_unknown"
        case .sheetSizeMismatch: "label.sheet_size_mismatch"
        case .sheetFitsNoSize: "label.sheet_fits_no_size"
        case .sheetStartInvalid: "label.sheet_start_invalid"
        case .sheetNeedsPDF: "label.sheet_needs_pdf"
        case .sheetOffsetInvalid: "label.sheet_offset_invalid"
        }
    }

    /// What went wrong, in both languages.
    public var message: LocalizedText {
        switch self {
        case .qrEncoding(let detail): LocalizedText(zh: "无法生成二维码：\(detail)", en: "cannot make the QR code: \(detail)")
        case .pngEncoding(let detail): LocalizedText(zh: "PNG 编码失败：\(detail)", en: "PNG encoding failed: \(detail)")
        case .font(let detail): LocalizedText(zh: "字体错误：\(detail)", en: "font problem: \(detail)")
        case .missingValue(let placeholder):
            LocalizedText(zh: "产品没有占位符 {\(placeholder)} 的值", en: "the product has no value for the placeholder {\(placeholder)}")
        case .textDoesNotFit(let text, let minimum):
            LocalizedText(zh: "文字“\(text)”缩小到 \(Self.mm(minimum)) mm 仍放不下，请缩短文字或加宽文字框",
                          en: "the text “\(text)” does not fit its box even at \(Self.mm(minimum)) mm; shorten it or widen the box")
        case .textTooSmall(let text, let size, let minimum):
            LocalizedText(zh: "文字“\(text)”字高 \(Self.mm(size)) mm，低于要求的 \(Self.mm(minimum)) mm（GB 7718 / 品牌标准）",
                          en: "the text “\(text)” is \(Self.mm(size)) mm high, below the required \(Self.mm(minimum)) mm (GB 7718 / brand standard)")
        case .qrDoesNotFit(let version, let box, let module):
            LocalizedText(zh: "\(version) 版二维码在 \(Self.mm(box)) mm 的区域内放不下 \(Self.mm(module)) mm 的模块",
                          en: "a version \(version) QR code with \(Self.mm(module)) mm modules does not fit its \(Self.mm(box)) mm box")
        case .noQRElement: LocalizedText(zh: "布局没有 qr 元素", en: "the layout has no qr element")
        case .sizeUnknown(let brand, let size, let known):
            LocalizedText(zh: "品牌“\(brand)”没有标签尺寸“\(size)”（可用：\(known.joined(separator: ", "))）",
                          en: "brand “\(brand)” has no label size “\(size)” (sizes: \(known.joined(separator: ", ")))")
        case .layoutMissing(let brand, let size):
            LocalizedText(zh: "尺寸“\(size)”没有已发布的布局（Brands/\(brand)/labels/\(size).yaml）",
                          en: "size “\(size)” has no published layout (Brands/\(brand)/labels/\(size).yaml)")
        case .dpiNotAllowed(let dpi, let allowed):
            LocalizedText(zh: "品牌标准不允许 \(dpi) dpi（允许：\(allowed.map(String.init).joined(separator: ", "))）",
                          en: "the brand standard does not allow \(dpi) dpi (allowed: \(allowed.map(String.init).joined(separator: ", ")))")
        case .markMissing(let path):
            LocalizedText(zh: "找不到品牌标志 \(path)（指定 Assets 文件夹）", en: "brand mark \(path) not found (name the Assets folder)")
        case .markUnreadable(let path, let detail):
            LocalizedText(zh: "品牌标志 \(path) 不是可读取的 PNG（\(detail)）；请另存为 PNG", en: "brand mark \(path) is not a readable PNG (\(detail)); save it as PNG")
        case .categoryWithoutLabels(let category):
            LocalizedText(zh: "品类“\(category)”按品牌标准不使用标签（carries_labels: false）", en: "category “\(category)” carries no labels under its brand standard (carries_labels: false)")
        case .lotInvalid(let lot, let zh, let en):
            LocalizedText(zh: "批次号“\(lot)”无效：\(zh)", en: "lot “\(lot)” is invalid: \(en)")
        case .jobUnreadable(let detail):
            LocalizedText(zh: "批次的标签描述无法读取：\(detail)", en: "the batch's label description cannot be read: \(detail)")
        case .pdf(let detail): LocalizedText(zh: "无法写入 PDF：\(detail)", en: "cannot write the PDF: \(detail)")
        case .sheetUnknown(let sheet, let known):
            LocalizedText(zh: "没有标签纸“\(sheet)”（可用：\(known.joined(separator: ", "))；terroir labels sheets 列出全部）",
                          en: "no label sheet “\(sheet)” (sheets: \(known.joined(separator: ", ")); terroir labels sheets lists them)")
        case .sheetSizeMismatch(let sheet, let sheetMM, let size, let sizeMM):
            LocalizedText(zh: "标签纸“\(sheet)”的标签为 \(sheetMM) 毫米，而尺寸“\(size)”为 \(sizeMM) 毫米；请选用相同尺寸的标签纸",
                          en: "sheet “\(sheet)” holds \(sheetMM) mm labels, but size “\(size)” is \(sizeMM) mm; choose a sheet of that size")
        case .sheetFitsNoSize(let sheet, let sheetMM, let known):
            LocalizedText(zh: "品牌没有 \(sheetMM) 毫米的标签尺寸，不能使用标签纸“\(sheet)”（品牌尺寸：\(known.joined(separator: ", "))）",
                          en: "the brand has no \(sheetMM) mm label size for sheet “\(sheet)” (its sizes: \(known.joined(separator: ", ")))")
        case .sheetStartInvalid(let startAt, let perSheet):
            LocalizedText(zh: "起始位置 \(startAt) 不在标签纸上（1 到 \(perSheet)）", en: "start position \(startAt) is not on the sheet (1 to \(perSheet))")
        case .sheetNeedsPDF(let format):
            LocalizedText(zh: "标签纸排版只用于 PDF，不能用于 \(format)；请加 --format pdf", en: "sheets are laid out in PDF, not \(format); add --format pdf")
        case .sheetOffsetInvalid(let offset, let maximum):
            LocalizedText(zh: "打印偏移 \(Self.mm(offset)) 毫米超出 ±\(Self.mm(maximum)) 毫米；请检查打印机进纸",
                          en: "a printer offset of \(Self.mm(offset)) mm is beyond ±\(Self.mm(maximum)) mm; check the printer's paper feed")
        }
    }

    private static func mm(_ value: Double) -> String {
        String(format: "%.2f", value)
    }
}
