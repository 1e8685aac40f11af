import ArgumentParser
import CatalogStore
import Workflows

/// `terroir labels void BATCH --serials 120-180 --reason …`: labels that were spoiled
/// and must never pass as genuine.
struct LabelsVoidCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "void", abstract: "Void serials of a batch (a jammed roll, a misprint): the resolver then says \"voided\" (audited).")

    @Argument(help: "The batch id (as `labels list` shows it).") var batch: Int64
    @Option(help: "One serial or a range, such as 120-180.") var serials: String
    @Option(help: "Why, for the audit log.") var reason: String
    @OptionGroup var store: StoreOptions

    func run() throws {
        let result = try VoidLabels(store: store.open()).run(.init(batch: batch, serials: serials, reason: reason), as: store.operatorActor)
        print("批次 \(result.batch)：作废 \(result.voided) 个序号（\(result.serials)），之前已作废 \(result.alreadyVoided) 个")
        print("batch \(result.batch): \(result.voided) serial(s) voided (\(result.serials)), \(result.alreadyVoided) voided before")
    }
}
