import Foundation
import Measures

/// The rules a label layout must keep: its size is one of the standard's, every
/// element lies on the label, its text names fields that exist and is not smaller
/// than the standard allows, it shows every required field, and it has room for one
/// QR code at the standard's module size.
struct LabelLayoutRules {
    let layout: LabelLayout
    let standard: BrandStandard
    let collector: DiagnosticCollector

    /// The QR version layouts are sized for, by error-correction level: the smallest
    /// that holds 100 bytes, the length of an issued Digital Link URI with its lot,
    /// serial and signature (version 6 at level M).
    static func designQRVersion(_ level: ErrorCorrectionLevel) -> Int {
        switch level {
        case .L: 5
        case .M: 6
        case .Q: 8
        case .H: 10
        }
    }

    func check() {
        guard let size = standard.labels.sizes.first(where: { $0.id == layout.size }) else {
            let known = standard.labels.sizes.map(\.id).joined(separator: ", ")
            report(.labelLayoutSizeUnknown, "",
                   zh: "布局文件名“\(layout.size)”不是标准中的标签尺寸（\(known)）",
                   en: "layout file name “\(layout.size)” is not a label size of the standard (\(known))")
            return
        }
        for (index, element) in layout.elements.enumerated() {
            let pointer = "/elements/\(index)"
            checkBounds(element, size: size, pointer: pointer)
            checkColour(element, pointer: pointer)
            if element.kind == .text { checkText(element, pointer: pointer) }
        }
        checkRequiredFields()
        checkQR()
    }

    private func report(_ rule: LintRule, _ pointer: String, zh: String, en: String, severity: Diagnostic.Severity = .error) {
        collector.report(rule, LocalizedText(zh: zh, en: en), pointer: pointer, severity: severity)
    }

    private func checkBounds(_ element: LabelElement, size: LabelSize, pointer: String) {
        guard element.x < 0 || element.y < 0 || element.x + element.width > size.widthMM || element.y + element.height > size.heightMM else { return }
        report(.labelLayoutOutside, pointer,
               zh: "\(element.kind.rawValue) 元素（\(box(element))）超出了 \(size.widthMM.plainText) × \(size.heightMM.plainText) mm 的标签",
               en: "the \(element.kind.rawValue) element (\(box(element))) leaves the \(size.widthMM.plainText) × \(size.heightMM.plainText) mm label")
    }

    private func box(_ element: LabelElement) -> String {
        "x \(element.x.plainText), y \(element.y.plainText), \(element.width.plainText) × \(element.height.plainText) mm"
    }

    private func checkColour(_ element: LabelElement, pointer: String) {
        guard let colour = element.colour, standard.labels.colours[colour] == nil, colour != "text" else { return }
        let known = standard.labels.colours.keys.sorted().joined(separator: ", ")
        report(.valueInvalid, pointer + "/colour",
               zh: "颜色“\(colour)”未在标准的 labels.colours 中定义（已定义：\(known)）",
               en: "colour “\(colour)” is not defined in the standard's labels.colours (defined: \(known))")
    }

    private func checkText(_ element: LabelElement, pointer: String) {
        let attributes = Set(standard.categories.flatMap { $0.attributes.map(\.id) })
        for placeholder in element.placeholders {
            let field = LabelElement.field(of: placeholder)
            guard !LabelRules.productFields.contains(field), !attributes.contains(field) else { continue }
            report(.labelFieldUnknown, pointer + "/text",
                   zh: "占位符“{\(placeholder)}”既不是产品字段，也不是任何品类的属性",
                   en: "placeholder “{\(placeholder)}” names neither a product field nor an attribute of any category")
        }
        if let size = element.sizeMM, let minimum = standard.labels.minTextHeightMM, size < minimum {
            report(.labelTextTooSmall, pointer + "/size_mm",
                   zh: "字高 \(size.plainText) mm 低于标准的最小字高 \(minimum.plainText) mm",
                   en: "text height \(size.plainText) mm is below the standard's minimum of \(minimum.plainText) mm")
        }
    }

    /// The categories that draw their labels of this size with this layout.
    private var users: [ProductCategory] {
        standard.categories.filter { category in
            category.carriesLabels && (layout.category.map { $0 == category.id }
                ?? !standard.labels.layouts.contains { $0.size == layout.size && $0.category == category.id })
        }
    }

    private func checkRequiredFields() {
        let shown = Set(layout.fields)
        let required = layout.category.flatMap(standard.category).map(standard.labels.requiredFields(for:)) ?? standard.labels.requiredFields
        for field in required where !shown.contains(field) {
            report(.labelLayoutFieldMissing, "/elements",
                   zh: "标签必备字段“\(field)”没有出现在任何文字元素中（写作 {\(field)}）",
                   en: "required label field “\(field)” is shown by no text element (write {\(field)})")
        }
        // An attribute of some categories, shown by a layout others use too, keeps those
        // others from getting labels of this size.
        let attributeIDs = Set(standard.categories.flatMap { $0.attributes.map(\.id) })
        for category in users {
            for field in layout.fields where attributeIDs.contains(field) && category.attribute(field) == nil {
                report(.labelLayoutCategoryField, "/elements",
                       zh: "布局显示 {\(field)}，但品类“\(category.id)”没有此属性：该品类的产品无法获得 \(layout.size) 标签；请为它提供 labels/\(category.id)/\(layout.size).yaml，或在品类中写 carries_labels: false",
                       en: "the layout shows {\(field)}, which category “\(category.id)” does not have: its products cannot get \(layout.size) labels; give it labels/\(category.id)/\(layout.size).yaml, or carries_labels: false",
                       severity: .warning)
            }
        }
    }

    private func checkQR() {
        let codes = layout.elements.enumerated().filter { $0.element.kind == .qr }
        guard codes.count == 1, let (index, qr) = codes.first else {
            report(.labelLayoutQR, "/elements",
                   zh: "布局应有且只有一个 qr 元素，实际 \(codes.count) 个",
                   en: "a layout needs exactly one qr element, found \(codes.count)")
            return
        }
        let rules = standard.labels.qr
        let version = Self.designQRVersion(rules.minErrorCorrection)
        let modules = 17 + 4 * version + 2 * rules.quietZoneModules
        let side = min(qr.width, qr.height)
        for dpi in standard.labels.dpi where dpi >= standard.labels.minDPI {
            guard let module = rules.module(atDPI: dpi) else { continue }
            let needed = Decimal(modules) * module.millimetres
            guard needed > side else { continue }
            let neededText = (needed * 10).rounded(.up) / 10
            report(.labelQRTooSmall, "/elements/\(index)",
                   zh: "二维码区域 \(side.plainText) mm 放不下 \(version) 版二维码：\(dpi) dpi 时模块 \(module.dots) 点，含静区需 \(neededText.plainText) mm",
                   en: "the QR box of \(side.plainText) mm cannot hold a version \(version) symbol: at \(dpi) dpi a module is \(module.dots) dots, \(neededText.plainText) mm with its quiet zone")
        }
    }
}

extension Decimal {
    /// The value rounded to whole units in `mode`.
    func rounded(_ mode: NSDecimalNumber.RoundingMode) -> Decimal {
        var value = self, result = Decimal()
        NSDecimalRound(&result, &value, 0, mode)
        return result
    }
}
