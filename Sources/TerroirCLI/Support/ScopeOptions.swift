import ArgumentParser
import BrandStandards
import CatalogStore

/// What an API key or a person acts for: an officer's brands, a producer, a station's
/// villages; each checked against the store before anything is created.
struct ScopeOptions: ParsableArguments {
    @Option(name: .customLong("brand"), help: "officer: a brand it supervises (repeatable).") var brands: [String] = []
    @Option(help: "producer: its producer id.") var producer: String?
    @Option(name: .customLong("village"), help: "station: a village's administrative code (repeatable).") var villages: [String] = []

    /// The scope of a `role` (`officer`, `producer`, `station`; any other has none).
    /// - Throws: `CLIError` for a missing scope, an unpublished brand, an unknown
    ///   producer, a malformed administrative code.
    func scope(role: String, in catalog: CatalogStore) throws -> [String] {
        switch role {
        case "officer":
            guard !brands.isEmpty else { throw CLIError(zh: "officer 需要 --brand", en: "an officer needs --brand") }
            for brand in brands where try catalog.currentStandard(brand: brand) == nil {
                throw CLIError(message: StoreError.brandNotPublished(brand).message)
            }
            return brands
        case "producer":
            guard let producer else { throw CLIError(zh: "producer 需要 --producer", en: "a producer needs --producer") }
            guard try catalog.producer(id: producer) != nil else { throw CLIError(message: StoreError.producerNotFound(producer).message) }
            return [producer]
        case "station":
            guard !villages.isEmpty else { throw CLIError(zh: "station 需要 --village", en: "a station needs --village") }
            for village in villages where AdministrativeCode(village) == nil {
                throw CLIError(zh: "行政区划代码“\(village)”无效", en: "“\(village)” is not an administrative code")
            }
            return villages
        default:
            return []
        }
    }
}
