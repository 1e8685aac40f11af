import ArgumentParser
import CatalogStore
import ProductSpecs
import Workflows

/// `terroir products revalidate --brand ID`: validates the brand's products again.
struct ProductsRevalidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "revalidate",
        abstract: "Validate a brand's products again against its standard in force, and store what changed (audited).",
        discussion: "Publishing a standard does this by itself; run it after a producer's authorisation changed."
    )

    @Option(help: "The brand.") var brand: String
    @OptionGroup var store: StoreOptions

    func run() throws {
        let result = try RevalidateProducts(store: store.open()).run(.init(brand: brand), as: store.operatorActor)
        for change in result.changes { print("  product \(change.id) \(change.sku): \(change.from.rawValue) → \(change.to.rawValue)") }
        print("\(brand): \(result.validated) product(s) validated against version \(result.standardVersion), \(result.changes.count) changed status")
    }
}
