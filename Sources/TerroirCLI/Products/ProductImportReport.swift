import ArgumentParser
import BrandStandards
import Foundation
import Measures
import ProductSpecs

/// What an import or a validation found, row by row, for people and for machines.
struct ProductImportReport: Encodable {
    struct Row: Encodable {
        let row: Int
        let sku: String?
        let findings: [Finding]
    }

    let file: String
    let brand: String
    let standardVersion: String
    var rows = 0
    var inserted = 0
    var updated = 0
    var unchanged = 0
    var failed: [Row] = []
    var notices: [Row] = []
    /// How the file was read: its encoding, the columns left out.
    var fileNotices: [LocalizedText] = []
    var committed = false
    var dryRun = false
    /// Only validating (`products validate`): there is no store to write to.
    var validationOnly = false

    enum CodingKeys: String, CodingKey {
        case file, brand, standardVersion = "standard_version", rows, inserted, updated, unchanged, failed, notices, committed
        case fileNotices = "file_notices"
        case dryRun = "dry_run"
    }

    /// Records one row's outcome; `true` when the row can be written.
    mutating func record(row: Int, input: ProductInput, report: ComplianceReport) -> Bool {
        rows += 1
        // Most rows have nothing to report.
        if report.findings.isEmpty { return true }
        let sku = input.field(.sku)
        if !report.isCompliant {
            failed.append(Row(row: row, sku: sku, findings: report.findings))
            return false
        }
        let notes = report.findings.filter { $0.severity == .notice }
        if !notes.isEmpty { notices.append(Row(row: row, sku: sku, findings: notes)) }
        return true
    }

    /// Prints the report as `format` asks, writes the error file when one was asked
    /// for, and exits 1 when a row failed: the end of `products import` and `validate`.
    func finish(format: OutputFormat, partial: Bool, errorFile: ErrorFile?, to path: String?) throws {
        switch format {
        case .json: try JSONOutput.print(self)
        case .text: printText(partial: partial)
        }
        if let errorFile, let path { try errorFile.write(to: path, report: self, format: format) }
        if !failed.isEmpty { throw ExitCode(1) }
    }

    func printText(partial: Bool) {
        for notice in fileNotices { print("\(file): notice: \(notice.en)\n    \(notice.zh)") }
        for row in (failed + notices).sorted(by: { $0.row < $1.row }) {
            let place = "\(file): row \(row.row)\(row.sku.map { " (sku \($0))" } ?? "")"
            for finding in row.findings { print(FindingText.render(finding, row: place)) }
        }
        var summary = "\(rows) row(s) read against \(brand) \(standardVersion): \(rows - failed.count) valid, \(failed.count) failed"
        if validationOnly {
            // nothing is ever written
        } else if committed {
            summary += "; written: \(inserted) inserted, \(updated) updated, \(unchanged) unchanged"
        } else if dryRun {
            summary += "; dry run: nothing written (would insert \(inserted), update \(updated), leave \(unchanged) unchanged)"
        } else if !failed.isEmpty && !partial {
            summary += "; nothing written (all or nothing: fix the rows, or use --partial to write the valid ones)"
        }
        print(summary)
    }
}
