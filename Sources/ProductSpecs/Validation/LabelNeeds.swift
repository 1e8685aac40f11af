import BrandStandards
import Foundation
import Measures

/// What a category's labels need from each of its products, worked out once per
/// validator from the standard: a product is certified only when its labels can be
/// drawn at every size the brand offers, with the fields they show and its net
/// content at least as tall as GB 7718 asks.
struct LabelNeeds {
    /// The category whose labels these are.
    let category: ProductCategory
    /// An attribute the labels show, with the sizes that show it.
    let attributes: [(id: String, sizes: [String])]
    /// Product fields the labels show that a product may lack.
    let fields: [(field: ProductInput.Field, sizes: [String])]
    /// Fields a layout shows that no product of the category can have (another
    /// category's attribute, or a standard code the category does not name).
    let unusable: [(field: String, size: String)]
    /// Per size showing the net content below the tallest height GB 7718 asks: the
    /// smallest character height it is set at.
    let netContentHeights: [(size: String, mm: Decimal)]

    /// `nil` when the category carries no labels, or the brand offers none.
    init?(category: ProductCategory, standard: BrandStandard) {
        let rules = standard.labels
        guard category.carriesLabels, !rules.sizes.isEmpty else { return nil }
        self.category = category
        let attributeIDs = Set(standard.categories.flatMap { $0.attributes.map(\.id) })
        var attributes: [(id: String, sizes: [String])] = [], fields: [(field: ProductInput.Field, sizes: [String])] = []
        var unusable: [(field: String, size: String)] = [], heights: [(size: String, mm: Decimal)] = []
        func need(_ field: String, size: String) {
            if category.attribute(field) != nil {
                if let index = attributes.firstIndex(where: { $0.id == field }) { attributes[index].sizes.append(size) } else { attributes.append((field, [size])) }
            } else if let product = Self.productField(field) {
                if let index = fields.firstIndex(where: { $0.field == product }) { fields[index].sizes.append(size) } else { fields.append((product, [size])) }
            } else if attributeIDs.contains(field) || (field == "standard_code" && category.standardCode == nil) {
                unusable.append((field, size))
            }
        }
        for size in rules.sizes {
            guard let layout = rules.layout(size.id, category: category.id) else { continue }
            for field in Set(rules.requiredFields(for: category) + layout.fields).sorted() where field != LabelRules.serialField { need(field, size: size.id) }
            let netContent = layout.elements.filter { $0.placeholders.contains(LabelRules.netContentField) }
            // A height no mass asks more than (6 mm) needs no check per product.
            if let smallest = netContent.map({ $0.sizeMM ?? rules.minTextHeightMM ?? 0 }).min(), smallest < NetContentHeight.tallestMM {
                heights.append((size.id, smallest))
            }
        }
        self.attributes = attributes
        self.fields = fields
        self.unusable = unusable
        netContentHeights = heights
    }

    /// The product fields a label can show that a product may leave out.
    private static func productField(_ name: String) -> ProductInput.Field? {
        switch name {
        case "gtin": .gtin
        case "price": .price
        case "outlet": .outlet
        default: nil
        }
    }

    /// Adds a finding for everything the product's labels need and it lacks.
    func check(_ input: ProductInput, attributes values: [AttributeValue], into findings: inout FindingList) {
        for (field, size) in unusable {
            findings.error("label.layout_unusable", "category", expected: "a layout for category \(category.id)", found: "{\(field)} at \(size)",
                           zh: "品牌的 \(size) 标签显示 {\(field)}，品类“\(category.id)”的产品没有此项，无法打印标签；需由品牌为该品类提供布局",
                           en: "the brand's \(size) labels show {\(field)}, which products of category “\(category.id)” do not have, so no label can be drawn; the brand must give the category its own layout")
        }
        // Only what was not given at all: a value given but unreadable has its own finding.
        for (id, sizes) in attributes where !values.contains(where: { $0.id == id }) && (input.attributes[id]?.trimmed ?? "").isEmpty {
            let name = category.attribute(id)?.name ?? LocalizedText(zh: id, en: id)
            findings.error("label.field_missing", id, expected: "a value the labels show", found: "",
                           zh: "标签（\(sizes.joined(separator: "、"))）需要显示“\(name.zh)”，产品未填写；填写后才能认证和打印标签",
                           en: "labels (\(sizes.joined(separator: ", "))) show “\(name.en)”, which the product does not state; it is needed for certification and labels")
        }
        for (field, sizes) in fields where input.field(field) == nil {
            findings.error("label.field_missing", field.name, expected: "a value the labels show", found: "",
                           zh: "标签（\(sizes.joined(separator: "、"))）需要显示 \(field.name)，产品未填写；填写后才能认证和打印标签",
                           en: "labels (\(sizes.joined(separator: ", "))) show the \(field.name), which the product does not state; it is needed for certification and labels")
        }
        guard !netContentHeights.isEmpty, let grams = AttributeValue.netContentGrams(in: values) else { return }
        let required = NetContentHeight.minimumMM(grams: grams)
        for (size, height) in netContentHeights where height < required {
            findings.error("label.net_content_too_small", LabelRules.netContentField, expected: "characters at least \(required.plainText) mm high",
                           found: "\(height.plainText) mm",
                           zh: "\(size) 标签上的净含量字高 \(height.plainText) mm，低于 GB 7718 对该净含量要求的 \(required.plainText) mm",
                           en: "the \(size) label prints the net content \(height.plainText) mm high; GB 7718 asks \(required.plainText) mm for this net content")
        }
    }
}
