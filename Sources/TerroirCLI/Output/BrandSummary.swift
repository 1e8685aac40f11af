import BrandStandards
import Foundation
import Measures

/// A brand standard as a brand officer reads it back: who, where, which categories,
/// each attribute with its bounds in both languages, and the label rules.
struct BrandSummary {
    let standard: BrandStandard

    var text: String {
        var lines: [String] = []
        let s = standard
        lines.append("\(s.name.zh) / \(s.name.en)  [\(s.id)]")
        lines.append("  所有者 Owner:      \(s.owner.zh) / \(s.owner.en)")
        lines.append("  模式 Model:        \(modelText)")
        lines.append("  版本 Version:      \(s.version) (\(s.status.rawValue)), effective \(s.effective.from) – \(s.effective.to?.description ?? "open")")
        let regionName = s.region.name.map { " \($0.zh) / \($0.en)" } ?? ""
        lines.append("  产区 Region:       \(s.region.country) \(s.region.codes.map(\.digits).joined(separator: ", "))\(regionName)")
        if let jinRegion = s.jinRegion {
            let jin = MeasureUnit.jin(jinRegion)
            lines.append("  斤 Jin:            \(jin.symbol.zh) = \((jin.factor * 1000).plainText) g")
        } else {
            lines.append("  斤 Jin:            not set: a bare 斤 is refused as ambiguous")
        }
        lines.append("  解析 Resolver:     \(s.resolver)")
        if !s.villages.isEmpty {
            lines.append("")
            lines.append("村 Villages (\(s.villages.count))")
            for village in s.villages {
                let outlet = village.outlet.map { "  店 \($0.name.zh)\($0.url.map { " <\($0)>" } ?? "")" } ?? ""
                lines.append("  \(village.code)  \(village.name.zh) / \(village.name.en)  → \(village.product)\(outlet)")
            }
        }
        for category in s.categories {
            lines.append("")
            var heading = "品类 Category \(category.id): \(category.name.zh) / \(category.name.en)"
            if let code = category.standardCode { heading += "  [\(code)]" }
            if s.series?.open?.category == category.id { heading += "  (X: \(s.series!.open!.approval.rawValue) approval per product)" }
            lines.append(heading)
            for attribute in category.attributes {
                lines.append(contentsOf: attributeLines(attribute))
            }
        }
        lines.append("")
        lines.append(contentsOf: labelLines(s.labels))
        return lines.joined(separator: "\n")
    }

    private var modelText: String {
        switch standard.model {
        case .nPlusX:
            guard let series = standard.series else { return "N+X" }
            let open = series.open.map { "; X = \($0.category), \($0.approval.rawValue) approval" } ?? ""
            return "\(series.coreCount)+X 县域公用品牌 county public brand; core: \(series.core.joined(separator: ", "))\(open)"
        case .geographicalIndication:
            return "地理标志 geographical indication"
        case .oneVillageOneProduct:
            return "一村一品一店 one village, one product, one shop"
        }
    }

    private func attributeLines(_ attribute: AttributeRequirement) -> [String] {
        var kind = attribute.type.rawValue
        if let dimension = attribute.dimension { kind += " (\(dimension.name.en))" }
        var line = "  - \(attribute.id): \(attribute.name.zh) / \(attribute.name.en), \(kind)"
        line += attribute.required ? ", 必填 required" : ", 选填 optional"
        var lines = [line]
        if let bounds = boundsText(min: attribute.min, max: attribute.max) { lines.append("      范围 range: \(bounds)") }
        if let places = attribute.decimalPlaces { lines.append("      小数位 decimal places: ≤ \(places)") }
        if let unit = attribute.displayUnit { lines.append("      显示单位 shown in: \(unit.symbol.zh) / \(unit.symbol.en)") }
        if let maxLength = attribute.maxLength { lines.append("      最长 max length: \(maxLength)") }
        if let pattern = attribute.pattern { lines.append("      格式 pattern: \(pattern)") }
        if !attribute.options.isEmpty {
            lines.append("      选项 options: " + attribute.options.map { "\($0.id) (\($0.name.zh) / \($0.name.en))" }.joined(separator: ", "))
        }
        for boundsCase in attribute.cases {
            let condition = boundsCase.when.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ", ")
            lines.append("      当 when \(condition): \(boundsText(min: boundsCase.min, max: boundsCase.max) ?? "-")")
        }
        return lines
    }

    private func boundsText(min: AttributeBound?, max: AttributeBound?) -> String? {
        func both(_ bound: AttributeBound) -> String {
            let zh = bound.text(.zh), en = bound.text(.en)
            return zh == en ? en : "\(en) (\(zh))"
        }
        switch (min, max) {
        case (let low?, let high?): return "\(both(low)) – \(both(high))"
        case (let low?, nil): return "≥ \(both(low))"
        case (nil, let high?): return "≤ \(both(high))"
        case (nil, nil): return nil
        }
    }

    private func labelLines(_ labels: LabelRules) -> [String] {
        var lines = ["标签 Labels"]
        lines.append("  尺寸 sizes:     " + labels.sizes.map { "\($0.id) (\($0.widthMM.plainText) × \($0.heightMM.plainText) mm)" }.joined(separator: ", "))
        lines.append("  分辨率 dpi:     \(labels.dpi.map(String.init).joined(separator: ", ")) (minimum \(labels.minDPI))")
        let qr = labels.qr
        let modules = labels.dpi.compactMap { dpi in
            qr.module(atDPI: dpi).map { "\(dpi) dpi: \($0.dots) dots = \($0.millimetres.rounded(places: 3).plainText) mm" }
        }
        let moduleBounds = qr.maxModuleMM.map { "\(qr.minModuleMM.plainText)–\($0.plainText) mm" } ?? "≥ \(qr.minModuleMM.plainText) mm"
        lines.append("  二维码 QR:      error correction ≥ \(qr.minErrorCorrection.rawValue), module \(moduleBounds) (\(modules.joined(separator: "; "))), quiet zone \(qr.quietZoneModules) modules")
        lines.append("  必备 required:  \(labels.requiredFields.joined(separator: ", "))")
        lines.append("  标志 mark:      Assets/\(labels.brandMark)")
        if !labels.colours.isEmpty {
            lines.append("  颜色 colours:   " + labels.colours.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
        }
        lines.append("  语言 languages: \(labels.languages.map(\.rawValue).joined(separator: ", "))")
        if let height = labels.minTextHeightMM { lines.append("  最小字高 min text height: \(height.plainText) mm") }
        return lines
    }
}
