import ArgumentParser
import BrandStandards
import CatalogStore
import Measures
import ProductSpecs

/// `terroir producers show ID`: one producer and its integrity record.
struct ProducersShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Show a producer and the history of its status.")

    @Argument(help: "The producer's id.") var id: String
    @Option(help: "Output format: text or json.") var format: OutputFormat = .text
    @OptionGroup var store: StoreOptions

    func run() throws {
        let catalog = try store.open()
        guard let producer = try catalog.producer(id: id) else { throw CLIError(message: StoreError.producerNotFound(id).message) }
        let history = try catalog.producerHistory(id: id)
        switch format {
        case .json:
            try JSONOutput.print(ProducerOutput(producer: producer, history: history.map {
                .init(from: $0.from?.rawValue, to: $0.to.rawValue, reason: $0.reason, actor: $0.actor, at: $0.at)
            }))
        case .text:
            print("\(producer.name.zh) / \(producer.name.en)  [\(producer.id)]")
            print("  状态 status:   \(producer.status.rawValue)\(producer.statusReason.map { " (\($0))" } ?? "")")
            print("  信用代码 USCC: \(producer.uscc)")
            print("  所在地 place:  \(producer.adminCode)")
            for (brand, categories) in producer.authorisations.sorted(by: { $0.key < $1.key }) {
                print("  授权 authorised: \(brand): \(categories.joined(separator: ", "))")
            }
            print("  有效期 valid:  \(producer.validFrom?.description ?? "…") – \(producer.validTo?.description ?? "…")")
            print("  诚信记录 integrity record:")
            for change in history {
                print("    \(change.at)  \(change.from?.rawValue ?? "—") → \(change.to.rawValue)  by \(change.actor)\(change.reason.map { ": \($0)" } ?? "")")
            }
        }
    }
}

struct ProducerOutput: Encodable {
    struct Change: Encodable {
        let from: String?
        let to: String
        let reason: String?
        let actor: String
        let at: String
    }

    let producer: Producer
    let history: [Change]
}
