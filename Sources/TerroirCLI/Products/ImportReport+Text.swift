import ArgumentParser
import BrandStandards
import Foundation
import Measures
import ProductSpecs
import Workflows

/// The report of an import or a validation, printed as the batch tool prints it.
extension ImportReport {
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
