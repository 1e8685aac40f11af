import ArgumentParser
import CatalogStore
import Foundation
import Measures
import ProductSpecs
import Workflows

/// `terroir ledger report --brand ID --year 2026 [--format csv|json]`: a brand's year
/// of labels, per producer and product, with a total line.
struct LedgerReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: "A brand's labels of a year per producer and product: issued, printed, not yet printed, voided, scanned, counterfeit attempts.")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case csv, json
    }

    @Option(help: "The brand.") var brand: String
    @Option(help: "The year the batches were issued in (UTC).") var year: Int
    @Option(help: "csv (for spreadsheets, with a byte order mark) or json.") var format: Format = .csv
    @OptionGroup var store: StoreOptions

    func run() throws {
        let report = try LedgerReport(store: store.open()).run(.init(brand: brand, year: year), as: store.operatorActor)
        guard format == .csv else { return try JSONOutput.print(report) }
        var rows = [["生产者 producer", "产品 product", "SKU", "名称 name", "GTIN", "批次 batches", "签发 issued", "已打印 printed",
                     "未打印 not printed", "作废 voided", "已扫描序号 scanned serials", "扫描次数 scans",
                     "假冒扫描 counterfeit attempts"]]
        for line in report.lines {
            rows.append([line.producerID, String(line.productID), line.sku, line.name.en.isEmpty ? line.name.zh : "\(line.name.zh) / \(line.name.en)",
                         line.gtin] + [line.batches, line.issued, line.printed, line.notPrinted, line.voided, line.scanned, line.scans,
                                     line.counterfeitAttempts].map(String.init))
        }
        let total = report.total
        rows.append(["合计 total", "", "", "", ""] + [total.batches, total.issued, total.printed, total.notPrinted, total.voided, total.scanned, total.scans,
                                                                 total.counterfeitAttempts].map(String.init))
        print("\u{FEFF}" + rows.map(CSVWriter.row).joined(), terminator: "")
    }
}
