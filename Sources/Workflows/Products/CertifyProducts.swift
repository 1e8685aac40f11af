import CatalogStore
import Measures
import ProductSpecs

/// Certifies compliant products (an officer's act, audited): the products named, or
/// every compliant product of a brand. A product that is not compliant, or whose
/// producer is not active, is refused with the reason; the others are certified.
public struct CertifyProducts: Workflow {
    public struct Request: Codable, Sendable, Equatable {
        public var ids: [Int64]
        /// Every compliant product of this brand, besides `ids`.
        public var allCompliantOf: String?

        public init(ids: [Int64] = [], allCompliantOf: String? = nil) {
            self.ids = ids
            self.allCompliantOf = allCompliantOf
        }
    }

    public struct Result: Codable, Sendable, Equatable {
        public struct Refusal: Codable, Sendable, Equatable {
            public var id: Int64
            public var reason: LocalizedText
        }

        public var certified: [Int64] = []
        public var alreadyCertified: [Int64] = []
        public var refused: [Refusal] = []
    }

    let store: any CatalogStoring

    public init(store: any CatalogStoring) {
        self.store = store
    }

    public func run(_ request: Request, as actor: Actor) throws(WorkflowError) -> Result {
        try AccessRules.require(actor, .certifyProducts)
        return try WorkflowError.catching {
            var targets: [Int64] = []
            // Every product named must exist and be within the actor's brands before any is certified.
            for id in request.ids {
                guard let stored = try store.product(reference: String(id)) else { throw StoreError.productNotFound(String(id)) }
                try AccessRules.check(actor, brand: stored.product.brandID)
                targets.append(stored.id)
            }
            if let brand = request.allCompliantOf {
                try AccessRules.check(actor, brand: brand)
                targets += try store.products(brand: brand, status: .compliant, producer: nil, limit: nil).map(\.id)
            }
            var result = Result()
            for outcome in try store.certify(ids: targets, actor: actor.name) {
                switch outcome {
                case .certified(let id): result.certified.append(id)
                case .alreadyCertified(let id): result.alreadyCertified.append(id)
                case .refused(let id, let reason): result.refused.append(.init(id: id, reason: reason))
                }
            }
            return result
        }
    }
}
