import ArgumentParser
import BrandStandards
import CatalogStore

/// `terroir brands versions ID`: every published version of a brand, with which one
/// is in force today and which are scheduled.
struct BrandsVersionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "versions", abstract: "List a brand's published versions and which is in force.")

    @Argument(help: "The brand.") var id: String
    @OptionGroup var store: StoreOptions

    func run() throws {
        let catalog = try store.open()
        let versions = try catalog.standardVersions(brand: id)
        guard !versions.isEmpty else { throw CLIError(message: StoreError.brandNotPublished(id).message) }
        let inForce = try catalog.currentStandard(brand: id)?.number
        let today = CalendarDay.today()
        for published in versions {
            let standard = published.standard
            let state = published.number == inForce ? (CatalogStore.isClosed(standard, on: today) ? "in force, closed 已失效" : "in force 现行")
                : today < standard.effective.from ? "scheduled 待生效" : "superseded 已替代"
            let period = "\(standard.effective.from) – \(standard.effective.to?.description ?? "")"
            print("\(published.number)  \(standard.version)  \(standard.status.rawValue)  effective \(period)  published \(published.publishedAt)  [\(state)]")
        }
    }
}
