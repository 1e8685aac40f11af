import BrandStandards
import CatalogStore
import ProductSpecs

/// Validates a brand's stored products again against a newly published version and
/// stores what changed.
enum Revalidation {
    static func run(_ store: CatalogStore, published: PublishedStandard, actor: String) throws -> [StatusTransition] {
        let producers = Dictionary(uniqueKeysWithValues: try store.producers().map { ($0.id, $0) })
        let validator = ProductValidator(standard: published.standard, today: .today()) { producers[$0] }
        let results = try store.products(brand: published.brandID).map { stored in
            (id: stored.id, report: validator.validate(ProductInput(product: stored.product)).report)
        }
        return try store.applyRevalidation(results, standardVersion: published.number, actor: actor)
    }
}
