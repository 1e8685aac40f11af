import GRDB
import Measures

/// One product's labels issued in a year, as a GI body accounts for them: issued,
/// printed (its file was produced), voided, scanned, and the scans of codes of its
/// GTIN that the brand did not issue.
public struct LedgerLine: Sendable, Equatable, Codable {
    public let producerID: String
    public let productID: Int64
    public let sku: String
    public let name: LocalizedText
    public let gtin: String
    public internal(set) var batches: Int
    public internal(set) var issued: Int
    public internal(set) var printed: Int
    public internal(set) var voided: Int
    /// Serials scanned at least once (counts written by the server so far).
    public internal(set) var scanned: Int
    /// Every scan of those serials.
    public internal(set) var scans: Int
    /// Issued and not yet printed: `issued = printed + notPrinted`.
    public internal(set) var notPrinted: Int
    /// Scans that year of codes with the product's GTIN that no batch issued as
    /// scanned (never issued, another lot, a forged signature).
    public internal(set) var counterfeitAttempts: Int

    enum CodingKeys: String, CodingKey {
        case producerID = "producer_id", productID = "product_id", sku, name, gtin, batches, issued, printed
        case notPrinted = "not_printed", voided, scanned, scans, counterfeitAttempts = "counterfeit_attempts"
    }
}

extension CatalogStore {
    /// The mark ledger of `brand`'s batches issued in `year`: one line per product, by
    /// producer and SKU.
    public func ledger(brand: String, year: Int) throws -> [LedgerLine] {
        try read { db in
            let batches = try Row.fetchAll(db, sql: """
                SELECT b.id, b.gtin, b.lot, b.first_serial, b.count, b.product_id, p.producer_id, p.sku, p.name_zh, p.name_en
                FROM label_batch b JOIN product p ON p.id = b.product_id
                WHERE b.brand_id = ? AND substr(b.issued_at, 1, 4) = ?
                ORDER BY p.producer_id, p.sku, b.id
                """, arguments: [brand, String(year)])
            let scanned = try db.cachedStatement(sql: """
                SELECT COUNT(*), COALESCE(SUM(count), 0) FROM scan WHERE gtin = ? AND lot = ? AND CAST(serial AS INTEGER) BETWEEN ? AND ?
                """)
            let attempts = try db.cachedStatement(sql: "SELECT COALESCE(SUM(count), 0) FROM counterfeit_attempt WHERE gtin = ? AND substr(at, 1, 4) = ?")
            var lines: [LedgerLine] = []
            for row in batches {
                let id: Int64 = row["id"], first: Int64 = row["first_serial"], count: Int = row["count"]
                let serials = first...(first + Int64(count) - 1)
                let printed = SerialRanges.count(try Self.printedSerials(db, batchID: id), within: serials)
                let voided = SerialRanges.count(try Self.voidedSerials(db, batchID: id), within: serials)
                let scans = try Row.fetchOne(scanned, arguments: [row["gtin"], row["lot"], first, serials.upperBound])
                if lines.last?.productID != row["product_id"] {
                    lines.append(LedgerLine(producerID: row["producer_id"], productID: row["product_id"], sku: row["sku"],
                                            name: LocalizedText(zh: row["name_zh"], en: row["name_en"]), gtin: row["gtin"],
                                            batches: 0, issued: 0, printed: 0, voided: 0, scanned: 0, scans: 0, notPrinted: 0,
                                            counterfeitAttempts: try Int.fetchOne(attempts, arguments: [row["gtin"], String(year)]) ?? 0))
                }
                let last = lines.count - 1
                lines[last].batches += 1
                lines[last].issued += count
                lines[last].printed += printed
                lines[last].voided += voided
                lines[last].scanned += scans?[0] ?? 0
                lines[last].scans += scans?[1] ?? 0
                lines[last].notPrinted = lines[last].issued - lines[last].printed
            }
            return lines
        }
    }
}
