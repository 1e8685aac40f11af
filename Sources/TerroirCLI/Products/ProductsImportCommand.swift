import ArgumentParser
import BrandStandards
import CatalogStore
import Foundation
import Measures
import ProductSpecs

/// `terroir products import FILE --brand ID`: validates every row against the brand's
/// current published standard and writes them in one transaction, all or nothing.
struct ProductsImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import products from CSV, JSON or NDJSON, validated against the brand's published standard.",
        discussion: """
        All or nothing by default: when any row fails, nothing is written and the exit code is 1. \
        Importing a file again updates products in place (by producer and sku).
        """
    )

    @Argument(help: "A .csv, .json or .ndjson file of products.") var file: String
    @Option(help: "The brand the products are registered under.") var brand: String
    @Option(help: "The producer of rows that name none.") var producer: String?
    @Flag(name: .customLong("dry-run"), help: "Validate and report, write nothing.") var dryRun = false
    @Flag(help: "Write the valid rows and report the others.") var partial = false
    @OptionGroup var columns: ImportFileOptions
    @Option(help: "Output format: text or json.") var format: OutputFormat = .text
    @OptionGroup var store: StoreOptions

    func run() throws {
        try columns.validate(for: file)
        let catalog = try store.open()
        let published = try PublishedBrand.current(brand, in: catalog)
        let producers = Dictionary(uniqueKeysWithValues: try catalog.producers().map { ($0.id, $0) })
        let validator = ProductValidator(standard: published.standard, today: .today()) { producers[$0] }
        let url = URL(fileURLWithPath: file)
        var report = ProductImportReport(file: file, brand: brand, standardVersion: published.standard.version, dryRun: dryRun)
        let progress = ProgressBar("importing", total: ProgressBar.isShown ? LineCount.of(url).map { max(0, $0 - 1) } : nil)
        var errorFile: ErrorFile?
        do {
            let reader = try ProductFileReader(url: url, standard: published.standard, options: columns.readerOptions)
            if columns.errorsPath != nil { errorFile = ErrorFile(reader: reader) }
            defer { report.fileNotices = reader.notices }
            let rows = ValidatingReader(reader: reader, validator: validator, defaultProducer: producer, workers: 2,
                                        prepare: StoredColumns.encoder(for: published.standard))
            let (writer, committed) = try catalog.importProducts(
                brand: brand, standardVersion: published.number, actor: store.actorName, source: file
            ) { writer in
                let partial = partial  // read once: a property wrapper's getter, per row, showed in profiles
                try rows.forEachRow { validated in
                    progress.advance()
                    guard report.record(row: validated.row.number, input: validated.row.input, report: validated.outcome.report),
                          let product = validated.outcome.product else {
                        errorFile?.add(row: validated.row.number, cells: validated.row.cells)
                        return
                    }
                    // Once a row failed, an all-or-nothing import only validates the rest.
                    guard partial || report.failed.isEmpty else { return }
                    if try writer.upsert(product, report: validated.outcome.report, stored: validated.prepared) == .duplicate {
                        let finding = Self.duplicate(product, location: validated.row.input.locate("sku"))
                        report.failed.append(.init(row: validated.row.number, sku: product.sku, findings: [finding]))
                        errorFile?.add(row: validated.row.number, cells: validated.row.cells)
                    }
                }
                return !dryRun && (partial || report.failed.isEmpty)
            }
            progress.finish()
            report.committed = committed
            (report.inserted, report.updated, report.unchanged) = (writer.inserted, writer.updated, writer.unchanged)
        } catch let error as ImportFileError {
            progress.finish()
            print(ImportFileErrorText.render(error, file: file))
            print("nothing written")
            throw ExitCode(1)
        } catch let error as StoreError {
            throw CLIError(message: error.message)
        }
        try report.finish(format: format, partial: partial, errorFile: errorFile, to: columns.errorsPath)
    }

    static func duplicate(_ product: Product, location: String) -> Finding {
        Finding(code: "sku.duplicate", field: "sku", location: location, found: product.sku, message: .init(
            zh: "生产者“\(product.producerID)”的货号“\(product.sku)”在文件中重复出现，此行未写入",
            en: "producer “\(product.producerID)” sku “\(product.sku)” appears earlier in the file; this row was not written"
        ))
    }
}
