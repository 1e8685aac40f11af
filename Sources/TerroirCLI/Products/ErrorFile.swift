import BrandStandards
import Foundation
import Measures
import ProductSpecs
import Workflows

/// The failing rows of an import, written as they came in with two columns more:
/// the findings' codes and their messages. A co-op fixes the rows in its own
/// spreadsheet and imports the file again; the import skips the two columns.
struct ErrorFile {
    private let header: [String]
    /// The input's columns kept: all but an earlier error file's findings.
    private let columns: [Int]
    private var rows: [(number: Int, cells: [String])] = []

    init(reader: ProductFileReader) {
        columns = reader.dataColumns
        let header = reader.csvHeader ?? []
        self.header = columns.map { header[$0] }
    }

    /// Keeps a failing row's cells.
    mutating func add(row number: Int, cells: [String]?) {
        guard let cells else { return }
        rows.append((number, columns.map { $0 < cells.count ? cells[$0] : "" }))
    }

    /// Writes the rows, in file order, with their findings, as UTF-8 with a byte-order
    /// mark (so that Excel and WPS open it as UTF-8).
    /// Writes the rows that `report` failed, and says so (on standard error with
    /// `--format json`, whose standard output is the report alone).
    func write(to path: String, report: ImportReport, format: OutputFormat) throws {
        let count = try write(to: path, findings: Dictionary(report.failed.map { ($0.row, $0.findings) }, uniquingKeysWith: +))
        let line = "\(path): wrote \(count) failing row(s) with their findings; fix them and import this file again\n"
            + "    已写出 \(count) 个出错的行及其问题；改正后可直接导入此文件"
        if format == .json { FileHandle.standardError.write(Data((line + "\n").utf8)) } else { print(line) }
    }

    private func write(to path: String, findings: [Int: [Finding]]) throws -> Int {
        let file = try OutputFile(path: path)
        do {
            try file.write(Array(("\u{FEFF}" + CSVWriter.row(header + [ColumnVocabulary.findingCodesHeader, ColumnVocabulary.findingMessagesHeader])).utf8))
            for row in rows.sorted(by: { $0.number < $1.number }) {
                let found = findings[row.number] ?? []
                let codes = found.map(\.code).joined(separator: "; ")
                let messages = found.map { "\($0.location): \($0.message.zh) / \($0.message.en)" }.joined(separator: "\n")
                try file.write(Array(CSVWriter.row(row.cells + [codes, messages]).utf8))
            }
            try file.commit()
        } catch {
            file.discard()
            throw error
        }
        return rows.count
    }
}
