import CatalogStore
import Measures
import ProductSpecs

/// Deletes a product (by its producer, its station, or an officer of its brand): the
/// change feed gives platforms a tombstone. A product with issued labels stays, so
/// that their scans still resolve (`product.has_labels`): withdraw it instead.
public struct DeleteProduct: Workflow {
    public struct Request: Codable, Sendable, Equatable {
        public var id: Int64

        public init(id: Int64) {
            self.id = id
        }
    }

    public struct Result: Codable, Sendable, Equatable {
        public var deleted: Int64
    }

    let store: any CatalogStoring

    public init(store: any CatalogStoring) {
        self.store = store
    }

    public func run(_ request: Request, as actor: Actor) throws(WorkflowError) -> Result {
        try AccessRules.require(actor, .deleteProduct)
        let stored = try store.product(request.id, scopedTo: actor)
        return try WorkflowError.catching {
            try store.deleteProduct(id: stored.id, actor: actor.name)
            return Result(deleted: stored.id)
        }
    }
}
