import CatalogStore
import Measures

/// The mark ledger of a brand's year: per producer and product, the labels issued,
/// printed, not yet printed, voided and scanned, and the scans of codes it did
/// not issue (counterfeit attempts), the figures a GI body reports each
/// year. For an officer of the brand.
public struct LedgerReport: Workflow {
    public struct Request: Codable, Sendable, Equatable {
        public var brand: String
        public var year: Int

        public init(brand: String, year: Int) {
            self.brand = brand
            self.year = year
        }
    }

    public struct Result: Codable, Sendable, Equatable {
        public var brand: String
        public var year: Int
        public var lines: [LedgerLine]
        /// Every line added up.
        public var total: Total
    }

    public struct Total: Codable, Sendable, Equatable {
        public var batches = 0, issued = 0, printed = 0, notPrinted = 0, voided = 0, scanned = 0, scans = 0, counterfeitAttempts = 0

        enum CodingKeys: String, CodingKey {
            case batches, issued, printed, notPrinted = "not_printed", voided, scanned, scans, counterfeitAttempts = "counterfeit_attempts"
        }
    }

    let store: any CatalogStoring

    public init(store: any CatalogStoring) {
        self.store = store
    }

    public func run(_ request: Request, as actor: Actor) throws(WorkflowError) -> Result {
        try AccessRules.require(actor, .readLedger)
        try AccessRules.check(actor, brand: request.brand)
        guard (2000...9999).contains(request.year) else {
            throw WorkflowError(.invalid, "year.invalid", zh: "年份应为四位数，如 2026（收到 \(request.year)）", en: "the year must have four digits, such as 2026 (got \(request.year))")
        }
        try CatalogBrand.requirePublished(request.brand, in: store)
        let lines = try WorkflowError.catching { try store.ledger(brand: request.brand, year: request.year) }
        var total = Total()
        for line in lines {
            total.batches += line.batches
            total.issued += line.issued
            total.printed += line.printed
            total.notPrinted += line.notPrinted
            total.voided += line.voided
            total.scanned += line.scanned
            total.scans += line.scans
            total.counterfeitAttempts += line.counterfeitAttempts
        }
        return Result(brand: request.brand, year: request.year, lines: lines, total: total)
    }
}
