import ArgumentParser
import CatalogStore
import Foundation

/// The options of every command that touches the store.
struct StoreOptions: ParsableArguments {
    @Option(help: "The database file (default: $TERROIR_DB, else ./var/terroir.sqlite).")
    var db: String?

    @Option(help: "Who is acting, for the audit log (default: $TERROIR_ACTOR, else cli:$USER).")
    var actor: String?

    /// Opens the store, as an environment error (exit 2) when it cannot be opened.
    func open() throws -> CatalogStore {
        do {
            return try CatalogStore(path: db ?? CatalogStore.defaultPath)
        } catch {
            throw CLIError(message: error.message)
        }
    }

    var actorName: String {
        if let actor { return actor }
        let environment = ProcessInfo.processInfo.environment
        return environment["TERROIR_ACTOR"] ?? "cli:\(environment["USER"] ?? ProcessInfo.processInfo.userName)"
    }
}
