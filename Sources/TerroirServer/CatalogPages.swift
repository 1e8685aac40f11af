import BrandStandards
import CatalogExport
import CatalogStore
import DigitalLink
import Foundation
import Hummingbird
import Labels
import Measures
import NIOCore
import ProductSpecs

extension ServerState {
    /// The public pages under a brand's resolver base that exports link to
    /// (`CatalogLinks`): a catalog product, a brand with its catalog, the brand mark.
    /// Small pages for phones, in Chinese and English.
    /// Blocks: on `StoreThreads`.
    func catalogPage(_ page: CatalogLinks.Page, context: ExportContext) throws -> Response {
        switch page {
        case .product(let id):
            guard let stored = try store.product(reference: String(id)), stored.exportable else {
                throw Problem.notFound("no product \(id) in the catalog", zh: "目录中没有产品 \(id)")
            }
            return Self.html(Self.productPage(context.entry(stored)))
        case .brand(let brand):
            guard let published = try store.currentStandard(brand: brand) else {
                throw Problem.notFound("no brand “\(brand)”", zh: "没有品牌“\(brand)”")
            }
            let products = try store.exportablePage(CatalogFilter(brand: brand), after: 0, limit: 200).map(context.entry)
            return Self.html(Self.brandPage(published.standard, products: products, base: context.resolverBase(brand: brand) ?? ""))
        case .mark(let brand):
            guard let standard = try store.currentStandard(brand: brand)?.standard,
                  let png = try? LabelJobBuilder(standard: standard, assets: configuration.assetsPath).markPNG() else {
                throw Problem.notFound("brand “\(brand)” has no mark", zh: "品牌“\(brand)”没有标志")
            }
            return Response(status: .ok, headers: [.contentType: "image/png", .cacheControl: "public, max-age=86400"],
                            body: .init(byteBuffer: ByteBuffer(bytes: png)))
        }
    }

    private static func html(_ text: String) -> Response {
        Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "public, max-age=300"],
                 body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    private static func document(title: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(ResolverPage.escaped(title))</title>
        <style>body{font-family:system-ui,'PingFang SC','Noto Sans CJK SC',sans-serif;margin:0;padding:1rem;max-width:40rem}
        table{border-collapse:collapse;width:100%}th{text-align:left;color:#555;padding:.4rem;width:35%;vertical-align:top}td{padding:.4rem}
        li{margin:.3rem 0}</style>
        </head><body>
        \(body)
        </body></html>

        """
    }

    static func productPage(_ entry: CatalogEntry) -> String {
        let product = entry.product, e = ResolverPage.escaped
        var rows: [(String, String)] = [
            ("品牌 Brand", "\(entry.brandName.zh) / \(entry.brandName.en) · 标准 standard \(entry.standardLabel)"),
            ("品类 Category", entry.categoryName.map { "\($0.zh) / \($0.en)" } ?? product.category),
            ("生产者 Producer", entry.producerName.map { "\($0.zh) / \($0.en)" } ?? product.producerID),
            ("产地 Origin", entry.placeName.map { "\($0.zh) / \($0.en)" } ?? (product.origin?.digits ?? "—")),
        ]
        for attribute in product.attributes {
            let name = entry.attributeNames[attribute.id].map { "\($0.zh) \($0.en)" } ?? attribute.id
            rows.append((name, attribute.entered))
        }
        if let price = entry.priceText { rows.append(("价格 Price", "¥\(price)")) }
        rows.append(("供货 Availability", product.availability.rawValue))
        if let gtin = product.gtin { rows.append(("GTIN", gtin.digits)) }
        let table = rows.map { "<tr><th>\(e($0.0))</th><td>\(e($0.1))</td></tr>" }.joined(separator: "\n")
        let mark = entry.resolverBase.map { "<img src=\"\(e(CatalogLinks.url(.mark(product.brandID), base: $0)))\" alt=\"\(e(entry.brandName.zh))\" width=\"64\" height=\"64\">" } ?? ""
        return document(title: "\(product.name.zh) · \(entry.brandName.zh)", body: """
            \(mark)<h1>\(e(product.name.zh))</h1><p>\(e(product.name.en))</p>
            <p>已认证 Certified</p>
            <table>
            \(table)
            </table>
            """)
    }

    static func brandPage(_ standard: BrandStandard, products: [CatalogEntry], base: String) -> String {
        let e = ResolverPage.escaped
        let items = products.map { entry in
            "<li><a href=\"\(e(CatalogLinks.url(.product(entry.id), base: base)))\">\(e(entry.product.name.zh))</a> \(e(entry.product.name.en))</li>"
        }.joined(separator: "\n")
        return document(title: "\(standard.name.zh) / \(standard.name.en)", body: """
            <img src="\(e(CatalogLinks.url(.mark(standard.id), base: base)))" alt="\(e(standard.name.zh))" width="96" height="96">
            <h1>\(e(standard.name.zh))</h1><p>\(e(standard.name.en))</p>
            <p>\(e(standard.owner.zh)) / \(e(standard.owner.en)) · 标准 standard \(e(standard.version))</p>
            <h2>认证产品 Certified products (\(products.count))</h2>
            <ul>
            \(items)
            </ul>
            """)
    }
}
