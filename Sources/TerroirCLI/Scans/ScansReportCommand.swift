import ArgumentParser
import BrandStandards
import CatalogStore
import Foundation
import Measures
import ProductSpecs
import Workflows

/// `terroir scans report --brand ID [--since DATE] [--format csv|json]`: per UTC day,
/// product and lot, people's scans, labels scanned for the first time, scans of codes
/// the brand did not issue, and reports of fakes; then the reports themselves.
struct ScansReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "A brand's scans per day, product and lot: scans, first scans, counterfeit attempts, reports of fakes.")

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case csv, json
    }

    @Option(help: "The brand.") var brand: String
    @Option(help: "The first day to report, YYYY-MM-DD (UTC); every day when left out.") var since: String?
    @Option(help: "csv (for spreadsheets, with a byte order mark) or json.") var format: Format = .csv
    @OptionGroup var store: StoreOptions

    func validate() throws {
        if let since, CalendarDay(since) == nil {
            throw ValidationError("--since 应为日期 YYYY-MM-DD（收到“\(since)”） / --since must be a day, YYYY-MM-DD (got “\(since)”)")
        }
    }

    func run() throws {
        let report = try ScansReport(store: store.open()).run(.init(brand: brand, since: since.flatMap(CalendarDay.init)), as: store.operatorActor)
        guard format == .csv else { return try JSONOutput.print(report) }
        var rows = [["日期 day (UTC)", "GTIN", "SKU", "批次 lot", "扫描 scans", "首次扫描 first scans", "假冒扫描 counterfeit attempts",
                     "未签发序号 never issued", "批次不符 wrong lot", "签名伪造 forged signature", "假冒举报 fake reports"]]
        for line in report.lines {
            rows.append([line.day, line.gtin, line.sku, line.lot] + [line.scans, line.firstScans, line.counterfeitAttempts, line.neverIssued,
                                                                      line.wrongLot, line.forgedSignature, line.fakeReports].map(String.init))
        }
        print("\u{FEFF}" + rows.map(CSVWriter.row).joined(), terminator: "")
    }
}
