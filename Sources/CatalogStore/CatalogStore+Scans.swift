import Foundation
import GRDB

extension CatalogStore {
    /// How many times a serialised item has been scanned.
    public func scanCount(gtin: String, lot: String, serial: String) throws -> Int {
        try read { db in
            try Int.fetchOne(db.cachedStatement(sql: "SELECT count FROM scan WHERE gtin = ? AND lot = ? AND serial = ?"),
                             arguments: [gtin, lot, serial]) ?? 0
        }
    }

    /// Adds counted scans, many items in one transaction. Only counts and times are
    /// kept: no address, no device, nothing about who scanned.
    public func addScans(_ scans: [(gtin: String, lot: String, serial: String, count: Int)]) throws {
        guard !scans.isEmpty else { return }
        try write { db in
            let now = Self.timestamp()
            let statement = try db.cachedStatement(sql: """
                INSERT INTO scan (gtin, lot, serial, count, first_at, last_at) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (gtin, lot, serial) DO UPDATE SET count = count + excluded.count, last_at = excluded.last_at
                """)
            for scan in scans { try statement.execute(arguments: [scan.gtin, scan.lot, scan.serial, scan.count, now, now]) }
        }
    }
}
