import DigitalLink
import Measures
import ProductSpecs

/// `--format gmc-xml`: a Google Merchant Center feed, RSS 2.0 with the `g:`
/// namespace. A full feed: a product missing from it is removed from the platform.
/// Products without a price cannot be listed there and are left out (counted in a
/// closing comment).
final class MerchantFeedFormat: CatalogFormatWriter {
    private var skipped = 0

    func begin(_ output: ExportOutput) throws {
        try output.write("""
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:g="http://base.google.com/ns/1.0">
            <channel>
            <title>Terroir certified catalog</title>
            <link>https://github.com/terroir</link>
            <description>Certified products of regional agricultural brands</description>

            """)
    }

    func write(_ entry: CatalogEntry, to output: ExportOutput) throws {
        guard let price = entry.priceText else {
            skipped += 1
            return
        }
        let product = entry.product
        let base = entry.resolverBase ?? "https://terroir.invalid"
        var item = "<item>\n"
        func element(_ name: String, _ value: String) { item += "<\(name)>\(XMLText.escape(value))</\(name)>\n" }
        element("g:id", "terroir-\(entry.id)")
        element("title", Self.truncated(product.name.en.isEmpty ? product.name.zh : "\(product.name.zh) / \(product.name.en)", to: 150))
        element("description", product.description ?? "\(entry.brandName.zh) \(entry.categoryName?.zh ?? product.category): \(product.name.zh)")
        element("link", entry.resolverURL ?? "\(base)/products/\(entry.id)")
        element("g:image_link", "\(base)/brand-mark.png")
        element("g:availability", product.availability.rawValue)
        element("g:price", "\(price) CNY")
        element("g:condition", "new")
        element("g:brand", entry.brandName.zh)
        if let gtin = product.gtin {
            element("g:gtin", gtin.digits)
        } else {
            element("g:identifier_exists", "no")
        }
        element("g:mpn", product.sku)
        element("g:product_type", entry.categoryName.map { "\($0.zh) / \($0.en)" } ?? product.category)
        if let content = entry.netContent, let unit = content.canonical.unit.merchantSymbol {
            element("g:unit_pricing_measure", "\(content.canonicalValue.plainText) \(unit)")
        }
        item += "</item>\n"
        try output.write(item)
    }

    func end(_ output: ExportOutput) throws {
        try output.write((skipped > 0 ? "<!-- \(skipped) product(s) without a price left out -->\n" : "") + "</channel>\n</rss>\n")
    }

    static func truncated(_ text: String, to limit: Int) -> String {
        text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
    }
}
