import ArgumentParser
import CatalogStore
import Measures
import ProductSpecs

/// `terroir products show ID`: one product with its attributes and compliance report.
struct ProductsShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show a product and its compliance report.")

    @Argument(help: "The product's id, or producer/sku.") var reference: String
    @Option(help: "Output format: text or json.") var format: OutputFormat = .text
    @OptionGroup var store: StoreOptions

    func run() throws {
        guard let stored = try store.open().product(reference: reference) else {
            throw CLIError(message: StoreError.productNotFound(reference).message)
        }
        switch format {
        case .json: try JSONOutput.print(ProductOutput(stored))
        case .text:
            let product = stored.product
            print("\(product.name.zh) / \(product.name.en)  [\(stored.id): \(product.producerID)/\(product.sku)]")
            print("  品牌 brand:    \(product.brandID) (standard version \(stored.standardVersion), \(stored.report.standardVersion))")
            print("  品类 category: \(product.category)")
            print("  状态 status:   \(product.status.rawValue)\(stored.exportable ? ", exportable" : "")")
            if let gtin = product.gtin { print("  GTIN:          \(gtin)") }
            if let origin = product.origin { print("  产地 origin:   \(origin)") }
            for attribute in product.attributes {
                var canonical = ""
                if case .quantity(let quantity) = attribute.value, quantity.unit != quantity.canonical.unit {
                    canonical = " = \(quantity.canonical.formatted(.en))"
                }
                print("  - \(attribute.id): \(attribute.entered)\(canonical)")
            }
            if stored.report.findings.isEmpty { print("  合规 compliance: no findings") }
            for finding in stored.report.findings { print(FindingText.render(finding, row: "  ")) }
        }
    }
}
