import BrandStandards
import CatalogStore
import Measures
import ProductSpecs

/// What exports need besides the products: each brand's current standard and the
/// producers' names, read once per export.
public struct ExportContext: Sendable {
    let standards: [String: PublishedStandard]
    let producers: [String: LocalizedText]
    /// A category's name and its attributes' names.
    private struct CategoryNames: Sendable {
        let name: LocalizedText
        let attributes: [String: LocalizedText]
    }

    /// Names by brand, then category id.
    private let categories: [String: [String: CategoryNames]]
    /// Resolver base URLs without a trailing slash, by brand.
    private let resolvers: [String: String]

    /// Reads the published standards and the producers from the store.
    public init(store: any CatalogStoring) throws {
        standards = Dictionary(uniqueKeysWithValues: try store.currentStandards().map { ($0.brandID, $0) })
        producers = Dictionary(uniqueKeysWithValues: try store.producers(brand: nil).map { ($0.id, $0.name) })
        categories = standards.mapValues { published in
            Dictionary(uniqueKeysWithValues: published.standard.categories.map { category in
                (category.id, CategoryNames(name: category.name, attributes: Dictionary(uniqueKeysWithValues: category.attributes.map { ($0.id, $0.name) })))
            })
        }
        resolvers = standards.mapValues { published in
            let resolver = published.standard.resolver
            return resolver.hasSuffix("/") ? String(resolver.dropLast()) : resolver
        }
    }

    /// A brand's resolver base URL, without a trailing slash.
    public func resolverBase(brand: String) -> String? { resolvers[brand] }

    /// The brands with a published standard, in id order.
    public var brandIDs: [String] { standards.keys.sorted() }

    /// A brand's current standard.
    public func standard(brand: String) -> BrandStandard? { standards[brand]?.standard }

    /// The export entry for a stored product.
    public func entry(_ stored: StoredProduct) -> CatalogEntry {
        let product = stored.product
        let standard = standards[product.brandID]?.standard
        let names = categories[product.brandID]?[product.category]
        return CatalogEntry(
            id: stored.id, product: product,
            brandName: standard?.name ?? LocalizedText(zh: product.brandID, en: product.brandID),
            standardNumber: stored.standardVersion, standardLabel: stored.report.standardVersion,
            compliant: stored.report.isCompliant, findings: stored.report.findings.count,
            categoryName: names?.name,
            placeName: product.origin.flatMap { placeName($0, in: standard) },
            producerName: producers[product.producerID],
            attributeNames: names?.attributes ?? [:],
            resolverBase: resolvers[product.brandID],
            updatedAt: stored.updatedAt,
            priceText: stored.priceText.map(CatalogEntry.twoDecimals)
        )
    }

    /// The name of a place: its village when the standard lists it, else the
    /// brand's region that contains it.
    private func placeName(_ code: AdministrativeCode, in standard: BrandStandard?) -> LocalizedText? {
        guard let standard else { return nil }
        if let village = standard.villages.first(where: { $0.code == code }) { return village.name }
        return standard.region.contains(code) ? standard.region.name : nil
    }
}
