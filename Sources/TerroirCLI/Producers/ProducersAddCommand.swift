import ArgumentParser
import CatalogStore
import Foundation
import ProductSpecs
import Measures
import Workflows

/// `terroir producers add`: registers one new producer under a brand. An id that is
/// taken is refused (`producer.exists`), as over HTTP: `producers update` changes one.
struct ProducersAddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Register one new producer under a brand.",
        discussion: "An existing id is refused; change a producer with `terroir producers update`."
    )

    @Option(help: "The producer's id (lowercase letters, digits, - and _).") var id: String
    @Option(help: "The brand it is authorised under.") var brand: String
    @Option(name: .customLong("name-zh"), help: "Its Chinese name.") var nameZh: String
    @Option(name: .customLong("name-en"), help: "Its English name.") var nameEn = ""
    @Option(help: "Its unified social credit code (18 characters).") var uscc: String
    @Option(name: .customLong("admin-code"), help: "Its administrative division code, inside the brand's region.") var adminCode: String
    @Option(help: "The categories it is authorised for, separated by commas.") var categories: String
    @Option(name: .customLong("valid-from"), help: "First day of authorisation (YYYY-MM-DD).") var validFrom: String?
    @Option(name: .customLong("valid-to"), help: "Last day of authorisation (YYYY-MM-DD).") var validTo: String?
    @OptionGroup var store: StoreOptions

    func run() throws {
        let catalog = try store.open()
        let request = RegisterProducer.Request(
            id: id, name: LocalizedText(zh: nameZh, en: nameEn), uscc: uscc, adminCode: adminCode,
            authorisations: [brand: categories.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }],
            validFrom: validFrom, validTo: validTo)
        do {
            _ = try RegisterProducer(store: catalog).run(request, as: store.operatorActor)
            print("producers: 1 added, 0 updated, 0 unchanged")
        } catch {
            guard error.code == "producer.exists" else { throw error }
            print("error[producer.exists] --id: producer “\(id)” already exists; nothing was changed (use terroir producers update \(id) to change it)")
            print("    生产者“\(id)”已存在，未做任何更改（修改请用 terroir producers update \(id)）")
            throw ExitCode(1)
        }
    }
}
