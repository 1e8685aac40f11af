import CatalogStore
import Measures
import ProductSpecs

/// Registers a new product, or replaces one (it keeps its brand, producer and sku),
/// when it meets its brand's current standard; a product that does not is refused
/// with its compliance report and nothing is written. A new product whose producer
/// already has the sku is refused (`product.exists`): replace that one instead.
public struct SaveProduct: Workflow {
    public struct Request: Codable, Sendable, Equatable {
        /// The product, as one object of the JSON import (with its `brand` when new).
        public var product: String
        /// The product it replaces; `nil` registers a new one.
        public var replacing: Int64?

        public init(product: String, replacing: Int64? = nil) {
            self.product = product
            self.replacing = replacing
        }
    }

    public struct Result: Codable, Sendable, Equatable {
        /// The product's id in the store.
        public var id: Int64
        public var created: Bool
    }

    let store: any CatalogStoring

    public init(store: any CatalogStoring) {
        self.store = store
    }

    public func run(_ request: Request, as actor: Actor) throws(WorkflowError) -> Result {
        try AccessRules.require(actor, .saveProducts)
        let existing = try request.replacing.map { id throws(WorkflowError) in try store.product(id, scopedTo: actor) }
        let draft = try ProductDraft(json: request.product, store: store, actor: actor, replacing: existing)
        let product = try draft.compliantProduct()
        return try WorkflowError.catching {
            if existing == nil, try store.product(reference: "\(draft.producer.id)/\(product.sku)") != nil {
                throw WorkflowError(.conflict, "product.exists", zh: "生产者“\(draft.producer.id)”已有货号“\(product.sku)”；请修改那个产品",
                                    en: "producer “\(draft.producer.id)” already has sku “\(product.sku)”; change that product instead")
            }
            _ = try store.importProducts(brand: draft.standard.brandID, standardVersion: draft.standard.number, actor: actor.name, source: "api") { writer in
                _ = try writer.upsert(product, report: draft.outcome.report)
                return true
            }
            guard let stored = try store.product(reference: "\(product.producerID)/\(product.sku)") else {
                throw StoreError.database("the saved product vanished")
            }
            return Result(id: stored.id, created: existing == nil)
        }
    }

}
