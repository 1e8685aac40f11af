import ArgumentParser
import CatalogExport
import CatalogStore
import Foundation

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

    func validate() throws {
        guard after >= 0 else { throw ValidationError("--after is a sequence number, 0 or more") }
        guard (1...100_000).contains(limit) else { throw ValidationError("--limit is between 1 and 100000") }
    }

    func run() throws {
        let exporter = try CatalogExporter(store: try store.open())
        let output = ExportOutput { bytes in FileHandle.standardOutput.write(Data(bytes)) }
        try exporter.writeChanges(after: after, limit: limit, brand: brand, to: output)
    }
}
