import GRDB

/// One day's scans of one product's lot, as an officer reads them: people's scans,
/// labels scanned for the first time, scans of codes the brand did not issue, and
/// reports of fakes. Days are UTC days.
public struct ScanReportLine: Sendable, Equatable, Codable {
    public let day: String
    public let gtin: String
    public let sku: String
    public let lot: String
    public let scans: Int
    public let firstScans: Int
    /// Scans of serials no batch issued.
    public let neverIssued: Int
    /// Scans of issued serials under another lot.
    public let wrongLot: Int
    /// Scans of issued serials with a signature their batch's key does not give.
    public let forgedSignature: Int
    public let fakeReports: Int

    /// Every scan of a code the brand did not issue: the three kinds above.
    public let counterfeitAttempts: Int

    enum CodingKeys: String, CodingKey {
        case day, gtin, sku, lot, scans, firstScans = "first_scans", counterfeitAttempts = "counterfeit_attempts"
        case neverIssued = "never_issued", wrongLot = "wrong_lot", forgedSignature = "forged_signature", fakeReports = "fake_reports"
    }

    public init(day: String, gtin: String, sku: String, lot: String, scans: Int, firstScans: Int, neverIssued: Int, wrongLot: Int,
                forgedSignature: Int, fakeReports: Int) {
        self.day = day
        self.gtin = gtin
        self.sku = sku
        self.lot = lot
        self.scans = scans
        self.firstScans = firstScans
        self.neverIssued = neverIssued
        self.wrongLot = wrongLot
        self.forgedSignature = forgedSignature
        self.fakeReports = fakeReports
        counterfeitAttempts = neverIssued + wrongLot + forgedSignature
    }
}

/// A consumer's report of a suspected fake, as they sent it.
public struct FakeReport: Sendable, Equatable, Codable {
    public let id: Int64
    public let reportedAt: String
    public let gtin: String
    public let lot: String
    public let serial: String
    public let note: String
    /// Only when the consumer chose to leave one.
    public let contact: String?

    enum CodingKeys: String, CodingKey {
        case id, reportedAt = "reported_at", gtin, lot, serial, note, contact
    }
}

/// A brand's scans since a day: per day, product and lot; and the reports of fakes.
public struct ScanReport: Sendable, Equatable, Codable {
    public let brand: String
    /// The first day reported (UTC), `nil` for all days.
    public let since: String?
    public let lines: [ScanReportLine]
    public let reports: [FakeReport]
}

extension CatalogStore {
    /// The scans of `brand`'s products from `since` (a `YYYY-MM-DD` UTC day) on.
    public func scanReport(brand: String, since: String?) throws -> ScanReport {
        try read { db in
            let first = since ?? ""
            let lines = try Row.fetchAll(db, sql: """
                WITH g AS (SELECT gtin, MIN(sku) AS sku FROM product WHERE brand_id = ?1 AND gtin IS NOT NULL GROUP BY gtin),
                e (day, gtin, lot, scans, first_scans, never_issued, wrong_lot, forged_signature, reports) AS (
                    SELECT day, gtin, lot, count, 0, 0, 0, 0, 0 FROM scan_day WHERE day >= ?2
                    UNION ALL SELECT substr(first_at, 1, 10), gtin, lot, 0, 1, 0, 0, 0, 0 FROM scan WHERE first_at >= ?2
                    UNION ALL SELECT substr(at, 1, 10), gtin, lot, 0, 0, (kind = 'never_issued') * count, (kind = 'wrong_lot') * count,
                        (kind = 'forged_signature') * count, 0
                        FROM counterfeit_attempt WHERE at >= ?2
                    UNION ALL SELECT substr(reported_at, 1, 10), gtin, lot, 0, 0, 0, 0, 0, 1 FROM fake_report WHERE reported_at >= ?2
                )
                SELECT e.day, e.gtin, g.sku, e.lot, SUM(e.scans) AS scans, SUM(e.first_scans) AS first_scans,
                       SUM(e.never_issued) AS never_issued, SUM(e.wrong_lot) AS wrong_lot, SUM(e.forged_signature) AS forged_signature,
                       SUM(e.reports) AS reports
                FROM e JOIN g ON g.gtin = e.gtin
                GROUP BY e.day, e.gtin, e.lot ORDER BY e.day, e.gtin, e.lot
                """, arguments: [brand, first]).map { row in
                ScanReportLine(day: row["day"], gtin: row["gtin"], sku: row["sku"], lot: row["lot"], scans: row["scans"],
                               firstScans: row["first_scans"], neverIssued: row["never_issued"], wrongLot: row["wrong_lot"],
                               forgedSignature: row["forged_signature"], fakeReports: row["reports"])
            }
            let reports = try Row.fetchAll(db, sql: """
                SELECT r.* FROM fake_report r WHERE r.reported_at >= ?2
                  AND r.gtin IN (SELECT gtin FROM product WHERE brand_id = ?1 AND gtin IS NOT NULL)
                ORDER BY r.id
                """, arguments: [brand, first]).map { row in
                FakeReport(id: row["id"], reportedAt: row["reported_at"], gtin: row["gtin"], lot: row["lot"], serial: row["serial"],
                           note: row["note"], contact: row["contact"])
            }
            return ScanReport(brand: brand, since: since, lines: lines, reports: reports)
        }
    }
}
