import DigitalLink
import Foundation
import Measures
import ProductSpecs

/// `--format gmc-xml`: a Google Merchant Center feed, RSS 2.0 with the `g:`
/// namespace. A full feed: a product missing from it is removed from the platform.
/// Every URL in it is one terroir-server answers (the resolver, the product and brand
/// pages, the mark). A product Merchant Center would refuse (no price; a preorder or
/// backorder, which needs an availability date Terroir does not keep) is left out,
/// with its reason, in a comment of the feed and in the exporter's summary.
final class MerchantFeedFormat: CatalogFormatWriter {
    private let channelLink: String?

    init(channelLink: String?) {
        self.channelLink = channelLink
    }

    func begin(_ output: ExportOutput) throws {
        try output.write("""
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:g="http://base.google.com/ns/1.0">
            <channel>
            <title>Terroir certified catalog</title>
            \(channelLink.map { "<link>\(XMLText.escape($0))</link>\n" } ?? "")<description>Certified products of regional agricultural brands</description>

            """)
    }

    func leftOutReason(_ entry: CatalogEntry) -> LocalizedText? {
        if entry.priceText == nil {
            return LocalizedText(zh: "没有价格：Merchant Center 的商品必须有价格", en: "no price: Merchant Center lists only products with a price")
        }
        if entry.resolverBase == nil {
            return LocalizedText(zh: "品牌没有解析器地址，商品没有可链接的页面", en: "the brand has no resolver base, so the product has no page to link to")
        }
        let availability = entry.product.availability
        if availability == .preorder || availability == .backorder {
            return LocalizedText(zh: "供货状态为 \(availability.rawValue)：Merchant Center 要求 availability_date，Terroir 尚不保存该日期",
                                 en: "availability is \(availability.rawValue): Merchant Center needs an availability_date, which Terroir does not keep yet")
        }
        return nil
    }

    func writeLeftOut(_ entry: CatalogEntry, reason: LocalizedText, to output: ExportOutput) throws {
        // `--` may not stand inside an XML comment.
        try output.write("<!-- left out: product \(entry.id): \(reason.en.replacingOccurrences(of: "--", with: "- -")) -->\n")
    }

    func write(_ entry: CatalogEntry, to output: ExportOutput) throws {
        guard let price = entry.priceText, let base = entry.resolverBase else { return }
        let product = entry.product
        var item = "<item>\n"
        func element(_ name: String, _ value: String) { item += "<\(name)>\(XMLText.escape(value))</\(name)>\n" }
        element("g:id", "terroir-\(entry.id)")
        element("title", Self.truncated(product.name.en.isEmpty ? product.name.zh : "\(product.name.zh) / \(product.name.en)", to: 150))
        element("description", product.description ?? "\(entry.brandName.zh) \(entry.categoryName?.zh ?? product.category): \(product.name.zh)")
        element("link", entry.resolverURL ?? CatalogLinks.url(.product(entry.id), base: base))
        element("g:image_link", CatalogLinks.url(.mark(product.brandID), base: base))
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
        try output.write("</channel>\n</rss>\n")
    }

    static func truncated(_ text: String, to limit: Int) -> String {
        text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
    }
}
