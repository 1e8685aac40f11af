import ArgumentParser
import CatalogStore

/// `terroir keys list`: the keys, without their secrets.
struct KeysListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List API keys (never their secrets).")

    @OptionGroup var store: StoreOptions

    func run() throws {
        let keys = try store.open().apiKeys()
        if keys.isEmpty { return print("no API keys / 没有 API 密钥") }
        for key in keys {
            let state = key.revokedAt.map { "revoked \($0)" } ?? "live"
            print("key \(key.id)  \(key.role.rawValue)  \(key.name)  scope [\(key.scope.joined(separator: ", "))]  created \(key.createdAt)  \(state)")
        }
    }
}
