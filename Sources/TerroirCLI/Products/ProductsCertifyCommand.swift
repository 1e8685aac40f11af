import ArgumentParser
import CatalogStore
import Measures
import ProductSpecs

/// `terroir products certify ID ... | --all-compliant --brand ID`: an officer's act.
struct ProductsCertifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "certify",
        abstract: "Certify compliant products (an officer's act, audited)."
    )

    @Argument(help: "Product ids.") var ids: [Int64] = []
    @Flag(name: .customLong("all-compliant"), help: "Certify every compliant product of --brand.") var allCompliant = false
    @Option(help: "The brand, with --all-compliant.") var brand: String?
    @OptionGroup var store: StoreOptions

    func validate() throws {
        if allCompliant && brand == nil { throw ValidationError("--all-compliant needs --brand") }
        if ids.isEmpty && !allCompliant { throw ValidationError("name product ids, or use --all-compliant --brand ID") }
    }

    func run() throws {
        let catalog = try store.open()
        var targets = ids
        if allCompliant { targets += try catalog.products(brand: brand, status: .compliant).map(\.id) }
        var refused = 0, certified = 0
        for result in try catalog.certify(ids: targets, actor: store.actorName) {
            switch result {
            case .certified: certified += 1
            case .alreadyCertified(let id): print("product \(id): already certified")
            case .refused(let id, let reason):
                refused += 1
                print("product \(id): refused: \(reason.en)\n    \(reason.zh)")
            }
        }
        print("\(certified) product(s) certified\(refused > 0 ? ", \(refused) refused" : "")")
        if refused > 0 { throw ExitCode(1) }
    }
}
