import ArgumentParser
import CatalogStore
import Measures

/// `terroir audit verify`: recomputes the audit chain from its first entry and names
/// the first entry that does not match (exit 1).
struct AuditVerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check that no audit entry was changed, inserted or removed.",
        discussion: "Exit 1 naming the first entry that does not match its hash or the entry before it."
    )

    @OptionGroup var store: StoreOptions

    func run() throws {
        let (checked, broken) = try store.open().verifyAuditChain()
        if let broken {
            print("audit chain broken at entry \(broken.entryID): \(broken.reason.en)\n    \(broken.reason.zh)")
            print("\(checked) entr\(checked == 1 ? "y" : "ies") before it match")
            throw ExitCode(1)
        }
        print("audit chain intact: \(checked) entr\(checked == 1 ? "y" : "ies") checked")
    }
}
