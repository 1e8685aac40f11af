import Foundation

/// Writes CSV as `CSVReader` reads it: RFC 4180, CRLF line ends.
public enum CSVWriter {
    /// A CSV row: cells quoted when they hold a comma, quote or line break.
    public static func row(_ cells: [String]) -> String {
        cells.map { cell in
            guard cell.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else { return cell }
            return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }.joined(separator: ",") + "\r\n"
    }
}
