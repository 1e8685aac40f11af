import ArgumentParser
import BrandStandards
import CatalogStore

/// `terroir keys create --role ROLE --name NAME [scope]`: prints the key once.
struct KeysCreateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create",
        abstract: "Create an API key; it is printed once and only its hash is kept.",
        discussion: """
        officer: --brand ID (repeatable), the brands it supervises. producer: --producer ID. \
        station: --village CODE (repeatable), the administrative codes of the villages it \
        serves. platform: no scope; it reads the catalog.
        """
    )

    @Option(help: "officer, producer, station or platform.") var role: APIRole
    @Option(help: "Who or what the key is for.") var name: String
    @Option(name: .customLong("brand"), help: "officer: a brand it supervises.") var brands: [String] = []
    @Option(help: "producer: its producer id.") var producer: String?
    @Option(name: .customLong("village"), help: "station: a village's administrative code.") var villages: [String] = []
    @OptionGroup var store: StoreOptions

    func run() throws {
        let catalog = try store.open()
        let scope: [String]
        switch role {
        case .officer:
            guard !brands.isEmpty else { throw CLIError(zh: "officer 密钥需要 --brand", en: "an officer key needs --brand") }
            for brand in brands where try catalog.currentStandard(brand: brand) == nil {
                throw CLIError(message: StoreError.brandNotPublished(brand).message)
            }
            scope = brands
        case .producer:
            guard let producer else { throw CLIError(zh: "producer 密钥需要 --producer", en: "a producer key needs --producer") }
            guard try catalog.producer(id: producer) != nil else { throw CLIError(message: StoreError.producerNotFound(producer).message) }
            scope = [producer]
        case .station:
            guard !villages.isEmpty else { throw CLIError(zh: "station 密钥需要 --village", en: "a station key needs --village") }
            for village in villages where AdministrativeCode(village) == nil {
                throw CLIError(zh: "行政区划代码“\(village)”无效", en: "“\(village)” is not an administrative code")
            }
            scope = villages
        case .platform:
            scope = []
        }
        let (key, token) = try catalog.createAPIKey(name: name, role: role, scope: scope, actor: store.actorName)
        print("key \(key.id) (\(role.rawValue), \(name)): \(token)")
        print("Keep it now: it is not shown again. / 请立即保存：密钥不会再次显示。")
    }
}
