import ArgumentParser
import CatalogStore
import Measures
import ProductSpecs

/// `terroir producers list`: the producers, with their status.
struct ProducersListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List producers.")

    @Option(help: "Only producers authorised under this brand.") var brand: String?
    @Option(help: "Output format: text or json.") var format: OutputFormat = .text
    @OptionGroup var store: StoreOptions

    func run() throws {
        let producers = try store.open().producers(brand: brand)
        switch format {
        case .json: try JSONOutput.print(producers)
        case .text:
            for producer in producers {
                let brands = producer.authorisations.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value.joined(separator: ", "))" }
                print("\(producer.id)  \(producer.status.rawValue)  \(producer.name.zh) / \(producer.name.en)  \(producer.uscc)  \(producer.adminCode)  [\(brands.joined(separator: "; "))]")
            }
            print("\(producers.count) producer(s)")
        }
    }
}
