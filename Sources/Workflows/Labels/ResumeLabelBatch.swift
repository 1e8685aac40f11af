import CatalogStore

/// A batch cut short, to be finished by its front door: exactly its missing labels,
/// drawn as an uninterrupted run would have drawn them (the batch tool into its folder).
public struct ResumeLabelBatch: Workflow {
    public typealias Request = ReadLabelBatch.Request
    public typealias Result = IssueLabelBatch.Result

    let store: any CatalogStoring

    public init(store: any CatalogStoring) {
        self.store = store
    }

    public func run(_ request: Request, as actor: Actor) throws(WorkflowError) -> IssueLabelBatch.Result {
        try AccessRules.require(actor, .resumeLabelBatch)
        return try OpenLabelBatch.open(request.batch, store: store, actor: actor)
    }
}
