import BrandStandards
import CatalogStore
import Measures
import ProductSpecs

/// Validates every product of a brand again against its standard in force (after a
/// producer lost a category, say), and stores what changed: a product that no longer
/// complies leaves the catalog, one that complies again becomes compliant (and awaits
/// certification). A product found as it was is left as it is.
public struct RevalidateProducts: Workflow {
    public struct Request: Codable, Sendable, Equatable {
        public var brand: String

        public init(brand: String) {
            self.brand = brand
        }
    }

    public struct Result: Codable, Sendable, Equatable {
        public var brand: String
        /// The store's number of the version the products were validated against.
        public var standardVersion: Int
        /// How many products were validated, and those whose status changed.
        public var validated: Int
        public var changes: [Change]
    }

    public struct Change: Codable, Sendable, Equatable {
        public var id: Int64
        public var sku: String
        public var from: ProductStatus
        public var to: ProductStatus
    }

    let store: any CatalogStoring

    public init(store: any CatalogStoring) {
        self.store = store
    }

    public func run(_ request: Request, as actor: Actor) throws(WorkflowError) -> Result {
        try AccessRules.require(actor, .revalidateProducts)
        try AccessRules.check(actor, brand: request.brand)
        return try WorkflowError.catching {
            guard let published = try store.currentStandard(brand: request.brand) else { throw StoreError.brandNotPublished(request.brand) }
            let count = try store.products(brand: request.brand, status: nil, producer: nil, limit: nil).count
            let transitions = try store.revalidate(brand: published, actor: actor.name, today: .today())
            return Result(brand: request.brand, standardVersion: published.number, validated: count,
                          changes: transitions.map { Change(id: $0.productID, sku: $0.sku, from: $0.from, to: $0.to) })
        }
    }
}
