import ArgumentParser
import CatalogStore
import Workflows

/// `terroir products delete ID`: deletes a product that has no labels (audited; the
/// change feed keeps a tombstone). One with labels is withdrawn instead.
struct ProductsDeleteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delete", abstract: "Delete a product that has no labels (audited).",
        discussion: "A product with issued labels stays, so that its labels still resolve: use `terroir products withdraw`."
    )

    @Argument(help: "The product's id.") var id: Int64
    @OptionGroup var store: StoreOptions

    func run() throws {
        let result = try DeleteProduct(store: store.open()).run(.init(id: id), as: store.operatorActor)
        print("product \(result.deleted) deleted")
    }
}
