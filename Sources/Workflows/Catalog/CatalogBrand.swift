import CatalogStore
import Measures

/// Which brand's catalog a reader reads: any brand for platforms and the operator,
/// only its own for an officer (its one brand when it names none), and a brand named
/// must have been published (an unknown brand is not an empty catalog, which a
/// platform would take for one whose products were all withdrawn; a closed brand's
/// catalog is empty, with its tombstones in the feed).
public enum CatalogBrand {
    /// - Throws: `WorkflowError`: `auth.forbidden` for an officer outside its brands,
    ///   `brand.not_found` for a brand never published.
    static func resolve(_ requested: String?, for actor: Actor, in store: any CatalogStoring) throws(WorkflowError) -> String? {
        guard let brand = try AccessRules.catalogBrand(requested, for: actor) else { return nil }
        try requirePublished(brand, in: store)
        return brand
    }

    /// That `brand` was published at least once: the rule every catalog reader shares
    /// (the server's catalog pages check it through their cache first).
    /// - Throws: `WorkflowError` `brand.not_found`, naming the published brands.
    public static func requirePublished(_ brand: String, in store: any CatalogStoring) throws(WorkflowError) {
        try WorkflowError.catching {
            guard try store.standardVersions(brand: brand).isEmpty else { return }
            let known = try store.currentStandards().map(\.brandID).joined(separator: ", ")
            throw WorkflowError(.notFound, "brand.not_found", zh: "没有已发布的品牌“\(brand)”（已发布：\(known.isEmpty ? "无" : known)）",
                                en: "no published brand “\(brand)” (published: \(known.isEmpty ? "none" : known))")
        }
    }
}
