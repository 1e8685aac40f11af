import ArgumentParser
import CatalogStore

/// `terroir keys revoke ID`: the key stops working at once.
struct KeysRevokeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "revoke", abstract: "Revoke an API key (audited).")

    @Argument(help: "The key id.") var id: Int64
    @OptionGroup var store: StoreOptions

    func run() throws {
        guard try store.open().revokeAPIKey(id: id, actor: store.actorName) else {
            throw CLIError(zh: "没有有效的密钥 \(id)", en: "no live key \(id)")
        }
        print("key \(id) revoked / 密钥 \(id) 已吊销")
    }
}
