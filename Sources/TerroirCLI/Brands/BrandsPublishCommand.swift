import ArgumentParser
import BrandStandards
import CatalogStore
import Foundation
import Measures
import ProductSpecs
import Workflows

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

    @Flag(name: .customLong("dry-run"), help: "Say which products would change status, and why, writing nothing.")
    var dryRun = false

    @Option(help: "The folder of brands.")
    var brands = "Brands"

    @OptionGroup var store: StoreOptions

    func validate() throws {
        if ids.isEmpty && !all { throw ValidationError("name the brands to publish, or use --all") }
        if !ids.isEmpty && all { throw ValidationError("name brands or use --all, not both") }
    }

    func run() throws {
        let publish = PublishStandard(store: try store.open(), brands: brands)
        let targets = all ? BrandDirectory.entries(for: [brands]).entries.map { $0.url.deletingLastPathComponent().lastPathComponent } : ids
        var failed = false
        for id in targets {
            let result: PublishStandard.Result
            do throws(WorkflowError) {
                result = try publish.run(.init(brand: id, dryRun: dryRun), as: store.operatorActor)
            } catch {
                guard error.code == "standard.invalid" else { throw error }
                for diagnostic in error.diagnostics { print(DiagnosticText.render(diagnostic)) }
                print("\(id): not published: the standard has errors")
                failed = true
                continue
            }
            switch result.outcome {
            case .preview: printPreview(result)
            case .unchanged: print("\(id): unchanged (version \(result.number ?? 0), \(result.version))")
            case .refused:
                let reason = result.refusal ?? LocalizedText(zh: "", en: "")
                print("\(id): not published: \(reason.en)\n    未发布：\(reason.zh)")
                if result.status != StandardStatus.draft.rawValue { failed = true }
            case .published:
                print("\(id): published version \(result.number ?? 0) (\(result.version))")
                if let from = result.scheduledFrom {
                    let current = result.staysInForce.map { "; version \($0.number) (\($0.version)) stays in force until then" } ?? ""
                    print("  scheduled: in force from \(from)\(current)")
                }
                for change in result.products { print("  product \(change.id) \(change.sku): \(change.from.rawValue) → \(change.to.rawValue)") }
                if result.closed { print("  the standard is retired or expired: its products left the catalog and no labels are issued") }
            }
        }
        if failed { throw ExitCode(1) }
    }

    /// What publishing would do: every product of the brand, with the status it would
    /// move to and the findings that move it.
    private func printPreview(_ result: PublishStandard.Result) {
        let when = result.scheduledFrom.map { "would be scheduled for \($0)" } ?? "would be in force at once"
        print("\(result.brand): dry run of \(result.version) (\(result.status)), \(when); nothing is written")
        for change in result.products {
            let reasons = change.findings.map { "\($0.code) \($0.field): \($0.message.en)" }.joined(separator: "; ")
            let status = change.to == change.from ? "\(change.from.rawValue) (unchanged)" : "\(change.from.rawValue) → \(change.to.rawValue)"
            print("  product \(change.id) \(change.sku): \(status)\(reasons.isEmpty ? "" : " — " + reasons)")
        }
        if result.closed { print("  the standard is retired or expired: every product would leave the catalog and no labels would be issued") }
        print("\(result.brand): \(result.products.filter { $0.to != $0.from }.count) product(s) would change status")
    }
}
