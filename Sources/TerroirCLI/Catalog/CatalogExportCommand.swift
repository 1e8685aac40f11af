import ArgumentParser
import CatalogExport
import CatalogStore
import Foundation
import Measures
import Workflows

/// `terroir catalog export --format F --out FILE|-`.
struct CatalogExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export the exportable catalog: certified products of active producers.",
        discussion: "Formats: json, ndjson, csv, gmc-xml (Google Merchant Center), jsonld (schema.org)."
    )

    @Option(help: "json, ndjson, csv, gmc-xml or jsonld.") var format: String
    @Option(help: "Only this brand's products.") var brand: String?
    @Option(help: "Only this category's products.") var category: String?
    @Option(help: "Only this producer's products.") var producer: String?
    @Option(help: "Only products from this administrative division (a village, a township).") var origin: String?
    @Flag(help: "CSV for Excel and WPS: a UTF-8 byte-order mark, and GTINs and codes written so that they stay text (leading zeros kept).") var excel = false
    @Option(help: "The file to write, or - for standard output.") var out: String
    @OptionGroup var store: StoreOptions

    func validate() throws {
        guard ExportFormat(rawValue: format) != nil else {
            throw ValidationError("unknown format “\(format)”; one of: \(ExportFormat.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        if excel && format != ExportFormat.csv.rawValue { throw ValidationError("--excel applies to --format csv only") }
    }

    func run() throws {
        let file = out == "-" ? nil : try OutputFile(path: out)
        do {
            let summary = try export(to: file)
            for product in summary.leftOut {
                StandardError.write("left out product \(product.id) (\(product.sku)): \(product.reason.en)\n    未导出：\(product.reason.zh)\n")
            }
            if let file {
                try file.commit()
                let left = summary.leftOut.isEmpty ? "" : "; \(summary.leftOut.count) left out (see above)"
                StandardError.write("exported \(summary.written) product(s) as \(format) to \(file.path)\(left)\n")
            }
        } catch {
            file?.discard()
            throw error
        }
    }

    /// Writes the export to `file`, or to standard output when there is none.
    private func export(to file: OutputFile?) throws -> ExportSummary {
        let catalog = try store.open()
        let request = ExportCatalog.Request(format: ExportFormat(rawValue: format)!, brand: brand, category: category, producer: producer, origin: origin, forSpreadsheets: excel)
        let export = try ExportCatalog(store: catalog).start(request, as: store.operatorActor)
        let total = file != nil && ProgressBar.isShown ? try catalog.productCounts(brand: brand).exportable : nil
        let progress = ProgressBar("exporting", total: total)
        let output = ExportOutput { bytes in
            if let file { try file.write(bytes) } else { try FileHandle.standardOutput.write(contentsOf: bytes) }
        }
        let summary = try export.write(to: output) { _ in
            if file != nil { progress.advance() }
        }
        if file != nil { progress.finish() }
        return summary
    }
}
