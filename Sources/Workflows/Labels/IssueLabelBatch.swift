import BrandStandards
import CatalogStore
import Labels
import Measures
import ProductSpecs

/// Issues a batch of serials for a certified product: who may have labels first (the
/// product certified, its producer active and authorised, the standard in force), then
/// whether the brand's layout can draw them, then the serials, allocated in one
/// transaction. The labels are drawn afterwards by the front door (the batch tool
/// into a folder, the API one at a time), from the job this returns.
public struct IssueLabelBatch: Workflow {
    public struct Request: Codable, Sendable, Equatable {
        /// The product: its id, its SKU, or `PRODUCER/SKU`.
        public var product: String
        public var lot: String
        public var count: Int
        /// The label size id (default: the standard's first size).
        public var size: String?
        /// The printer resolution (default: 300 if the standard allows it).
        public var dpi: Int?
        public var format: LabelFormat
        /// PNG in the brand's colours instead of 1-bit black and white.
        public var colour: Bool
        /// ZPL: the printer draws the QR code.
        public var nativeQR: Bool
        /// PDF: the sheet to lay the labels out on (none: a label a page).
        public var sheet: SheetRequest?

        public init(product: String, lot: String, count: Int, size: String? = nil, dpi: Int? = nil, format: LabelFormat = .png,
                    colour: Bool = false, nativeQR: Bool = false, sheet: SheetRequest? = nil) {
            self.product = product
            self.lot = lot
            self.count = count
            self.size = size
            self.dpi = dpi
            self.format = format
            self.colour = colour
            self.nativeQR = nativeQR
            self.sheet = sheet
        }
    }

    public struct Result: Codable, Sendable {
        public var batch: LabelBatch
        /// The brand's signing key, for the serials' signatures.
        public var key: [UInt8]
        /// How each label is drawn.
        public var job: LabelJob
        /// The resolver base the labels' URIs are on.
        public var resolver: String
    }

    let store: any CatalogStoring
    /// The folder of brand marks and the font labels are drawn with.
    let assets: String
    let font: String

    public init(store: any CatalogStoring, assets: String, font: String = FontFace.defaultPath) {
        self.store = store
        self.assets = assets
        self.font = font
    }

    public func run(_ request: Request, as actor: Actor) throws(WorkflowError) -> Result {
        try AccessRules.require(actor, .issueLabelBatch)
        guard (1...CatalogStore.maximumBatchSize).contains(request.count) else {
            throw WorkflowError(.invalid, "count.range", zh: "count 应为 1 到 \(CatalogStore.maximumBatchSize)", en: "count must be 1 to \(CatalogStore.maximumBatchSize)")
        }
        return try WorkflowError.catching {
            let (stored, producer, published) = try Self.open(request.product, store: store, actor: actor)
            var batch = LabelBatchRequest(productID: stored.id, lot: request.lot, count: request.count, size: request.size ?? "", dpi: request.dpi ?? 0,
                                          format: request.format.rawValue, standardVersion: published.number, jobJSON: "")
            try Self.refuse(try store.labelRefusals(for: batch))
            let job: LabelJob
            do throws(LabelError) {
                (job, batch.jobJSON) = try LabelJobBuilder(standard: published.standard, assets: assets, font: font)
                    .prepare(product: stored.product, producer: producer, lot: request.lot, size: request.size, dpi: request.dpi,
                             format: request.format, colour: request.colour, nativeQR: request.nativeQR, sheet: request.sheet)
            } catch {
                throw WorkflowError(.invalid, error.code, error.message)
            }
            batch.size = job.size.id
            return try Self.issue(batch, job: job, certificate: nil, store: store, resolver: published.standard.resolver, actor: actor)
        }
    }

    /// The product a request names, its producer (in the actor's scope) and its
    /// brand's standard in force.
    static func open(_ reference: String, store: any CatalogStoring, actor: Actor) throws -> (StoredProduct, Producer, PublishedStandard) {
        guard let stored = try store.product(reference: reference) else { throw StoreError.productNotFound(reference) }
        guard let producer = try store.producer(id: stored.product.producerID) else { throw StoreError.producerNotFound(stored.product.producerID) }
        try AccessRules.check(actor, producer: producer, brand: stored.product.brandID)
        guard let published = try store.currentStandard(brand: stored.product.brandID) else { throw StoreError.brandNotPublished(stored.product.brandID) }
        return (stored, producer, published)
    }

    /// Issues a prepared batch (with the certificate its serials are copies of, if any).
    /// - Throws: `labels.refused` with every reason the store found.
    static func issue(_ request: LabelBatchRequest, job: LabelJob, certificate: CertificateFields?, store: any CatalogStoring, resolver: String,
                      actor: Actor) throws -> Result {
        var request = request
        request.dpi = job.dpi
        switch try store.issueLabelBatch(request, certificate: certificate, actor: actor.name) {
        case .refused(let reasons):
            try Self.refuse(reasons)
            throw WorkflowError(.conflict, "labels.refused", zh: "标签发放被拒绝", en: "labels refused")
        case .issued(let issued, let key):
            return Result(batch: issued, key: key, job: job, resolver: resolver)
        }
    }

    /// - Throws: `labels.refused` with every reason, when there are any.
    static func refuse(_ reasons: [LocalizedText]) throws(WorkflowError) {
        guard !reasons.isEmpty else { return }
        throw WorkflowError(.conflict, "labels.refused", LocalizedText(zh: reasons.map(\.zh).joined(separator: "；"), en: reasons.map(\.en).joined(separator: "; ")),
                            reasons: reasons)
    }
}
