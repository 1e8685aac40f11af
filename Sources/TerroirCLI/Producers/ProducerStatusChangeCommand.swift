import ArgumentParser
import CatalogStore
import Measures
import ProductSpecs
import Workflows

/// Suspends, revokes or reinstates a producer (the officer's acts), with a reason.
enum ProducerStatusChange {
    static func run(id: String, to status: ProducerStatus, reason: String?, store: StoreOptions) throws {
        let catalog = try store.open()
        let result = try ChangeProducerStatus(store: catalog).run(.init(producer: id, status: status, reason: reason), as: store.operatorActor)
        let verb = status == .active ? "rejoin" : "leave"
        print("\(id): \(status.rawValue); \(result.affectedProducts) certified product(s) \(verb) the exportable catalog")
    }
}

/// `terroir producers suspend ID --reason R`.
struct ProducersSuspendCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "suspend", abstract: "Suspend a producer: its products leave the catalog at once.")
    @Argument(help: "The producer's id.") var id: String
    @Option(help: "Why (kept in its integrity record).") var reason: String
    @OptionGroup var store: StoreOptions
    func run() throws { try ProducerStatusChange.run(id: id, to: .suspended, reason: reason, store: store) }
}

/// `terroir producers revoke ID --reason R`.
struct ProducersRevokeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "revoke", abstract: "Revoke a producer for good.")
    @Argument(help: "The producer's id.") var id: String
    @Option(help: "Why (kept in its integrity record).") var reason: String
    @OptionGroup var store: StoreOptions
    func run() throws { try ProducerStatusChange.run(id: id, to: .revoked, reason: reason, store: store) }
}

/// `terroir producers reinstate ID`.
struct ProducersReinstateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "reinstate", abstract: "Reinstate a suspended producer.")
    @Argument(help: "The producer's id.") var id: String
    @Option(help: "Why (kept in its integrity record).") var reason: String?
    @OptionGroup var store: StoreOptions
    func run() throws { try ProducerStatusChange.run(id: id, to: .active, reason: reason, store: store) }
}
