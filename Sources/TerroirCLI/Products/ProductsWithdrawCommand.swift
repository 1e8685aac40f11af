import ArgumentParser
import CatalogStore
import Workflows

/// `terroir products withdraw ID ...`: takes products off the catalog.
struct ProductsWithdrawCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "withdraw", abstract: "Withdraw products from the catalog (audited).")

    @Argument(help: "Product ids.") var ids: [Int64]
    @Option(help: "Why.") var reason: String?
    @OptionGroup var store: StoreOptions

    func run() throws {
        let result = try WithdrawProducts(store: store.open()).run(.init(ids: ids, reason: reason), as: store.operatorActor)
        print("\(result.withdrawn) product(s) withdrawn")
    }
}
