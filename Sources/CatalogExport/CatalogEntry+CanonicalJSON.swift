import BrandStandards
import DigitalLink
import Measures
import ProductSpecs

extension CatalogEntry {
    /// The product in Terroir's canonical JSON, keys in a fixed order (documented in
    /// the README's "Catalog JSON"): the form of `--format json`, NDJSON lines and
    /// the change feed.
    public func canonicalJSON() -> String {
        var bytes: [UInt8] = []
        appendCanonicalJSON(to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends the canonical JSON to `bytes`, in place (exports build straight into
    /// their output buffer).
    public func appendCanonicalJSON(to bytes: inout [UInt8]) {
        var json = JSONBuilder(capacity: 0)
        swap(&json.bytes, &bytes)
        defer { swap(&json.bytes, &bytes) }
        json.beginObject()
        json.raw("id", String(id))
        json.beginObject("brand")
        json.string("id", product.brandID)
        Self.localized(&json, "name", brandName)
        json.raw("standard_version", String(standardNumber))
        json.string("standard_label", standardLabel)
        json.endObject()
        json.string("status", product.status.rawValue)
        json.beginObject("compliance")
        json.raw("compliant", compliant ? "true" : "false")
        json.raw("findings", String(findings))
        json.endObject()
        json.string("gtin", product.gtin?.digits)
        json.string("sku", product.sku)
        Self.localized(&json, "name", product.name)
        json.string("description", product.description)
        json.beginObject("category")
        json.string("id", product.category)
        Self.localized(&json, "name", categoryName)
        json.endObject()
        json.beginObject("origin")
        json.string("code", product.origin?.digits)
        Self.localized(&json, "name", placeName)
        json.endObject()
        json.beginObject("producer")
        json.string("id", product.producerID)
        Self.localized(&json, "name", producerName)
        json.endObject()
        json.string("outlet", product.outlet)
        json.beginArray("attributes")
        for attribute in product.attributes {
            json.beginObject()
            json.string("id", attribute.id)
            Self.localized(&json, "name", attributeNames[attribute.id])
            json.string("entered", attribute.entered)
            json.string("value", attribute.canonicalText)
            json.string("unit", attribute.canonicalUnit?.id)
            json.endObject()
        }
        json.endArray()
        if let price = priceText {
            json.beginObject("price")
            json.string("amount", price)
            json.string("currency", "CNY")
            json.endObject()
        } else {
            json.raw("price", "null")
        }
        json.string("availability", product.availability.rawValue)
        json.string("resolver_url", resolverURL)
        json.string("updated_at", updatedAt)
        json.endObject()
    }

    static func localized(_ json: inout JSONBuilder, _ name: String, _ text: LocalizedText?) {
        guard let text else {
            json.raw(name, "null")
            return
        }
        json.beginObject(name)
        json.string("zh", text.zh)
        json.string("en", text.en)
        json.endObject()
    }
}
