import BrandStandards
import DigitalLink
import Foundation
import Measures
import ProductSpecs

/// `--format csv`: one row per product, UTF-8. Attributes are columns named by their
/// id, holding the canonical value and unit (`5 kg`), for every attribute of the
/// brands exported. For spreadsheets (`--excel`), a byte-order mark, and every
/// column of digit codes (GTIN, administrative code) written as a text formula,
/// `="06901234567014"`, which Excel and WPS show as text with its leading zero
/// instead of turning it into a number.
final class CSVFormat: CatalogFormatWriter {
    static let fixedColumns = [
        "id", "brand", "standard_version", "status", "gtin", "sku", "name_zh", "name_en", "category", "origin", "origin_name",
        "producer", "producer_name", "outlet", "price", "currency", "availability", "resolver_url", "updated_at",
    ]

    private let attributeIDs: [String]
    private let forSpreadsheets: Bool

    init(attributeIDs: [String], forSpreadsheets: Bool) {
        self.attributeIDs = attributeIDs
        self.forSpreadsheets = forSpreadsheets
    }

    func begin(_ output: ExportOutput) throws {
        try output.write((forSpreadsheets ? "\u{FEFF}" : "") + Self.row(Self.fixedColumns + attributeIDs))
    }

    /// A digit code as a spreadsheet keeps it: as a text formula when exporting for
    /// one, else as it is.
    private func code(_ digits: String?) -> String {
        guard let digits, !digits.isEmpty else { return "" }
        return forSpreadsheets ? "=\"\(digits)\"" : digits
    }

    func write(_ entry: CatalogEntry, to output: ExportOutput) throws {
        let product = entry.product
        var cells = [
            String(entry.id), product.brandID, String(entry.standardNumber), product.status.rawValue, code(product.gtin?.digits),
            product.sku, product.name.zh, product.name.en, product.category, code(product.origin?.digits), entry.placeName?.zh ?? "",
            product.producerID, entry.producerName?.zh ?? "", product.outlet ?? "", entry.priceText ?? "", entry.priceText == nil ? "" : "CNY",
            product.availability.rawValue, entry.resolverURL ?? "", entry.updatedAt,
        ]
        for id in attributeIDs {
            guard let value = product.attribute(id) else { cells.append(""); continue }
            let unit = value.canonicalUnit.map { " " + $0.symbol.en } ?? ""
            cells.append(value.canonicalText + unit)
        }
        try output.write(Self.row(cells))
    }

    func end(_ output: ExportOutput) throws {}

    static func row(_ cells: [String]) -> String {
        CSVWriter.row(cells)
    }
}
