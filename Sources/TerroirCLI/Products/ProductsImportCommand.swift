import ArgumentParser
import BrandStandards
import CatalogStore
import Foundation
import Measures
import ProductSpecs
import Workflows

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
        let request = ImportProducts.Request(brand: brand, file: file, producer: producer, dryRun: dryRun, partial: partial,
                                             ignoredColumns: columns.ignoredColumns, ignoresUnknownColumns: columns.ignoresUnknownColumns)
        let progress = ProgressBar("importing", total: ProgressBar.isShown ? LineCount.of(URL(fileURLWithPath: file)).map { max(0, $0 - 1) } : nil)
        var errorFile: ErrorFile?
        let wantsErrorFile = columns.errorsPath != nil
        let observer = ImportProducts.Observer(keepsCells: wantsErrorFile, opened: { reader in
            if wantsErrorFile { errorFile = ErrorFile(reader: reader) }
        }, row: { row, accepted in
            progress.advance()
            if !accepted { errorFile?.add(row: row.number, cells: row.cells) }
        })
        let importer = ImportProducts(store: try store.open())
        let report: ImportReport
        do throws(WorkflowError) {
            report = try importer.run(request, as: store.operatorActor, observer: observer)
            progress.finish()
        } catch {
            progress.finish()
            // A file that cannot be read is told as the file's own error, at its line.
            guard let fileError = error.fileError else { throw error }
            print(ImportFileErrorText.render(fileError, file: file))
            print("nothing written")
            throw ExitCode(1)
        }
        try report.finish(format: format, partial: partial, errorFile: errorFile, to: columns.errorsPath)
    }
}
