import ArgumentParser
import CatalogStore
import Workflows

/// `terroir labels unlock BATCH --reason …`: lifts a hand-off's lock (an officer's act).
struct LabelsUnlockCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "unlock", abstract: "Unlock a batch handed off (an officer, with a reason; audited).")

    @Argument(help: "The batch id.") var batch: Int64
    @Option(help: "Why, for the audit log.") var reason: String
    @OptionGroup var store: StoreOptions

    func run() throws {
        let result = try UnlockLabelBatch(store: store.open()).run(.init(batch: batch, reason: reason), as: store.operatorActor)
        if let lock = result.unlocked {
            print("batch \(batch) unlocked 已解锁 (handed off \(lock.at) by \(lock.by))")
        } else {
            print("batch \(batch) was not locked 未锁定: nothing changed")
        }
    }
}
