import CatalogExport
import CatalogStore
import Measures

/// Exports the certified catalog (certified products of active producers) in one
/// format. Not a `Workflow`: its result is the export itself, written as it is made
/// (to a file, standard output, or a response). `start` checks who may and what is
/// asked before a byte is written, so an HTTP answer can still be an error; `write`
/// then streams it from one snapshot of the store.
public struct ExportCatalog: Sendable {
    public struct Request: Codable, Sendable, Equatable {
        public var format: ExportFormat
        public var brand: String?
        public var category: String?
        public var producer: String?
        /// Products whose origin lies in this administrative division.
        public var origin: String?
        /// CSV for Excel: a byte-order mark, digit codes kept as text.
        public var forSpreadsheets: Bool

        public init(format: ExportFormat, brand: String? = nil, category: String? = nil, producer: String? = nil, origin: String? = nil,
                    forSpreadsheets: Bool = false) {
            self.format = format
            self.brand = brand
            self.category = category
            self.producer = producer
            self.origin = origin
            self.forSpreadsheets = forSpreadsheets
        }
    }

    /// An export checked and ready to be written.
    public struct Export: Sendable {
        let exporter: CatalogExporter
        public let format: ExportFormat
        let filter: CatalogFilter
        let forSpreadsheets: Bool

        /// Writes it; `progress` is called after each product with the count so far.
        /// - Returns: how many products were written, and those the format could not carry.
        @discardableResult
        public func write(to output: ExportOutput, progress: (Int) -> Void = { _ in }) throws -> ExportSummary {
            try exporter.export(format, filter: filter, forSpreadsheets: forSpreadsheets, to: output, progress: progress)
        }
    }

    let store: any CatalogStoring

    public init(store: any CatalogStoring) {
        self.store = store
    }

    /// - Throws: `WorkflowError`: `auth.forbidden`, `brand.not_found`.
    public func start(_ request: Request, as actor: Actor) throws(WorkflowError) -> Export {
        try AccessRules.require(actor, .exportCatalog)
        let brand = try CatalogBrand.resolve(request.brand, for: actor, in: store)
        let filter = CatalogFilter(brand: brand, category: request.category, producer: request.producer, origin: request.origin)
        return Export(exporter: try WorkflowError.catching { try CatalogExporter(store: store) }, format: request.format, filter: filter,
                      forSpreadsheets: request.forSpreadsheets)
    }
}
