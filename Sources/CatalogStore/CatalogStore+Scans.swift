import Foundation
import GRDB

extension CatalogStore {
    /// Counts a scan of a serialised item, keeping no personal data (no address, no
    /// device): only how many times and when first and last.
    /// - Returns: how many times it has been scanned, this one included.
    public func recordScan(gtin: String, lot: String, serial: String) throws -> Int {
        try write { db in
            let now = Self.timestamp()
            try db.execute(sql: """
                INSERT INTO scan (gtin, lot, serial, count, first_at, last_at) VALUES (?, ?, ?, 1, ?, ?)
                ON CONFLICT (gtin, lot, serial) DO UPDATE SET count = count + 1, last_at = excluded.last_at
                """, arguments: [gtin, lot, serial, now, now])
            return try Int.fetchOne(db, sql: "SELECT count FROM scan WHERE gtin = ? AND lot = ? AND serial = ?", arguments: [gtin, lot, serial]) ?? 1
        }
    }
}
