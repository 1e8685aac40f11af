import BrandStandards
import CatalogStore
import Foundation
import Measures
import ProductSpecs

/// Imports a file of products (CSV, JSON or NDJSON) under a brand: every row is
/// validated against the brand's current standard and the valid ones are written in
/// one transaction, all or nothing unless `partial`. Importing a file again updates
/// products in place (by producer and sku), and a row that says what the store holds
/// writes nothing. A row of a producer outside the actor's scope fails like an
/// invalid one (`auth.forbidden`); a producer's own rows default to it.
///
/// The rows stream through `ValidatingReader` (validation on two threads beside the
/// writer): the fast path `Tools/bench import` measures, whichever door calls it.
public struct ImportProducts: Workflow {
    public struct Request: Codable, Sendable, Equatable {
        public var brand: String
        /// The file to read; its extension says its format.
        public var file: String
        /// What the report and the audit log call the file (an upload's name); `file` when `nil`.
        public var source: String?
        /// The producer of rows that name none.
        public var producer: String?
        public var dryRun: Bool
        public var partial: Bool
        /// CSV headers to leave out, and whether every unknown header is left out.
        public var ignoredColumns: [String]
        public var ignoresUnknownColumns: Bool

        public init(brand: String, file: String, source: String? = nil, producer: String? = nil, dryRun: Bool = false, partial: Bool = false,
                    ignoredColumns: [String] = [], ignoresUnknownColumns: Bool = false) {
            self.brand = brand
            self.file = file
            self.source = source
            self.producer = producer
            self.dryRun = dryRun
            self.partial = partial
            self.ignoredColumns = ignoredColumns
            self.ignoresUnknownColumns = ignoresUnknownColumns
        }
    }

    public typealias Result = ImportReport

    /// What a front door sees while the file is read: the reader once it is open (an
    /// error file needs its header), then each row and whether it was accepted.
    public struct Observer {
        public var opened: (ProductFileReader) -> Void
        public var row: (ImportRow, _ accepted: Bool) -> Void
        /// Whether rows keep their cells as they came in (for an error file).
        public var keepsCells: Bool

        public init(keepsCells: Bool = false, opened: @escaping (ProductFileReader) -> Void = { _ in }, row: @escaping (ImportRow, Bool) -> Void = { _, _ in }) {
            self.keepsCells = keepsCells
            self.opened = opened
            self.row = row
        }
    }

    let store: any CatalogStoring

    public init(store: any CatalogStoring) {
        self.store = store
    }

    public func run(_ request: Request, as actor: Actor) throws(WorkflowError) -> ImportReport {
        try run(request, as: actor, observer: Observer())
    }

    public func run(_ request: Request, as actor: Actor, observer: Observer) throws(WorkflowError) -> ImportReport {
        try AccessRules.require(actor, .saveProducts)
        return try WorkflowError.catching {
            guard let published = try store.currentStandard(brand: request.brand) else { throw StoreError.brandNotPublished(request.brand) }
            let producers = Dictionary(uniqueKeysWithValues: try store.producers(brand: nil).map { ($0.id, $0) })
            let validator = ProductValidator(standard: published.standard, today: .today()) { producers[$0] }
            let source = request.source ?? request.file
            var report = ImportReport(file: source, brand: request.brand, standardVersion: published.standard.version, dryRun: request.dryRun)
            let options = ImportOptions(ignoredColumns: request.ignoredColumns, ignoresUnknownColumns: request.ignoresUnknownColumns,
                                        keepsCells: observer.keepsCells)
            let reader: ProductFileReader
            do throws(ImportFileError) {
                reader = try ProductFileReader(url: URL(fileURLWithPath: request.file), standard: published.standard, options: options)
            } catch {
                throw WorkflowError(error)
            }
            observer.opened(reader)
            let defaultProducer = request.producer ?? (actor.role == .producer ? actor.scope.first : nil)
            let rows = ValidatingReader(reader: reader, validator: validator, defaultProducer: defaultProducer, workers: 2,
                                        prepare: StoredColumns.encoder(for: published.standard))
            let partial = request.partial
            do {
                let (writer, committed) = try store.importProducts(brand: request.brand, standardVersion: published.number, actor: actor.name,
                                                                   source: source) { writer in
                    try rows.forEachRow { validated in
                        var outcome = validated.outcome.report
                        if let product = validated.outcome.product, let producer = producers[product.producerID],
                           !AccessRules.covers(actor, producer: producer, brand: request.brand) {
                            outcome.findings.append(Self.outOfScope(product, location: validated.row.input.locate("producer")))
                        }
                        guard report.record(row: validated.row.number, input: validated.row.input, report: outcome),
                              let product = validated.outcome.product else {
                            observer.row(validated.row, false)
                            return
                        }
                        // Once a row failed, an all-or-nothing import only validates the rest.
                        guard partial || report.failed.isEmpty else { return observer.row(validated.row, true) }
                        if try writer.upsert(product, report: validated.outcome.report, stored: validated.prepared) == .duplicate {
                            let finding = Self.duplicate(product, location: validated.row.input.locate("sku"))
                            report.failed.append(.init(row: validated.row.number, sku: product.sku, findings: [finding]))
                            observer.row(validated.row, false)
                        } else {
                            observer.row(validated.row, true)
                        }
                    }
                    return !request.dryRun && (partial || report.failed.isEmpty)
                }
                report.fileNotices = reader.notices
                report.committed = committed
                (report.inserted, report.updated, report.unchanged) = (writer.inserted, writer.updated, writer.unchanged)
            } catch let error as ImportFileError {
                throw WorkflowError(error)
            }
            return report
        }
    }

    static func duplicate(_ product: Product, location: String) -> Finding {
        Finding(code: "sku.duplicate", field: "sku", location: location, found: product.sku, message: .init(
            zh: "生产者“\(product.producerID)”的货号“\(product.sku)”在文件中重复出现，此行未写入",
            en: "producer “\(product.producerID)” sku “\(product.sku)” appears earlier in the file; this row was not written"
        ))
    }

    static func outOfScope(_ product: Product, location: String) -> Finding {
        Finding(code: "auth.forbidden", field: "producer", location: location, found: product.producerID, message: .init(
            zh: "此密钥的范围不包括生产者“\(product.producerID)”，此行未写入",
            en: "this key's scope does not cover producer “\(product.producerID)”; this row was not written"
        ))
    }
}
