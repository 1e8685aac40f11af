import ArgumentParser
import BrandStandards
import Foundation
import Measures
import ProductSpecs
import Workflows

/// `terroir products validate FILE --brand ID`: validates a file against the
/// standard in `Brands/`, without a store (producer checks need the store, so they
/// are left to the import).
struct ProductsValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Validate a product file against a brand standard in Brands/, without a store."
    )

    @Argument(help: "A .csv, .json or .ndjson file of products.") var file: String
    @Option(help: "The brand to validate against.") var brand: String
    @Option(help: "The folder of brands.") var brands = "Brands"
    @Option(help: "Output format: text or json.") var format: OutputFormat = .text
    @OptionGroup var columns: ImportFileOptions

    func run() throws {
        guard let url = BrandDirectory.file(ofBrand: brand, in: brands) else {
            throw CLIError(zh: "在 \(brands)/ 中找不到品牌“\(brand)”", en: "no brand “\(brand)” in \(brands)/")
        }
        guard let standard = BrandLinter().lint(url).standard else {
            throw CLIError(zh: "品牌标准有错误，请先运行 terroir brands lint", en: "the brand standard has errors; run terroir brands lint first")
        }
        let validator = ProductValidator(standard: standard, today: .today(), producers: nil)
        var report = ImportReport(file: file, brand: brand, standardVersion: standard.version, validationOnly: true)
        try columns.validate(for: file)
        var errorFile: ErrorFile?
        do {
            let reader = try ProductFileReader(url: URL(fileURLWithPath: file), standard: standard, options: columns.readerOptions)
            if columns.errorsPath != nil { errorFile = ErrorFile(reader: reader) }
            try reader.forEachRow { row in
                if !report.record(row: row.number, input: row.input, report: validator.validate(row.input).report) {
                    errorFile?.add(row: row.number, cells: row.cells)
                }
            }
            report.fileNotices = reader.notices
        } catch let error as ImportFileError {
            print(ImportFileErrorText.render(error, file: file))
            throw ExitCode(1)
        }
        try report.finish(format: format, partial: false, errorFile: errorFile, to: columns.errorsPath)
    }
}
