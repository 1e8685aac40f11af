import BrandStandards
import CatalogStore
import DigitalLink
import Foundation
import Labels

/// Renders a batch into a folder with a progress bar and marks it complete: what
/// `generate` does after issuing, and what `resume` does again.
struct LabelBatchRun {
    let batch: LabelBatch
    let key: [UInt8]
    let job: LabelJob
    let resolver: String
    let out: String
    let jobs: Int?

    func perform(in catalog: CatalogStore) throws {
        let folder = LabelBatchFolder(url: URL(fileURLWithPath: out, isDirectory: true))
        let progress = ProgressBar("labels", total: batch.count)
        let start = Date()
        let (written, kept) = try LabelBatchWriter(
            batch: batch, key: key, job: job, resolver: resolver, folder: folder,
            workers: jobs ?? ProcessInfo.processInfo.activeProcessorCount
        ).run(progress: progress)
        progress.finish()
        try catalog.completeLabelBatch(id: batch.id)
        let seconds = Date().timeIntervalSince(start)
        let rate = seconds > 0 ? Int(Double(written) / seconds) : 0
        print("batch \(batch.id) complete in \(folder.url.path): \(written) label(s) written, \(kept) already there; "
            + "\(job.format.rawValue) \(job.size.id) at \(job.dpi) dpi, \(rate)/s; manifest: \(LabelBatchFolder.manifestFileName)")
    }
}
