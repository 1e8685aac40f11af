import ArgumentParser
import CatalogStore
import Foundation
import Measures
import ProductSpecs

/// `terroir producers import FILE --brand ID`: many producers at once, all or none.
struct ProducersImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Register producers from YAML (a producers: list) or CSV, all or none."
    )

    @Argument(help: "A .yaml or .csv file of producers.") var file: String
    @Option(help: "The brand they are authorised under.") var brand: String
    @OptionGroup var store: StoreOptions

    func run() throws {
        let catalog = try store.open()
        let published = try PublishedBrand.current(brand, in: catalog)
        do {
            let (producers, rejected) = try ProducerFileReader.read(URL(fileURLWithPath: file), standard: published.standard)
            try ProducerRegistration.save(producers, rejected: rejected, store: catalog, actor: store.actorName)
        } catch let error as ImportFileError {
            print(ImportFileErrorText.render(error, file: file))
            throw ExitCode(1)
        }
    }
}
