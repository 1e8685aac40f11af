import ArgumentParser
import CatalogStore
import DigitalLink
import Foundation
import Workflows

/// `terroir labels hand-off BATCH --out DIR`: locks a finished batch's code package for
/// the print shop.
struct LabelsHandOffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hand-off",
        abstract: "Hand a finished batch's code package (manifest.csv) to a print shop: locked, audited, not written into again until an officer unlocks it."
    )

    @Argument(help: "The batch id.") var batch: Int64
    @Option(help: "The batch's folder.") var out: String
    @OptionGroup var store: StoreOptions

    func run() throws {
        let folder = LabelBatchFolder(url: URL(fileURLWithPath: out, isDirectory: true))
        guard try folder.readInfo().batch == batch else { throw CLIError(zh: "\(out) 属于另一个批次", en: "\(out) holds another batch") }
        // The package handed off is the one on disk: every file there, as the manifest says.
        for entry in try folder.readManifest() {
            guard let data = FileManager.default.contents(atPath: folder.url.appendingPathComponent(entry.file).path),
                  Digests.sha256Hex(data) == entry.sha256 else {
                throw CLIError(zh: "\(entry.file) 缺失或与清单不符；请先运行 terroir labels verify \(out)",
                               en: "\(entry.file) is missing or differs from the manifest; run terroir labels verify \(out) first")
            }
        }
        guard let manifest = FileManager.default.contents(atPath: folder.url.appendingPathComponent(LabelBatchFolder.manifestFileName).path) else {
            throw CLIError(zh: "没有清单", en: "no manifest")
        }
        let result = try HandOffLabelBatch(store: store.open())
            .run(.init(batch: batch, manifestSHA256: Digests.sha256Hex(manifest)), as: store.operatorActor)
        let state = result.new ? "handed off and locked 已交付并锁定" : "already handed off with this manifest 已按此清单交付"
        print("batch \(batch): \(state) (\(result.handOff.at), \(result.handOff.by)); manifest.csv SHA-256 \(result.handOff.manifestSHA256)")
    }
}
