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
            if dryRun {
                try preview(standard, in: catalog)
                continue
            }
            switch try catalog.publish(standard, actor: store.actorName) {
            case .unchanged(let current):
                print("\(id): unchanged (version \(current.number), \(current.standard.version))")
            case .refused(let reason):
                print("\(id): not published: \(reason.en)\n    未发布：\(reason.zh)")
                if standard.status != .draft { failed = true }
            case .published(let published):
                print("\(id): published version \(published.number) (\(standard.version))")
                let today = CalendarDay.today()
                if today < standard.effective.from {
                    let current = try catalog.currentStandard(brand: id).map { "version \($0.number) (\($0.standard.version)) stays in force until then" }
                    print("  scheduled: in force from \(standard.effective.from)\(current.map { "; " + $0 } ?? "")")
                }
                for change in try catalog.applyStandardCalendar(today: today, actor: store.actorName) where change.brandID == id {
                    for transition in change.transitions {
                        print("  product \(transition.productID) \(transition.sku): \(transition.from.rawValue) → \(transition.to.rawValue)")
                    }
                    if change.closed == true { print("  the standard is retired or expired: its products left the catalog and no labels are issued") }
                }
            }
        }
        if failed { throw ExitCode(1) }
    }

    /// What publishing `standard` would do, writing nothing: every product of the
    /// brand, with the status it would move to and the findings that move it.
    private func preview(_ standard: BrandStandard, in catalog: CatalogStore) throws {
        let today = CalendarDay.today()
        let when = today < standard.effective.from ? "would be scheduled for \(standard.effective.from)" : "would be in force at once"
        print("\(standard.id): dry run of \(standard.version) (\(standard.status.rawValue)), \(when); nothing is written")
        var changing = 0
        for (stored, report, status) in try catalog.revalidationPreview(standard, today: today) {
            let from = stored.product.status
            let findings = report.findings.filter { $0.severity == .error }
            let reasons = findings.map { "\($0.code) \($0.field): \($0.message.en)" }.joined(separator: "; ")
            if status != from { changing += 1 }
            let change = status == from ? "\(from.rawValue) (unchanged)" : "\(from.rawValue) → \(status.rawValue)"
            print("  product \(stored.id) \(stored.product.sku): \(change)\(reasons.isEmpty ? "" : " — " + reasons)")
        }
        if CatalogStore.isClosed(standard, on: today) {
            print("  the standard is retired or expired: every product would leave the catalog and no labels would be issued")
        }
        print("\(standard.id): \(changing) product(s) would change status")
    }
}
