import CatalogStore

/// A batch cut short, to be finished by its front door: exactly its missing labels,
/// drawn as an uninterrupted run would have drawn them (the batch tool into its folder).
/// Refused while the batch is handed off (`HandOffLabelBatch`).
public struct ResumeLabelBatch: Workflow {
    public typealias Request = ReadLabelBatch.Request
    public typealias Result = IssueLabelBatch.Result

    let store: any CatalogStoring

    public init(store: any CatalogStoring) {
        self.store = store
    }

    public func run(_ request: Request, as actor: Actor) throws(WorkflowError) -> IssueLabelBatch.Result {
        try AccessRules.require(actor, .resumeLabelBatch)
        let opened = try OpenLabelBatch.open(request.batch, store: store, actor: actor)
        // A package handed to a print shop is not written into again until an officer unlocks it.
        if let locked = try WorkflowError.catching({ try store.labelHandOff(batchID: request.batch) }) {
            throw WorkflowError(StoreError.labelBatchHandedOff(batch: request.batch, at: locked.at))
        }
        return opened
    }
}
