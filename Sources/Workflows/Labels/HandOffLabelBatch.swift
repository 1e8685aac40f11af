import CatalogStore
import Measures

/// Hands a complete batch's code package to a print shop: its `manifest.csv` digest
/// is locked in the store, audited, and the batch is not written into again
/// (`ResumeLabelBatch` refuses) until an officer unlocks it (`UnlockLabelBatch`).
public struct HandOffLabelBatch: Workflow {
    public struct Request: Codable, Sendable, Equatable {
        public var batch: Int64
        /// The SHA-256 of the batch's `manifest.csv`, in hexadecimal.
        public var manifestSHA256: String

        public init(batch: Int64, manifestSHA256: String) {
            self.batch = batch
            self.manifestSHA256 = manifestSHA256
        }
    }

    public struct Result: Codable, Sendable, Equatable {
        public var handOff: LabelHandOff
        /// False when the batch was handed off with this manifest already.
        public var new: Bool
    }

    let store: any CatalogStoring

    public init(store: any CatalogStoring) {
        self.store = store
    }

    public func run(_ request: Request, as actor: Actor) throws(WorkflowError) -> Result {
        try AccessRules.require(actor, .handOffLabels)
        let opened = try OpenLabelBatch.open(request.batch, store: store, actor: actor)
        guard opened.batch.completedAt != nil else {
            throw WorkflowError(.conflict, "labels.incomplete", zh: "批次 \(request.batch) 尚未写完，不能交付；请先运行 terroir labels resume \(request.batch) --out DIR",
                                en: "batch \(request.batch) is not complete, so it cannot be handed off; run terroir labels resume \(request.batch) --out DIR first")
        }
        let (handOff, new) = try WorkflowError.catching {
            try store.handOffLabelBatch(id: request.batch, manifestSHA256: request.manifestSHA256, actor: actor.name)
        }
        return Result(handOff: handOff, new: new)
    }
}
