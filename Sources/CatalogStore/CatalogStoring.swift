import BrandStandards
import DigitalLink
import Measures
import ProductSpecs

/// The store's public API: what Workflows, the export and the front doors use, in the
/// domain's own types (no SQL, no database handle crosses it). `CatalogStore` is the
/// embedded SQLite implementation; a second (PostgreSQL, in “Past one machine”) sits
/// behind the same requirements, with the same rules: every write one transaction,
/// audited; serial ranges allocated atomically and never reused; the change log's
/// sequence strictly increasing. Calls block: front doors that must not block make
/// them on threads of their own (`StoreThreads` in the server).
public protocol CatalogStoring: AnyObject, Sendable {
    // Standards
    func publish(_ standard: BrandStandard, actor: String) throws -> PublishOutcome
    func currentStandard(brand: String) throws -> PublishedStandard?
    func currentStandards() throws -> [PublishedStandard]
    func standardVersions(brand: String) throws -> [PublishedStandard]
    func standard(brand: String, number: Int) throws -> PublishedStandard?
    func applyStandardCalendar(today: CalendarDay, actor: String) throws -> [StandardCalendarChange]
    func revalidate(brand published: PublishedStandard, actor: String, today: CalendarDay) throws -> [StatusTransition]
    func revalidationPreview(_ standard: BrandStandard, today: CalendarDay) throws
        -> [(product: StoredProduct, report: ComplianceReport, status: ProductStatus)]

    // Producers
    func saveProducers(_ producers: [Producer], actor: String) throws -> (added: Int, updated: Int, unchanged: Int)
    func producer(id: String) throws -> Producer?
    func producers(brand: String?) throws -> [Producer]
    func changeProducerStatus(id: String, to status: ProducerStatus, reason: String?, actor: String) throws -> Int
    func producerHistory(id: String) throws -> [ProducerStatusChange]

    // Products
    func importProducts(brand: String, standardVersion: Int, actor: String, source: String,
                        _ body: (any ProductWriting) throws -> Bool) throws -> (writer: any ProductWriting, committed: Bool)
    func products(brand: String?, status: ProductStatus?, producer: String?, limit: Int?) throws -> [StoredProduct]
    func products(gtin: GTIN) throws -> [StoredProduct]
    func product(reference: String) throws -> StoredProduct?
    func productCounts(brand: String?) throws -> (byStatus: [ProductStatus: Int], exportable: Int)
    func certify(ids: [Int64], actor: String) throws -> [CertifyResult]
    func withdraw(ids: [Int64], reason: String?, actor: String) throws -> Int
    func deleteProduct(id: Int64, actor: String) throws

    // The catalog
    func forEachExportableProduct(_ filter: CatalogFilter, _ body: (StoredProduct) throws -> Void) throws
    func exportablePage(_ filter: CatalogFilter, after: Int64, limit: Int) throws -> [StoredProduct]
    func changes(after sequence: Int64, limit: Int, brand: String?) throws -> [CatalogChange]
    func dataVersion() throws -> String

    // Labels and scans
    func labelRefusals(for request: LabelBatchRequest) throws -> [LocalizedText]
    func issueLabelBatch(_ request: LabelBatchRequest, certificate: CertificateFields?, actor: String) throws -> LabelIssue
    func labelBatch(id: Int64) throws -> (batch: LabelBatch, key: [UInt8])?
    func labelBatches() throws -> [LabelBatch]
    func completeLabelBatch(id: Int64) throws
    func issuedSerial(gtin: GTIN, serial: Int64) throws -> IssuedSerial?
    func voidLabels(batchID: Int64, first: Int64, last: Int64, reason: String, actor: String) throws -> Int
    func voidedSerials(batchID: Int64) throws -> [ClosedRange<Int64>]
    func recordPrinted(batchID: Int64, serial: Int64) throws
    func printedSerials(batchID: Int64) throws -> [ClosedRange<Int64>]
    func ledger(brand: String, year: Int) throws -> [LedgerLine]
    func handOffLabelBatch(id: Int64, manifestSHA256: String, actor: String) throws -> (handOff: LabelHandOff, new: Bool)
    func unlockLabelBatch(id: Int64, reason: String, actor: String) throws -> LabelHandOff?
    func labelHandOff(batchID: Int64) throws -> LabelHandOff?

    // Certificates
    func certificates(brand: String?) throws -> [CertificateRecord]
    func certificate(id: Int64) throws -> CertificateRecord?
    func certificate(batchID: Int64) throws -> CertificateRecord?
    func deleteCertificate(id: Int64, actor: String, today: CalendarDay) throws

    // Scans
    func scanCount(gtin: String, lot: String, serial: String) throws -> Int
    func scanTally(gtin: String, lot: String, serial: String) throws -> ScanTally
    func addScans(_ scans: [ScanBatchItem], attempts: [CounterfeitAttempt]) throws
    func addFakeReport(gtin: String, lot: String, serial: String, note: String, contact: String?) throws -> Int64
    func scanReport(brand: String, since: String?) throws -> ScanReport

    // Keys
    func createAPIKey(name: String, role: APIRole, scope: [String], actor: String) throws -> (key: APIKey, token: String)
    func apiKey(token: String) throws -> APIKey?
    func apiKeys() throws -> [APIKey]
    func revokeAPIKey(id: Int64, actor: String) throws -> Bool
}

/// Writes the products of one import inside its transaction (`importProducts`).
public protocol ProductWriting: AnyObject {
    /// Products inserted, changed, and imported again unchanged so far.
    var inserted: Int { get }
    var updated: Int { get }
    var unchanged: Int { get }

    /// Inserts or updates one validated product.
    /// - Parameter stored: the product's text columns, when the caller worked them out already.
    @discardableResult
    func upsert(_ product: Product, report: ComplianceReport, stored: StoredColumns?) throws -> UpsertEffect
}

extension ProductWriting {
    /// Inserts or updates one validated product, working out its columns.
    @discardableResult
    public func upsert(_ product: Product, report: ComplianceReport) throws -> UpsertEffect {
        try upsert(product, report: report, stored: nil)
    }
}

/// What one upsert did.
public enum UpsertEffect: Sendable, Equatable {
    case inserted, updated, unchanged
    /// The same producer and sku came earlier in this import; nothing was written.
    case duplicate
}

extension CatalogStore: CatalogStoring {}
extension ProductWriter: ProductWriting {}
