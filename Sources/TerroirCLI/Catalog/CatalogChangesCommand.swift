import ArgumentParser
import CatalogExport
import CatalogStore
import Foundation
import Workflows

/// `terroir catalog changes --after SEQ`: the change feed as NDJSON.
struct CatalogChangesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "changes",
        abstract: "Print the change feed after a sequence number as NDJSON: upserts and tombstones.",
        discussion: "Replaying the feed from 0 gives exactly the current exportable catalog."
    )

    @Option(help: "Print changes after this sequence number.") var after: Int64 = 0
    @Option(help: "At most this many changes.") var limit = 1000
    @Option(help: "Only this brand's changes.") var brand: String?
    @OptionGroup var store: StoreOptions

    func run() throws {
        let output = ExportOutput { bytes in FileHandle.standardOutput.write(Data(bytes)) }
        try FollowFeed(store: try store.open()).run(.init(after: after, limit: limit, brand: brand), as: store.operatorActor, to: output)
    }
}
