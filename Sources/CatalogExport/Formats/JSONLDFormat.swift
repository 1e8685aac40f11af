import DigitalLink
import Measures
import ProductSpecs

/// `--format jsonld`: schema.org `Product`s with their `Offer` and `Brand`, as one
/// JSON-LD document with a `@graph`.
final class JSONLDFormat: CatalogFormatWriter {
    private var first = true

    func begin(_ output: ExportOutput) throws {
        try output.write("{\"@context\":\"https://schema.org\",\"@graph\":[\n")
    }

    func write(_ entry: CatalogEntry, to output: ExportOutput) throws {
        let product = entry.product
        var json = JSONBuilder()
        json.beginObject()
        json.string("@type", "Product")
        if let url = entry.resolverURL { json.string("@id", url) }
        json.string("name", product.name.zh)
        if !product.name.en.isEmpty { json.string("alternateName", product.name.en) }
        if let description = product.description { json.string("description", description) }
        json.string("sku", product.sku)
        if let gtin = product.gtin { json.string("gtin14", gtin.digits) }
        json.beginObject("brand")
        json.string("@type", "Brand")
        json.string("name", entry.brandName.zh)
        json.string("alternateName", entry.brandName.en)
        json.endObject()
        json.string("category", entry.categoryName?.en ?? product.category)
        json.beginObject("countryOfOrigin")
        json.string("@type", "Country")
        json.string("name", "CN")
        json.endObject()
        // schema.org's `weight` is a mass; a volume (500 ml of baijiu) is the
        // product's `size`. Other dimensions stay in additionalProperty only.
        let property: String? = switch entry.netContent?.dimension {
        case .mass?: "weight"
        case .volume?: "size"
        default: nil
        }
        if let content = entry.netContent, let property, let code = content.canonical.unit.unCEFACTCode {
            json.beginObject(property)
            json.string("@type", "QuantitativeValue")
            json.raw("value", content.canonicalValue.plainText)
            json.string("unitCode", code)
            json.endObject()
        }
        json.beginArray("additionalProperty")
        for attribute in product.attributes {
            json.beginObject()
            json.string("@type", "PropertyValue")
            json.string("propertyID", attribute.id)
            json.string("name", entry.attributeNames[attribute.id]?.en ?? attribute.id)
            if case .quantity(let quantity) = attribute.value {
                json.raw("value", quantity.canonicalValue.plainText)
                if let code = quantity.canonical.unit.unCEFACTCode { json.string("unitCode", code) } else { json.string("unitText", quantity.canonical.unit.symbol.en) }
            } else {
                json.string("value", attribute.canonicalText)
            }
            json.endObject()
        }
        json.endArray()
        if let price = entry.priceText {
            json.beginObject("offers")
            json.string("@type", "Offer")
            json.string("price", price)
            json.string("priceCurrency", "CNY")
            json.string("availability", Self.availability(product.availability))
            if let url = entry.resolverURL { json.string("url", url) }
            json.endObject()
        }
        json.endObject()
        if !first { try output.write(",\n") }
        try output.write(bytes: json.bytes)
        first = false
    }

    func end(_ output: ExportOutput) throws { try output.write("\n]}\n") }

    static func availability(_ availability: Availability) -> String {
        switch availability {
        case .inStock: "https://schema.org/InStock"
        case .outOfStock: "https://schema.org/OutOfStock"
        case .preorder: "https://schema.org/PreOrder"
        case .backorder: "https://schema.org/BackOrder"
        }
    }
}
