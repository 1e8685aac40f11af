import ArgumentParser
import BrandStandards
import CatalogStore
import Foundation
import Labels
import Workflows

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
        let opened = try ResumeLabelBatch(store: catalog).run(.init(batch: batch), as: store.operatorActor)
        let folder = LabelBatchFolder(url: URL(fileURLWithPath: out, isDirectory: true))
        if FileManager.default.fileExists(atPath: folder.url.appendingPathComponent(LabelBatchFolder.infoFileName).path),
           try folder.readInfo().batch != opened.batch.id {
            throw CLIError(zh: "\(out) 属于另一个批次", en: "\(out) holds another batch")
        }
        try LabelBatchRun(batch: opened.batch, key: opened.key, job: opened.job, resolver: opened.resolver, out: out, jobs: jobs)
            .perform(in: catalog)
    }
}
