import ArgumentParser
import BrandStandards
import CatalogStore
import Foundation
import Workflows

/// The options of every command that touches the store.
struct StoreOptions: ParsableArguments {
    @Option(help: "The database file (default: $TERROIR_DB, else ./var/terroir.sqlite).")
    var db: String?

    @Option(help: "Who is acting, for the audit log (default: $TERROIR_ACTOR, else cli:$USER).")
    var actor: String?

    /// Opens the store, as an environment error (exit 2) when it cannot be opened, and
    /// brings its brands to the standards in force today (a scheduled version that
    /// came into force, a standard that expired), saying so on standard error.
    func open() throws -> CatalogStore {
        let store: CatalogStore
        do {
            store = try CatalogStore(path: db ?? CatalogStore.defaultPath)
        } catch {
            throw CLIError(message: error.message)
        }
        for change in try store.applyStandardCalendar(actor: actorName) {
            if let applied = change.appliedVersion {
                StandardError.write("\(change.brandID): version \(applied.number) (\(applied.standard.version)) is now in force; "
                    + "\(change.transitions.count) product(s) changed status\n")
            }
            if let closed = change.closed {
                StandardError.write("\(change.brandID): " + (closed ? "its standard is retired or expired: its products left the catalog and it issues no labels\n"
                    : "its standard is in force again: its certified products are back in the catalog\n"))
            }
        }
        return store
    }

    /// The actor the batch tool runs as: the store's local operator, by name.
    var operatorActor: Actor {
        .localOperator(name: actorName)
    }

    var actorName: String {
        if let actor { return actor }
        let environment = ProcessInfo.processInfo.environment
        return environment["TERROIR_ACTOR"] ?? "cli:\(environment["USER"] ?? ProcessInfo.processInfo.userName)"
    }
}
