import BrandStandards
import CatalogExport
import CatalogStore
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
    /// The version of the standard the brand has in force.
    let standardLabel: String

    init(stored: StoredProduct, context: ExportContext) {
        let entry = context.entry(stored)
        let standard = context.standard(brand: stored.product.brandID)
        self.stored = stored
        self.entry = entry
        json = entry.canonicalJSON()
        rules = standard?.resolverRules ?? .standard
        base = context.resolverBase(brand: stored.product.brandID) ?? ""
        standardLabel = standard?.version ?? ""
        let origin = stored.product.origin
        shop = standard?.villages.first { village in
            village.outlet?.url != nil && (village.code == origin || village.outlet?.name.zh == stored.product.outlet)
        }?.outlet
    }
}

/// What a serial scanned with a GTIN, lot and signature is.
enum SerialCheck: Sendable, Equatable {
    /// Issued by a batch of this GTIN and lot, which signs it so.
    case issued(IssuedSerial)
    /// Not issued as scanned.
    case counterfeit(CounterfeitKind)
}
