import CatalogStore
import Measures
import ProductSpecs

/// Withdraws products from the catalog (by their producer, its station, or an officer
/// of their brand), with a reason, audited: the change feed gives platforms a
/// tombstone for each. A product already withdrawn is left as it is.
public struct WithdrawProducts: Workflow {
    public struct Request: Codable, Sendable, Equatable {
        public var ids: [Int64]
        public var reason: String?

        public init(ids: [Int64], reason: String?) {
            self.ids = ids
            self.reason = reason
        }
    }

    public struct Result: Codable, Sendable, Equatable {
        /// How many were withdrawn now.
        public var withdrawn: Int
    }

    let store: any CatalogStoring

    public init(store: any CatalogStoring) {
        self.store = store
    }

    public func run(_ request: Request, as actor: Actor) throws(WorkflowError) -> Result {
        try AccessRules.require(actor, .withdrawProducts)
        try WorkflowError.checkReason(request.reason)
        // Every product named must exist and be the actor's before any is withdrawn.
        for id in request.ids { _ = try store.product(id, scopedTo: actor) }
        return try WorkflowError.catching {
            Result(withdrawn: try store.withdraw(ids: request.ids, reason: request.reason, actor: actor.name))
        }
    }
}
