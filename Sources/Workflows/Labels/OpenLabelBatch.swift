import BrandStandards
import CatalogStore
import Labels
import Measures
import ProductSpecs

/// Opens an issued batch for someone whose scope covers its product: the batch, its
/// signing key, the job its labels are drawn with and the resolver their URIs are on.
/// Reading a batch (`ReadLabelBatch`) and finishing one cut short (`ResumeLabelBatch`)
/// differ only in who may.
enum OpenLabelBatch {
    /// - Throws: `WorkflowError`: `labels.batch_not_found`, `auth.forbidden`.
    static func open(_ id: Int64, store: any CatalogStoring, actor: Actor) throws(WorkflowError) -> IssueLabelBatch.Result {
        let notFound = WorkflowError(.notFound, "labels.batch_not_found", zh: "没有标签批次 \(id)", en: "no label batch \(id)")
        let (batch, key, published) = try WorkflowError.catching { () throws -> (LabelBatch, [UInt8], PublishedStandard) in
            guard let (batch, key) = try store.labelBatch(id: id), let stored = try store.product(reference: String(batch.productID)),
                  let producer = try store.producer(id: stored.product.producerID),
                  let published = try store.standard(brand: batch.brandID, number: batch.standardVersion) else { throw notFound }
            try AccessRules.check(actor, producer: producer, brand: batch.brandID)
            return (batch, key, published)
        }
        do throws(LabelError) {
            return IssueLabelBatch.Result(batch: batch, key: key, job: try LabelJob(storedJSON: batch.jobJSON), resolver: published.standard.resolver)
        } catch {
            throw WorkflowError(.failure, error.code, error.message)
        }
    }
}
