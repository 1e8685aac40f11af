import CatalogStore
import Foundation
import Measures
import ProductSpecs

/// Suspends, revokes or reinstates a producer, with a reason (an officer's acts, kept
/// in the producer's integrity record): its certified products leave or rejoin the
/// exportable catalog at once.
public struct ChangeProducerStatus: Workflow {
    public struct Request: Codable, Sendable, Equatable {
        public var producer: String
        public var status: ProducerStatus
        /// Why; needed to suspend or revoke.
        public var reason: String?

        public init(producer: String, status: ProducerStatus, reason: String?) {
            self.producer = producer
            self.status = status
            self.reason = reason
        }
    }

    public struct Result: Codable, Sendable, Equatable {
        public var producer: String
        public var status: ProducerStatus
        /// Certified products that left (or rejoined) the exportable catalog.
        public var affectedProducts: Int
    }

    let store: any CatalogStoring

    public init(store: any CatalogStoring) {
        self.store = store
    }

    public func run(_ request: Request, as actor: Actor) throws(WorkflowError) -> Result {
        let permission: Permission = switch request.status {
        case .suspended: .suspendProducer
        case .revoked: .revokeProducer
        case .active: .reinstateProducer
        }
        try AccessRules.require(actor, permission)
        try WorkflowError.checkReason(request.reason)
        if request.status != .active, request.reason?.trimmingCharacters(in: .whitespaces).isEmpty ?? true {
            throw WorkflowError(.invalid, "reason.missing", zh: "暂停或吊销生产者须说明理由", en: "suspending or revoking a producer needs a reason")
        }
        return try WorkflowError.catching {
            guard let producer = try store.producer(id: request.producer) else { throw StoreError.producerNotFound(request.producer) }
            try AccessRules.check(actor, producer: producer)
            let affected = try store.changeProducerStatus(id: producer.id, to: request.status, reason: request.reason, actor: actor.name)
            return Result(producer: producer.id, status: request.status, affectedProducts: affected)
        }
    }
}
