import Foundation
import GRDB

/// A label's scans so far: how many, and when the first was.
public struct ScanTally: Sendable, Equatable {
    public let count: Int
    /// When it was first scanned (ISO 8601, UTC); `nil` before its first scan.
    public let firstAt: String?

    public init(count: Int, firstAt: String?) {
        self.count = count
        self.firstAt = firstAt
    }
}

/// What a scan of a code that the brand did not issue as scanned was.
public enum CounterfeitKind: String, Sendable, CaseIterable, Codable {
    /// A serial no batch of the GTIN issued.
    case neverIssued = "never_issued"
    /// A serial issued, but for another lot than the code names.
    case wrongLot = "wrong_lot"
    /// An issued serial of the lot with a signature its batch's key does not give
    /// (or none).
    case forgedSignature = "forged_signature"
}

/// Scans of a code the brand did not issue: what it named, when first, how often;
/// nothing about who scanned it.
public struct CounterfeitAttempt: Sendable, Equatable {
    public let gtin: String
    public let lot: String
    public let serial: String
    public let kind: CounterfeitKind
    public let at: String
    public let count: Int

    public init(gtin: String, lot: String, serial: String, kind: CounterfeitKind, at: String, count: Int = 1) {
        self.gtin = gtin
        self.lot = lot
        self.serial = serial
        self.kind = kind
        self.at = at
        self.count = count
    }
}

/// Counted scans of one label, to add to the store.
public struct ScanBatchItem: Sendable {
    public let gtin: String, lot: String, serial: String
    public let count: Int
    /// When the first of them was made.
    public let at: String

    public init(gtin: String, lot: String, serial: String, count: Int, at: String) {
        self.gtin = gtin
        self.lot = lot
        self.serial = serial
        self.count = count
        self.at = at
    }
}

extension CatalogStore {
    /// How many times a serialised item has been scanned.
    public func scanCount(gtin: String, lot: String, serial: String) throws -> Int {
        try scanTally(gtin: gtin, lot: lot, serial: serial).count
    }

    /// How many times a serialised item has been scanned, and when first.
    public func scanTally(gtin: String, lot: String, serial: String) throws -> ScanTally {
        try read { db in
            let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT count, first_at FROM scan WHERE gtin = ? AND lot = ? AND serial = ?"),
                                       arguments: [gtin, lot, serial])
            return ScanTally(count: row?["count"] ?? 0, firstAt: row?["first_at"])
        }
    }

    /// Adds counted scans and counterfeit attempts, many in one transaction, each scan
    /// counted on the day (UTC) it was made. Only counts and times are kept: no
    /// address, no device, nothing about who scanned.
    public func addScans(_ scans: [ScanBatchItem], attempts: [CounterfeitAttempt] = []) throws {
        guard !scans.isEmpty || !attempts.isEmpty else { return }
        try write { db in
            let label = try db.cachedStatement(sql: """
                INSERT INTO scan (gtin, lot, serial, count, first_at, last_at) VALUES (?1, ?2, ?3, ?4, ?5, ?5)
                ON CONFLICT (gtin, lot, serial) DO UPDATE SET count = count + excluded.count, last_at = excluded.last_at
                """)
            let day = try db.cachedStatement(sql: """
                INSERT INTO scan_day (gtin, lot, day, count) VALUES (?, ?, ?, ?)
                ON CONFLICT (gtin, lot, day) DO UPDATE SET count = count + excluded.count
                """)
            for scan in scans {
                try label.execute(arguments: [scan.gtin, scan.lot, scan.serial, scan.count, scan.at])
                try day.execute(arguments: [scan.gtin, scan.lot, String(scan.at.prefix(10)), scan.count])
            }
            let attempt = try db.cachedStatement(sql: "INSERT INTO counterfeit_attempt (gtin, lot, serial, kind, at, count) VALUES (?, ?, ?, ?, ?, ?)")
            for item in attempts { try attempt.execute(arguments: [item.gtin, item.lot, item.serial, item.kind.rawValue, item.at, item.count]) }
        }
    }

    /// Keeps a consumer's report of a suspected fake: what was scanned, what they
    /// wrote, and a contact only when they chose to leave one.
    /// - Returns: the report's id.
    @discardableResult
    public func addFakeReport(gtin: String, lot: String, serial: String, note: String, contact: String?) throws -> Int64 {
        try write { db in
            try db.execute(sql: "INSERT INTO fake_report (gtin, lot, serial, note, contact, reported_at) VALUES (?, ?, ?, ?, ?, ?)",
                           arguments: [gtin, lot, serial, note, contact, Self.timestamp()])
            return db.lastInsertedRowID
        }
    }
}
