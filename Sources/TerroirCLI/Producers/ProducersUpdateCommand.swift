import ArgumentParser
import BrandStandards
import CatalogStore
import Foundation
import Measures
import ProductSpecs

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
        let catalog = try store.open()
        guard let existing = try catalog.producer(id: id) else {
            throw CLIError(message: StoreError.producerNotFound(id).message)
        }
        guard let brandID = brand ?? existing.authorisations.keys.sorted().first else {
            throw CLIError(zh: "生产者“\(id)”没有任何品牌授权；请用 --brand 指定品牌", en: "producer “\(id)” is authorised under no brand; name one with --brand")
        }
        let published = try PublishedBrand.current(brandID, in: catalog)
        var fields = [
            "id": existing.id, "name_zh": existing.name.zh, "name_en": existing.name.en, "uscc": existing.uscc.text,
            "admin_code": existing.adminCode.digits, "categories": (existing.authorisations[brandID] ?? []).joined(separator: ";"),
        ]
        fields["address_zh"] = existing.address?.zh
        fields["address_en"] = existing.address?.en
        fields["valid_from"] = existing.validFrom?.description
        fields["valid_to"] = existing.validTo?.description
        let given: [(String, String?)] = [
            ("name_zh", nameZh), ("name_en", nameEn), ("uscc", uscc), ("admin_code", adminCode), ("address_zh", addressZh),
            ("address_en", addressEn), ("categories", categories?.replacingOccurrences(of: ",", with: ";")),
            ("valid_from", validFrom), ("valid_to", validTo),
        ]
        for case let (field, value?) in given { fields[field] = value }
        let checked = ProducerFileReader.check([fields], standard: published.standard) { "--" + $0.replacingOccurrences(of: "_", with: "-") }
        var producers = checked.producers
        if var producer = producers.first {
            // The check knows one brand; the others' authorisations are the stored ones.
            producer.authorisations = existing.authorisations.merging(producer.authorisations) { $1 }
            producers = [producer]
        }
        try ProducerRegistration.save(producers, rejected: checked.rejected, store: catalog, actor: store.actorName)
    }
}
