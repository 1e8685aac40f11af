import ArgumentParser
import BrandStandards
import CatalogStore
import Foundation
import Measures
import ProductSpecs

/// `terroir brands publish [ID ... | --all]`: stores a new version of each standard
/// that changed, then validates the brand's products against it.
struct BrandsPublishCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "publish",
        abstract: "Publish brand standards to the store; a standard that did not change stays as it is."
    )

    @Argument(help: "The brands to publish.")
    var ids: [String] = []

    @Flag(help: "Publish every brand in the brands folder.")
    var all = false

    @Option(help: "The folder of brands.")
    var brands = "Brands"

    @OptionGroup var store: StoreOptions

    func validate() throws {
        if ids.isEmpty && !all { throw ValidationError("name the brands to publish, or use --all") }
        if !ids.isEmpty && all { throw ValidationError("name brands or use --all, not both") }
    }

    func run() throws {
        let catalog = try store.open()
        let targets: [String]
        if all {
            targets = BrandDirectory.entries(for: [brands]).entries.map { $0.url.deletingLastPathComponent().lastPathComponent }
        } else {
            targets = ids
        }
        var failed = false
        for id in targets {
            guard let url = BrandDirectory.file(ofBrand: id, in: brands) else {
                throw CLIError(zh: "在 \(brands)/ 中找不到品牌“\(id)”", en: "no brand “\(id)” in \(brands)/")
            }
            let report = BrandLinter().lint(url, displayPath: "\(brands)/\(id)/\(BrandDirectory.standardFileName)")
            guard let standard = report.standard else {
                for diagnostic in report.diagnostics { print(DiagnosticText.render(diagnostic)) }
                print("\(id): not published: the standard has errors")
                failed = true
                continue
            }
            switch try catalog.publish(standard, actor: store.actorName) {
            case .unchanged(let current):
                print("\(id): unchanged (version \(current.number), \(current.standard.version))")
            case .published(let published):
                print("\(id): published version \(published.number) (\(standard.version))")
                for transition in try Revalidation.run(catalog, published: published, actor: store.actorName) {
                    print("  product \(transition.productID) \(transition.sku): \(transition.from.rawValue) → \(transition.to.rawValue)")
                }
            }
        }
        if failed { throw ExitCode(1) }
    }
}
