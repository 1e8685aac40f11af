import ArgumentParser
import CatalogStore
import Measures
import ProductSpecs

/// `terroir products list`: products with their status.
struct ProductsListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List products.")

    @Option(help: "Only this brand's products.") var brand: String?
    @Option(help: "Only products with this status (draft, compliant, non_compliant, certified, withdrawn).") var status: String?
    @Option(help: "Only this producer's products.") var producer: String?
    @Option(help: "Output format: text or json.") var format: OutputFormat = .text
    @OptionGroup var store: StoreOptions

    func validate() throws {
        if let status, ProductStatus(rawValue: status) == nil {
            throw ValidationError("unknown status “\(status)”; one of: \(ProductStatus.allCases.map(\.rawValue).joined(separator: ", "))")
        }
    }

    func run() throws {
        let products = try store.open().products(brand: brand, status: status.flatMap(ProductStatus.init(rawValue:)), producer: producer)
        switch format {
        case .json: try JSONOutput.print(products.map(ProductOutput.init))
        case .text:
            for stored in products {
                let product = stored.product
                let flag = stored.exportable ? "  exportable" : ""
                print("\(stored.id)  \(product.brandID)  \(product.producerID)/\(product.sku)  \(product.category)  \(product.name.zh)  \(product.status.rawValue)\(flag)")
            }
            print("\(products.count) product(s)")
        }
    }
}
