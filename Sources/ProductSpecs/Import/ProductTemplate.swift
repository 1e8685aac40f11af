import BrandStandards
import Foundation
import Measures

/// A products spreadsheet to fill in: a brand's columns, headed in the languages a
/// co-op reads, quantity columns noting their unit, and one example row per category
/// that validates against the standard (but for the producer, left for the co-op).
///
/// Every header is one the import reads back as its column: `ColumnVocabulary`
/// decides, so a template never names a column ambiguously.
public struct ProductTemplate {
    /// How headers are written.
    public enum Language: String, CaseIterable, Sendable {
        /// `货号`, `净含量（kg）`.
        case zh
        /// `sku`, `net_content (kg)`.
        case en
        /// `货号 sku`, `净含量 net_content（kg）`.
        case both
    }

    public let header: [String]
    public let rows: [[String]]

    /// The template of `standard`'s `categories` (all when empty).
    /// - Throws: `ImportFileError` naming a category the standard lacks.
    public init(standard: BrandStandard, categories: [String] = [], language: Language, today: CalendarDay = .today()) throws(ImportFileError) {
        for id in categories where !standard.categories.contains(where: { $0.id == id }) {
            let known = standard.categories.map(\.id).joined(separator: ", ")
            throw ImportFileError(code: "category.unknown", zh: "品牌没有品类“\(id)”（可选：\(known)）", en: "the brand has no category “\(id)” (one of: \(known))")
        }
        let chosen = categories.isEmpty ? standard.categories : standard.categories.filter { categories.contains($0.id) }
        var attributes: [AttributeRequirement] = []
        for attribute in chosen.flatMap(\.attributes) where !attributes.contains(where: { $0.id == attribute.id }) {
            attributes.append(attribute)
        }
        let vocabulary = ColumnVocabulary(standard: standard)
        let fields: [ProductField] = [.sku, .gtin, .category, .nameZh, .nameEn, .origin, .producer, .outlet, .price, .availability, .description]
        let units = attributes.map { Self.unitNote($0, standard: standard, language: language) }
        header = fields.map { Self.header(zh: $0.aliases[0], id: $0.name, target: .field($0), language: language, vocabulary: vocabulary) }
            + zip(attributes, units).map { attribute, unit in
                let name = Self.header(zh: attribute.name.zh, id: attribute.id, target: .attribute(attribute.id), language: language, vocabulary: vocabulary)
                return unit.map { language == .en ? "\(name) (\($0))" : "\(name)（\($0)）" } ?? name
            }
        rows = chosen.map { category in
            let example = Example(category: category, language: language, jinRegion: standard.jinRegion, today: today)
            // A one-village-one-product category comes from its village, sold in its shop.
            let village = standard.villages.first { $0.product == category.id }
            let origin = village?.code.digits ?? standard.region.codes.first?.digits ?? ""
            let outlet = village?.outlet.map { language == .en ? $0.name.en : $0.name.zh } ?? (language == .en ? "Example shop" : "示例店铺")
            let fieldCells: [String] = fields.map { field in
                switch field {
                case .sku: "EXAMPLE-\(category.id.uppercased())"
                case .category: category.id
                case .nameZh: "示例：\(category.name.zh)"
                case .nameEn: "Example: \(category.name.en)"
                case .origin: origin
                case .outlet: outlet
                case .price: "59.00"
                case .availability: language == .en ? "in_stock" : "有货"
                case .gtin, .producer, .description: ""
                }
            }
            return fieldCells + attributes.map { attribute in
                category.attribute(attribute.id) == nil ? "" : example.value(of: attribute.id) ?? ""
            }
        }
    }

    /// A header the vocabulary reads as `target`: the Chinese name when it names
    /// exactly the column, else the Chinese name with the id.
    private static func header(zh: String, id: String, target: ColumnVocabulary.Target, language: Language, vocabulary: ColumnVocabulary) -> String {
        switch language {
        case .en: return id
        case .zh: return vocabulary.names(zh, exactly: target) ? zh : "\(zh) \(id)"
        case .both: return "\(zh) \(id)"
        }
    }

    /// The unit a quantity column's header notes: the standard's display unit, or the
    /// dimension's usual one.
    private static func unitNote(_ attribute: AttributeRequirement, standard: BrandStandard, language: Language) -> String? {
        guard attribute.type == .quantity, let dimension = attribute.dimension else { return nil }
        let unit = attribute.displayUnit ?? (try? MeasureUnit(parsing: dimension.exampleUnits[0], jinRegion: standard.jinRegion))
        guard let symbol = unit.map({ $0.symbol[language == .en ? .en : .zh] }),
              (try? MeasureUnit(parsing: symbol, jinRegion: standard.jinRegion))?.dimension == dimension else { return nil }
        return symbol
    }

    /// Example values of one category's attributes: options first (the first of
    /// each), then every other value at its bounds under the case those options select.
    private struct Example {
        private var values: [String: String] = [:]

        init(category: ProductCategory, language: Language, jinRegion: JinRegion?, today: CalendarDay) {
            var options: [String: String] = [:]
            for attribute in category.attributes where attribute.type == .enumeration {
                guard let option = attribute.options.first else { continue }
                options[attribute.id] = option.id
                values[attribute.id] = language == .en ? option.id : option.name.zh
            }
            for attribute in category.attributes where attribute.type != .enumeration {
                let matching = attribute.cases.first { $0.when.allSatisfy { options[$0.key] == $0.value } }
                let bound = matching?.min ?? attribute.min ?? matching?.max ?? attribute.max
                values[attribute.id] = Self.value(attribute, bound: bound, language: language, jinRegion: jinRegion, today: today)
            }
        }

        func value(of id: String) -> String? { values[id] }

        private static func value(_ attribute: AttributeRequirement, bound: AttributeBound?, language: Language, jinRegion: JinRegion?,
                                  today: CalendarDay) -> String? {
            let language: Measures.Language = language == .en ? .en : .zh
            switch (attribute.type, bound) {
            case (.quantity, .quantity(let quantity)?):
                // Some English symbols are names (`liang (mainland)`) that are not typed: then the Chinese one.
                return [language, .zh].map(quantity.formatted).first { (try? Quantity(parsing: $0, jinRegion: jinRegion)) != nil }
            case (.quantity, _):
                return attribute.dimension.map { "1 " + (attribute.displayUnit?.symbol[language] ?? $0.exampleUnits[0]) }
            case (.integer, .number(let number)?), (.decimal, .number(let number)?): return number.plainText
            case (.integer, _), (.decimal, _): return "1"
            case (.date, .date(let day)?): return day.description
            case (.date, _): return today.description
            case (.boolean, _): return language == .en ? "true" : "是"
            case (.text, _):
                let candidates = ["示例", "A1", "1", "A", "a"]
                let regex = attribute.pattern.flatMap { try? NSRegularExpression(pattern: $0) }
                return candidates.first { text in
                    guard let regex else { return text.count <= (attribute.maxLength ?? .max) }
                    let range = NSRange(text.startIndex..., in: text)
                    return regex.firstMatch(in: text, options: [.anchored], range: range)?.range == range
                }
            case (.enumeration, _): return nil
            }
        }
    }
}
