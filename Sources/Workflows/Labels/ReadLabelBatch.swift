import CatalogStore

/// A batch as issued, with what drawing its labels again needs.
public struct ReadLabelBatch: Workflow {
    public struct Request: Codable, Sendable, Equatable {
        public var batch: Int64

        public init(batch: Int64) {
            self.batch = batch
        }
    }

    public typealias Result = IssueLabelBatch.Result

    let store: any CatalogStoring

    public init(store: any CatalogStoring) {
        self.store = store
    }

    public func run(_ request: Request, as actor: Actor) throws(WorkflowError) -> IssueLabelBatch.Result {
        try AccessRules.require(actor, .readLabelBatch)
        return try OpenLabelBatch.open(request.batch, store: store, actor: actor)
    }
}
