import CatalogStore

/// Unlocks a batch handed off, by an officer of its brand, with a reason, audited.
public struct UnlockLabelBatch: Workflow {
    public struct Request: Codable, Sendable, Equatable {
        public var batch: Int64
        public var reason: String

        public init(batch: Int64, reason: String) {
            self.batch = batch
            self.reason = reason
        }
    }

    public struct Result: Codable, Sendable, Equatable {
        /// The lock lifted; `nil` when the batch was not locked (nothing written).
        public var unlocked: LabelHandOff?
    }

    let store: any CatalogStoring

    public init(store: any CatalogStoring) {
        self.store = store
    }

    public func run(_ request: Request, as actor: Actor) throws(WorkflowError) -> Result {
        try AccessRules.require(actor, .unlockLabels)
        try WorkflowError.checkReason(request.reason)
        // Opening the batch holds an officer to the batch's brand.
        _ = try OpenLabelBatch.open(request.batch, store: store, actor: actor)
        return Result(unlocked: try WorkflowError.catching { try store.unlockLabelBatch(id: request.batch, reason: request.reason, actor: actor.name) })
    }
}
