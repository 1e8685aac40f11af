import ArgumentParser
import BrandStandards
import CatalogStore
import Foundation
import Measures
import ProductSpecs
import Workflows

/// `terroir producers update ID`: changes only the fields given, checked against the
/// standard of the brand whose authorisation it touches; every other field, and the
/// authorisations under other brands, stay as they are.
struct ProducersUpdateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "update",
        abstract: "Change some fields of a producer, keeping the others.",
        discussion: """
        Give --brand with --categories to authorise the producer for a brand (another brand's \
        authorisation is kept). An empty value (--valid-to "") clears an optional field.
        """
    )

    @Argument(help: "The producer's id.") var id: String
    @Option(help: "The brand whose standard checks the change (default: the producer's first brand).") var brand: String?
    @Option(name: .customLong("name-zh"), help: "Its Chinese name.") var nameZh: String?
    @Option(name: .customLong("name-en"), help: "Its English name.") var nameEn: String?
    @Option(help: "Its unified social credit code (18 characters).") var uscc: String?
    @Option(name: .customLong("admin-code"), help: "Its administrative division code.") var adminCode: String?
    @Option(name: .customLong("address-zh"), help: "Its address in Chinese.") var addressZh: String?
    @Option(name: .customLong("address-en"), help: "Its address in English.") var addressEn: String?
    @Option(help: "The categories it is authorised for under --brand, separated by commas.") var categories: String?
    @Option(name: .customLong("valid-from"), help: "First day of authorisation (YYYY-MM-DD).") var validFrom: String?
    @Option(name: .customLong("valid-to"), help: "Last day of authorisation (YYYY-MM-DD).") var validTo: String?
    @OptionGroup var store: StoreOptions

    func run() throws {
        let changes = UpdateProducer.Changes(
            brand: brand, nameZh: nameZh, nameEn: nameEn, uscc: uscc, adminCode: adminCode, addressZh: addressZh, addressEn: addressEn,
            categories: categories.map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty } },
            validFrom: validFrom, validTo: validTo)
        let result = try UpdateProducer(store: try store.open()).run(.init(id: id, changes: changes), as: store.operatorActor)
        print(result.changed ? "producers: 0 added, 1 updated, 0 unchanged" : "producers: 0 added, 0 updated, 1 unchanged (nothing was written)")
    }
}
