import BrandStandards
import DigitalLink
import Foundation
import Measures
import ProductSpecs

/// The text each placeholder of a layout stands for on one product's labels:
/// `{name}` and `{name.zh}` its Chinese name, `{name.en}` its English one, `{producer}`,
/// `{origin}`, `{lot}`, `{gtin}`, `{price}`, `{outlet}`, `{standard_code}`, and each
/// attribute by id (an option by its name, a quantity as entered, except the net
/// content, in legal units). `{serial}` is filled per label.
public enum LabelFields {
    /// The placeholder filled per label.
    public static let serial = LabelRules.serialField
    /// The attribute printed in legal units.
    static let netContent = LabelRules.netContentField

    /// The values, by placeholder (with and without `.zh`/`.en`).
    public static func values(standard: BrandStandard, product: Product, producer: Producer, lot: String) -> [String: String] {
        var values: [String: String] = [:]
        func put(_ field: String, _ text: LocalizedText?) {
            guard let text else { return }
            values[field] = text.zh
            values[field + ".zh"] = text.zh
            values[field + ".en"] = text.en
        }
        put("name", product.name)
        put("producer", producer.name)
        put("producer_address", producer.address)
        put("origin", origin(of: product, in: standard))
        let category = standard.category(product.category)
        if let code = category?.standardCode { put("standard_code", LocalizedText(zh: code, en: code)) }
        if let outlet = product.outlet { put("outlet", LocalizedText(zh: outlet, en: outlet)) }
        if let gtin = product.gtin { put("gtin", LocalizedText(zh: gtin.digits, en: gtin.digits)) }
        if let price = product.price {
            let text = "¥" + price.formatted(.number.precision(.fractionLength(2)).grouping(.never))
            put("price", LocalizedText(zh: text, en: text))
        }
        put("lot", LocalizedText(zh: lot, en: lot))
        for attribute in product.attributes {
            put(attribute.id, text(of: attribute, in: category, standard: standard))
        }
        return values
    }

    /// Where the product comes from, in words: its village when the brand names one
    /// for its code, else the brand's region, else the code itself.
    public static func origin(of product: Product, in standard: BrandStandard) -> LocalizedText? {
        guard let code = product.origin else { return standard.region.name }
        if let village = standard.villages.first(where: { $0.code == code }) { return village.name }
        return standard.region.name ?? LocalizedText(zh: code.digits, en: code.digits)
    }

    /// The net content in grams, when the product states a mass: GB 7718 sets how
    /// tall its characters must be.
    public static func netContentGrams(of product: Product) -> Decimal? {
        AttributeValue.netContentGrams(in: product.attributes)
    }

    /// An attribute as a label prints it: an option by its name, the net content in
    /// legal units, anything else as entered.
    public static func text(of attribute: AttributeValue, in category: ProductCategory?, standard: BrandStandard) -> LocalizedText {
        if case .option(let id) = attribute.value, let option = category?.attribute(attribute.id)?.options.first(where: { $0.id == id }) {
            return option.name
        }
        if attribute.id == netContent, case .quantity(let quantity) = attribute.value, let legal = quantity.legalUnitText {
            // GB 7718: net content in legal units (5 kg, not 10斤); the text as
            // typed may follow in brackets where the standard allows it.
            let text = standard.labels.netContentAsEntered && attribute.entered != legal ? "\(legal)（\(attribute.entered)）" : legal
            return LocalizedText(zh: text, en: text)
        }
        return LocalizedText(zh: attribute.entered, en: attribute.entered)
    }
}
