import ArgumentParser
import CatalogStore
import Measures
import ProductSpecs
import Workflows

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
        let result = try CertifyProducts(store: catalog).run(.init(ids: ids, allCompliantOf: allCompliant ? brand : nil), as: store.operatorActor)
        for id in result.alreadyCertified { print("product \(id): already certified") }
        for refusal in result.refused { print("product \(refusal.id): refused: \(refusal.reason.en)\n    \(refusal.reason.zh)") }
        print("\(result.certified.count) product(s) certified\(result.refused.isEmpty ? "" : ", \(result.refused.count) refused")")
        if !result.refused.isEmpty { throw ExitCode(1) }
    }
}
