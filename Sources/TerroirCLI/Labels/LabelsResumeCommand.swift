import ArgumentParser
import BrandStandards
import CatalogStore
import Foundation
import Labels

/// `terroir labels resume BATCH_ID --out DIR`: finishes a batch cut short.
struct LabelsResumeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resume",
        abstract: "Finish a batch cut short: write exactly the missing labels, identical to an uninterrupted run."
    )

    @Argument(help: "The batch id.") var batch: Int64
    @Option(help: "The batch's folder.") var out: String
    @Option(help: "Rendering threads (default: one per core).") var jobs: Int?
    @OptionGroup var store: StoreOptions

    func run() throws {
        let catalog = try store.open()
        guard let (batch, key) = try catalog.labelBatch(id: batch) else {
            throw CLIError(zh: "没有标签批次 \(self.batch)", en: "no label batch \(self.batch)")
        }
        let folder = LabelBatchFolder(url: URL(fileURLWithPath: out, isDirectory: true))
        if FileManager.default.fileExists(atPath: folder.url.appendingPathComponent(LabelBatchFolder.infoFileName).path),
           try folder.readInfo().batch != batch.id {
            throw CLIError(zh: "\(out) 属于另一个批次", en: "\(out) holds another batch")
        }
        guard let published = try catalog.standard(brand: batch.brandID, number: batch.standardVersion) else {
            throw CLIError(message: StoreError.brandNotPublished(batch.brandID).message)
        }
        let job = try LabelJob(storedJSON: batch.jobJSON)
        try LabelBatchRun(batch: batch, key: key, job: job, resolver: published.standard.resolver, out: out, jobs: jobs)
            .perform(in: catalog)
    }
}
