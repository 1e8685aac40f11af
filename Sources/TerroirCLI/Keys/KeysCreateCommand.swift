import ArgumentParser
import CatalogStore

/// `terroir keys create --role ROLE --name NAME [scope]`: prints the key once.
struct KeysCreateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create",
        abstract: "Create an API key; it is printed once and only its hash is kept.",
        discussion: """
        officer: --brand ID (repeatable), the brands it supervises. producer: --producer ID. \
        station: --village CODE (repeatable), the administrative codes of the villages it \
        serves. platform: no scope; it reads the catalog.
        """
    )

    @Option(help: "officer, producer, station or platform.") var role: APIRole
    @Option(help: "Who or what the key is for.") var name: String
    @OptionGroup var scope: ScopeOptions
    @OptionGroup var store: StoreOptions

    func run() throws {
        let catalog = try store.open()
        let scope = try scope.scope(role: role.rawValue, in: catalog)
        let (key, token) = try catalog.createAPIKey(name: name, role: role, scope: scope, actor: store.actorName)
        print("key \(key.id) (\(role.rawValue), \(name)): \(token)")
        print("Keep it now: it is not shown again. / 请立即保存：密钥不会再次显示。")
    }
}
