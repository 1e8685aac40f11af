import CatalogStore
import ProductSpecs

extension CatalogStoring {
    /// A product the actor's scope covers (its producer's, its station's, or its
    /// brand's officer's).
    /// - Throws: `WorkflowError`: `product.not_found`, or `auth.forbidden` outside the scope.
    public func product(_ id: Int64, scopedTo actor: Actor) throws(WorkflowError) -> StoredProduct {
        try WorkflowError.catching {
            guard let stored = try product(reference: String(id)) else { throw StoreError.productNotFound(String(id)) }
            guard let producer = try producer(id: stored.product.producerID) else { throw StoreError.producerNotFound(stored.product.producerID) }
            try AccessRules.check(actor, producer: producer, brand: stored.product.brandID)
            return stored
        }
    }
}
