import BrandStandards
import CatalogExport
import CatalogStore
import Labels
import Measures
import ProductSpecs

/// A product as the resolver answers for it: the stored product, its catalog entry
/// and the entry's canonical JSON (made once, not on every scan), with what its
/// brand's standard says about resolving and the village shop it may send people to.
struct ResolvableProduct: Sendable {
    let stored: StoredProduct
    let entry: CatalogEntry
    let json: String
    let rules: ResolverRules
    /// The brand's resolver base URL, without a trailing slash: where every link points.
    let base: String
    /// The product's village outlet with a web address, when it has one.
    let shop: Outlet?
    /// The net content and the grade as its labels print them (legal units, the
    /// grade's name), when it has them.
    let netContent: LocalizedText?
    let grade: LocalizedText?
    /// Its links that do not depend on the scanned item, and their part of the `Link` header.
    private(set) var links: [ResolverLink] = []
    private(set) var linkHeader = ""

    init(stored: StoredProduct, context: ExportContext) {
        let entry = context.entry(stored)
        let standard = context.standard(brand: stored.product.brandID)
        self.stored = stored
        self.entry = entry
        json = entry.canonicalJSON()
        rules = standard?.resolverRules ?? .standard
        base = context.resolverBase(brand: stored.product.brandID) ?? ""
        let category = standard?.category(stored.product.category)
        func printed(_ id: String) -> LocalizedText? {
            guard let attribute = stored.product.attribute(id) else { return nil }
            return standard.map { LabelFields.text(of: attribute, in: category, standard: $0) } ?? LocalizedText(zh: attribute.entered, en: attribute.entered)
        }
        netContent = printed("net_content")
        grade = printed("grade")
        let origin = stored.product.origin
        shop = standard?.villages.first { village in
            village.outlet?.url != nil && (village.code == origin || village.outlet?.name.zh == stored.product.outlet)
        }?.outlet
        links = ResolverLink.productLinks(self)
        linkHeader = links.map { ", " + $0.headerValue }.joined()
    }
}

/// What a serial scanned with a GTIN, lot and signature is.
enum SerialCheck: Sendable, Equatable {
    /// Issued by a batch of this GTIN and lot, which signs it so.
    case issued(IssuedSerial)
    /// Not issued as scanned.
    case counterfeit(CounterfeitKind)
}
