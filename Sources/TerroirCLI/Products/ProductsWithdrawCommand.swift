import ArgumentParser
import CatalogStore

/// `terroir products withdraw ID ...`: takes products off the catalog.
struct ProductsWithdrawCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "withdraw", abstract: "Withdraw products from the catalog (audited).")

    @Argument(help: "Product ids.") var ids: [Int64]
    @Option(help: "Why.") var reason: String?
    @OptionGroup var store: StoreOptions

    func run() throws {
        let count = try store.open().withdraw(ids: ids, reason: reason, actor: store.actorName)
        print("\(count) product(s) withdrawn")
    }
}
