import BrandStandards
import CatalogExport
import DigitalLink
import Foundation
import CatalogStore
import Measures
import ProductSpecs

/// A GS1 web vocabulary link type the resolver has links of.
enum ResolverLinkType: String, CaseIterable, Sendable {
    /// The verification page: the verdict on the scanned code, the product, its origin.
    case verificationService
    /// The product information page.
    case pip
    /// The brand's standard the product is certified under.
    case certificationInfo
    /// The village outlet that sells the product.
    case hasRetailers

    static let vocabulary = "https://gs1.org/voc/"

    /// `https://gs1.org/voc/pip`: the relation type in link sets and `Link` headers.
    var iri: String { Self.vocabulary + rawValue }

    /// A `linkType` parameter's type: `gs1:pip` or `https://gs1.org/voc/pip`
    /// (percent-encoded or not); `nil` for a type the resolver has no links of.
    init?(parameter: String) {
        let text = parameter.removingPercentEncoding ?? parameter
        let name = text.hasPrefix("gs1:") ? String(text.dropFirst(4)) : text.hasPrefix(Self.vocabulary) ? String(text.dropFirst(Self.vocabulary.count)) : ""
        self.init(rawValue: name)
    }
}

/// One link of an item.
struct ResolverLink: Sendable {
    let type: ResolverLinkType
    let href: String
    let title: LocalizedText
    let mediaType: String

    /// The link in a `Link` header (RFC 8288).
    var headerValue: String {
        "<\(href)>; rel=\"\(type.iri)\"; type=\"\(mediaType)\"; hreflang=\"zh\"; hreflang=\"en\""
    }

    /// The links of a product that do not depend on the scanned item: its catalog
    /// page (while it is certified), its brand's standard, its village shop.
    static func productLinks(_ product: ResolvableProduct) -> [ResolverLink] {
        let entry = product.entry
        var links: [ResolverLink] = []
        if product.stored.exportable {
            links.append(ResolverLink(type: .pip, href: CatalogLinks.url(.product(entry.id), base: product.base),
                                      title: LocalizedText(zh: "产品信息：\(entry.product.name.zh)", en: "Product information: \(entry.product.name.en)"),
                                      mediaType: "text/html"))
        }
        links.append(ResolverLink(type: .certificationInfo, href: CatalogLinks.url(.brand(entry.product.brandID), base: product.base),
                                  title: LocalizedText(zh: "品牌标准与认证目录：\(entry.brandName.zh)", en: "The brand's standard and certified catalog: \(entry.brandName.en)"),
                                  mediaType: "text/html"))
        if let shop = product.shop, let url = shop.url {
            links.append(ResolverLink(type: .hasRetailers, href: url,
                                      title: LocalizedText(zh: "购买：\(shop.name.zh)", en: "Buy at \(shop.name.en)"), mediaType: "text/html"))
        }
        return links
    }
}

/// The links the resolver has for one scanned item, on the brand's own resolver base:
/// what its link set lists, its `Link` header names and its redirects go to. Only
/// the verification page's link depends on the item; the product's other links are
/// made once per product (`ResolvableProduct.links`), not on every lookup.
struct ResolverLinks: Sendable {
    private let product: ResolvableProduct
    /// The item as scanned (without `linkType`), on the brand's base.
    private let item: DigitalLinkURI
    /// The verification page of the item, with the scanned query string (the
    /// signature, data attributes), so that following it checks what was scanned.
    let verification: ResolverLink
    /// Where a scan without a `linkType` goes.
    let defaultLink: ResolverLink
    /// The link set's own URI, with the scanned query string too.
    let linkset: String

    /// The path segment before `/01/` that names the verification page.
    static let verificationSegment = "verify"
    /// How a verification page's URI base ends.
    static let verificationSuffix = "/" + verificationSegment
    /// Whether a request path is a verification page's (`…/verify/01/…`).
    static func isVerificationPath(_ path: String) -> Bool {
        path.contains(verificationSuffix + "/01/")
    }
    /// The JSON-LD context of GS1 link sets.
    static let linksetContext = "https://ref.gs1.org/standards/resolver/linkset-context"

    /// The links of the item `uri` names, a `product` of a brand.
    init(uri: DigitalLinkURI, product: ResolvableProduct) {
        var item = uri
        item.base = product.base
        item.otherQuery = uri.otherQuery.filter { $0.name != "linkType" }
        self.item = item
        self.product = product
        let scanned = item.description
        verification = ResolverLink(type: .verificationService, href: product.base + "/" + Self.verificationSegment + scanned.dropFirst(product.base.utf8.count),
                                    title: LocalizedText(zh: "验证此标签：真伪、产品与产地", en: "Verify this label: genuine or not, the product and where it comes from"),
                                    mediaType: "text/html")
        let shop = product.rules.defaultLink == .shop ? product.links.first { $0.type == .hasRetailers } : nil
        defaultLink = shop ?? verification
        // On bytes: String's `contains` of a String is Foundation's, a percent of a lookup in `perf record`.
        linkset = scanned + (scanned.utf8.contains(UInt8(ascii: "?")) ? "&" : "?") + "linkType=linkset"
    }

    /// Every link of the item, the verification page first.
    var links: [ResolverLink] { [verification] + product.links }

    /// The item's URI on the brand's base, without a query string.
    var anchor: String {
        var bare = item
        bare.attributes = []
        bare.otherQuery = []
        return bare.description
    }

    var itemDescription: String {
        "\(product.entry.product.name.zh) / \(product.entry.product.name.en) · \(product.entry.brandName.zh)"
    }

    /// The link of `type`, when the item has one.
    func link(_ type: ResolverLinkType) -> ResolverLink? {
        links.first { $0.type == type }
    }

    /// Whether following the default link shows the verification page, which counts
    /// the scan itself.
    var defaultIsVerification: Bool { defaultLink.type == .verificationService }

    /// The RFC 9264 link set, as GS1's link set schema has it: every link once per
    /// language with its title and `hreflang`, the default link with its title only.
    var linksetJSON: String {
        var json = JSONBuilder(capacity: 2048)
        json.beginObject()
        json.beginArray("linkset")
        json.beginObject()
        json.string("anchor", anchor)
        json.string("itemDescription", itemDescription)
        json.beginArray(ResolverLinkType.vocabulary + "defaultLink")
        json.beginObject()
        json.string("href", defaultLink.href)
        json.string("title", "\(defaultLink.title.zh) / \(defaultLink.title.en)")
        json.endObject()
        json.endArray()
        for link in links {
            json.beginArray(link.type.iri)
            for (language, title) in [("zh", link.title.zh), ("en", link.title.en)] {
                json.beginObject()
                json.string("href", link.href)
                json.string("title", title)
                json.beginArray("hreflang")
                json.string(nil, language)
                json.endArray()
                json.string("type", link.mediaType)
                json.endObject()
            }
            json.endArray()
        }
        json.endObject()
        json.endArray()
        json.endObject()
        return json.text
    }

    /// The `Link` header of every answer about the item (RFC 8288): the link set, the
    /// default link and every other link, by relation type.
    var linkHeader: String {
        "<\(linkset)>; rel=\"linkset\"; type=\"application/linkset+json\", <\(defaultLink.href)>; rel=\"\(ResolverLinkType.vocabulary)defaultLink\", "
            + verification.headerValue + product.linkHeader
    }

    /// The link set answer's `Link` header: `linkHeader` and the JSON-LD context.
    var linksetHeader: String {
        linkHeader + ", <\(Self.linksetContext)>; rel=\"http://www.w3.org/ns/json-ld#context\"; type=\"application/ld+json\""
    }
}
