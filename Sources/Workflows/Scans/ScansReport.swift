import BrandStandards
import CatalogStore
import Measures

/// A brand's scans since a day, for its officers: people's scans and first scans
/// per product, lot and day, the scans of codes the brand did not issue
/// (counterfeit attempts, by kind), and consumers' reports of fakes.
public struct ScansReport: Workflow {
    public struct Request: Codable, Sendable, Equatable {
        public var brand: String
        /// The first day reported (UTC); every day when `nil`.
        public var since: CalendarDay?

        public init(brand: String, since: CalendarDay? = nil) {
            self.brand = brand
            self.since = since
        }
    }

    public typealias Result = ScanReport

    let store: any CatalogStoring

    public init(store: any CatalogStoring) {
        self.store = store
    }

    public func run(_ request: Request, as actor: Actor) throws(WorkflowError) -> ScanReport {
        try AccessRules.require(actor, .readScans)
        try AccessRules.check(actor, brand: request.brand)
        try CatalogBrand.requirePublished(request.brand, in: store)
        return try WorkflowError.catching { try store.scanReport(brand: request.brand, since: request.since?.description) }
    }
}
