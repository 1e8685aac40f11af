import DigitalLink
import Foundation
import GRDB
import Measures
import ProductSpecs

/// A batch of labels: a contiguous range of serials of one GTIN and lot, taken from
/// the store at once and never given out again.
public struct LabelBatch: Sendable, Equatable, Codable {
    public let id: Int64
    public let productID: Int64
    public let brandID: String
    public let gtin: GTIN
    public let lot: String
    /// The first serial; the batch holds `firstSerial ..< firstSerial + count`.
    public let firstSerial: Int64
    public let count: Int
    public let size: String
    public let dpi: Int
    public let format: String
    public let standardVersion: Int
    /// The signing key's id.
    public let keyID: Int64
    /// How the labels are drawn, as the caller described it (opaque to the store), so
    /// that a batch cut short finishes exactly as it began.
    public let jobJSON: String
    public let issuer: String
    public let issuedAt: String
    public let completedAt: String?

    /// The batch's serials.
    public var serials: Range<Int64> { firstSerial..<(firstSerial + Int64(count)) }
}

/// What a producer asks for.
public struct LabelBatchRequest: Sendable {
    public var productID: Int64
    public var lot: String
    public var count: Int
    public var size: String
    public var dpi: Int
    public var format: String
    public var standardVersion: Int
    public var jobJSON: String

    public init(productID: Int64, lot: String, count: Int, size: String, dpi: Int, format: String, standardVersion: Int, jobJSON: String) {
        self.productID = productID
        self.lot = lot
        self.count = count
        self.size = size
        self.dpi = dpi
        self.format = format
        self.standardVersion = standardVersion
        self.jobJSON = jobJSON
    }
}

/// A serial a batch issued: what the resolver checks a scan against.
public struct IssuedSerial: Sendable, Equatable {
    public let batchID: Int64
    public let lot: String
    /// The batch's signing key.
    public let key: [UInt8]
    /// Voided after it was issued (a jammed roll, a misprint): never genuine.
    public let voided: Bool
    /// The commitment certificate the serial is a copy of, when it is one.
    public let certificateID: Int64?
    /// When its batch was issued (ISO 8601, UTC).
    public let issuedAt: String
    /// The version of the brand's standard its batch was issued under, as the brand
    /// numbers it (`2026.1`).
    public let standardLabel: String

    public init(batchID: Int64, lot: String, key: [UInt8], voided: Bool, certificateID: Int64? = nil, issuedAt: String = "",
                standardLabel: String = "") {
        self.batchID = batchID
        self.lot = lot
        self.key = key
        self.voided = voided
        self.certificateID = certificateID
        self.issuedAt = issuedAt
        self.standardLabel = standardLabel
    }
}

/// The answer to a request for labels.
public enum LabelIssue: Sendable {
    /// The batch, with the key its labels are signed with.
    case issued(LabelBatch, key: [UInt8])
    /// Why no labels may be issued.
    case refused([LocalizedText])
}

extension CatalogStore {
    /// The most labels one batch may hold.
    public static let maximumBatchSize = 1_000_000

    /// Issues a batch: checks that the product is certified and its producer active
    /// and authorised for its category, takes the next `count` serials of its GTIN and
    /// records the batch, in one transaction, audited.
    public func issueLabelBatch(_ request: LabelBatchRequest, certificate: CertificateFields? = nil, actor: String) throws -> LabelIssue {
        try write { db in
            guard let row = try Self.eligibilityRow(db, productID: request.productID) else {
                return .refused([StoreError.productNotFound(String(request.productID)).message])
            }
            let reasons = try Self.refusals(db, row, request: request)
            guard reasons.isEmpty, let gtinText: String = row["gtin"] else { return .refused(reasons) }
            let brand: String = row["brand_id"], now = Self.timestamp()
            let key = try Self.signingKey(db, brand: brand, at: now)
            try db.execute(sql: "INSERT OR IGNORE INTO serial_counter (gtin, next_serial) VALUES (?, 1)", arguments: [gtinText])
            let first = try Int64.fetchOne(db, sql: "SELECT next_serial FROM serial_counter WHERE gtin = ?", arguments: [gtinText]) ?? 1
            try db.execute(sql: "UPDATE serial_counter SET next_serial = ? WHERE gtin = ?", arguments: [first + Int64(request.count), gtinText])
            try db.execute(sql: """
                INSERT INTO label_batch (product_id, brand_id, gtin, lot, first_serial, count, size, dpi, format, standard_version,
                                         key_id, job_json, issuer, issued_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [request.productID, brand, gtinText, request.lot, first, request.count, request.size, request.dpi,
                                 request.format, request.standardVersion, key.id, request.jobJSON, actor, now])
            let id = db.lastInsertedRowID
            try AuditEntry.record(db, actor: actor, action: "labels.issue", subject: "label_batch:\(id)", details: [
                "product": String(request.productID), "sku": row["sku"], "gtin": gtinText, "lot": request.lot,
                "serials": "\(first)-\(first + Int64(request.count) - 1)", "size": request.size, "dpi": String(request.dpi),
                "format": request.format,
            ], at: now)
            if let certificate { try Self.insertCertificate(db, certificate, batchID: id, brand: brand, productID: request.productID, actor: actor, at: now) }
            guard let batch = try Self.batch(db, id: id) else { throw StoreError.database("the new batch \(id) vanished") }
            return .issued(batch, key: key.secret)
        }
    }

    /// Why labels may not be issued for a product now (empty when they may), without
    /// issuing any: the same checks `issueLabelBatch` makes, for callers that want to
    /// say so before preparing a batch.
    public func labelRefusals(for request: LabelBatchRequest) throws -> [LocalizedText] {
        try read { db in
            guard let row = try Self.eligibilityRow(db, productID: request.productID) else {
                return [StoreError.productNotFound(String(request.productID)).message]
            }
            return try Self.refusals(db, row, request: request)
        }
    }

    private static func eligibilityRow(_ db: Database, productID: Int64) throws -> Row? {
        try Row.fetchOne(db, sql: """
            SELECT p.status, p.brand_id, p.category_id AS category, p.gtin, p.sku, pr.id AS producer_id, pr.status AS producer_status,
                   pr.valid_from, pr.valid_to,
                   EXISTS (SELECT 1 FROM producer_authorisation a WHERE a.producer_id = pr.id AND a.brand_id = p.brand_id
                           AND a.category_id = p.category_id) AS authorised
            FROM product p JOIN producer pr ON pr.id = p.producer_id WHERE p.id = ?
            """, arguments: [productID])
    }

    /// Why a product's labels may not be issued; empty when they may.
    private static func refusals(_ db: Database, _ row: Row, request: LabelBatchRequest) throws -> [LocalizedText] {
        var reasons: [LocalizedText] = []
        let status: String = row["status"], producer: String = row["producer_id"], producerStatus: String = row["producer_status"]
        if status != ProductStatus.certified.rawValue {
            reasons.append(LocalizedText(zh: "产品状态为 \(status)，只有已认证的产品才能发放标签",
                                         en: "the product is \(status); labels are issued only for certified products"))
        }
        if producerStatus != ProducerStatus.active.rawValue {
            reasons.append(LocalizedText(zh: "生产者“\(producer)”状态为 \(producerStatus)，不能发放标签",
                                         en: "producer “\(producer)” is \(producerStatus); no labels are issued for it"))
        } else {
            let today = String(timestamp().prefix(10))
            let from: String? = row["valid_from"], to: String? = row["valid_to"]
            if let from, today < from { reasons.append(LocalizedText(zh: "生产者授权自 \(from) 起生效", en: "the producer's authorisation starts on \(from)")) }
            if let to, today > to { reasons.append(LocalizedText(zh: "生产者授权已于 \(to) 到期", en: "the producer's authorisation ended on \(to)")) }
        }
        if !(row["authorised"] as Bool) {
            let category: String = row["category"]
            reasons.append(LocalizedText(zh: "生产者“\(producer)”未获授权生产品类“\(category)”",
                                         en: "producer “\(producer)” is not authorised for the category “\(category)”"))
        }
        if (row["gtin"] as String?) == nil {
            reasons.append(LocalizedText(zh: "产品没有 GTIN，二维码无法携带 GS1 数字链接", en: "the product has no GTIN, so no GS1 Digital Link can be made"))
        }
        if !(1...maximumBatchSize).contains(request.count) {
            reasons.append(LocalizedText(zh: "数量应在 1 到 \(maximumBatchSize) 之间", en: "the count must be 1 to \(maximumBatchSize)"))
        }
        if let closure = try closure(db, brand: row["brand_id"]) { reasons.append(closure) }
        return reasons
    }

    /// The brand's current signing key, made on first use.
    private static func signingKey(_ db: Database, brand: String, at now: String) throws -> (id: Int64, secret: [UInt8]) {
        if let row = try Row.fetchOne(db, sql: "SELECT id, secret FROM signing_key WHERE brand_id = ? AND retired_at IS NULL ORDER BY id DESC LIMIT 1",
                                      arguments: [brand]) {
            return (row["id"], Array(row["secret"] as Data))
        }
        let secret = SerialSignature.newKey()
        try db.execute(sql: "INSERT INTO signing_key (brand_id, secret, created_at) VALUES (?, ?, ?)", arguments: [brand, Data(secret), now])
        return (db.lastInsertedRowID, secret)
    }

    /// A batch and the key its labels are signed with.
    public func labelBatch(id: Int64) throws -> (batch: LabelBatch, key: [UInt8])? {
        try read { db in
            guard let batch = try Self.batch(db, id: id),
                  let secret = try Data.fetchOne(db, sql: "SELECT secret FROM signing_key WHERE id = ?", arguments: [batch.keyID]) else { return nil }
            return (batch, Array(secret))
        }
    }

    /// Every batch, newest first.
    public func labelBatches() throws -> [LabelBatch] {
        try read { db in try Row.fetchAll(db, sql: "SELECT * FROM label_batch ORDER BY id DESC").map(Self.batch) }
    }

    /// What the resolver needs to check a scanned serial: the batch that issued it,
    /// its lot and the key it was signed with (without the batch's drawing instructions).
    public func issuedSerial(gtin: GTIN, serial: Int64) throws -> IssuedSerial? {
        try read { db in
            guard let row = try Row.fetchOne(db.cachedStatement(sql: """
                SELECT b.id, b.lot, b.first_serial, b.count, k.secret, b.issued_at,
                       EXISTS (SELECT 1 FROM label_void v WHERE v.batch_id = b.id AND ?2 BETWEEN v.first_serial AND v.last_serial) AS voided,
                       (SELECT c.id FROM certificate c WHERE c.batch_id = b.id) AS certificate_id,
                       (SELECT s.label FROM standard_version s WHERE s.brand_id = b.brand_id AND s.number = b.standard_version) AS standard_label
                FROM label_batch b JOIN signing_key k ON k.id = b.key_id
                WHERE b.gtin = ?1 AND b.first_serial <= ?2 ORDER BY b.first_serial DESC LIMIT 1
                """), arguments: [gtin.digits, serial]) else { return nil }
            let first: Int64 = row["first_serial"], count: Int64 = row["count"]
            guard serial < first + count else { return nil }
            return IssuedSerial(batchID: row["id"], lot: row["lot"], key: Array(row["secret"] as Data), voided: row["voided"],
                                certificateID: row["certificate_id"], issuedAt: row["issued_at"], standardLabel: row["standard_label"] ?? "")
        }
    }

    /// Voids serials `first...last` of a batch (a jammed roll, a misprint), with a
    /// reason, audited. Serials voided before are left as they are; when every one of
    /// them was, nothing is written. Serials are never issued again, voided or not.
    /// - Returns: how many serials this call voided.
    /// - Throws: `StoreError` when the batch does not exist or the range leaves it.
    public func voidLabels(batchID: Int64, first: Int64, last: Int64, reason: String, actor: String) throws -> Int {
        try write { db in
            guard let batch = try Self.batch(db, id: batchID) else { throw StoreError.labelBatchNotFound(batchID) }
            let end = batch.firstSerial + Int64(batch.count) - 1
            guard first <= last, first >= batch.firstSerial, last <= end else {
                throw StoreError.serialsOutsideBatch(batch: batchID, serials: SerialRanges.text(first...last), held: SerialRanges.text(batch.firstSerial...end))
            }
            let voided = (first...last).count - SerialRanges.count(try Self.voidedSerials(db, batchID: batchID), within: first...last)
            guard voided > 0 else { return 0 }
            let now = Self.timestamp()
            try db.execute(sql: "INSERT INTO label_void (batch_id, first_serial, last_serial, reason, actor, voided_at) VALUES (?, ?, ?, ?, ?, ?)",
                           arguments: [batchID, first, last, reason, actor, now])
            try AuditEntry.record(db, actor: actor, action: "labels.void", subject: "label_batch:\(batchID)",
                                  details: ["serials": SerialRanges.text(first...last), "voided": String(voided), "reason": reason], at: now)
            return voided
        }
    }

    /// The serials of a batch voided so far, as ranges that do not overlap, in order.
    public func voidedSerials(batchID: Int64) throws -> [ClosedRange<Int64>] {
        try read { db in try Self.voidedSerials(db, batchID: batchID) }
    }

    static func voidedSerials(_ db: Database, batchID: Int64) throws -> [ClosedRange<Int64>] {
        try SerialRanges.fetch(db, table: "label_void", batchID: batchID)
    }

    /// Records that every label of a batch was written: its serials are printed (the
    /// mark ledger counts them so).
    public func completeLabelBatch(id: Int64) throws {
        try write { db in
            let now = Self.timestamp()
            try db.execute(sql: "UPDATE label_batch SET completed_at = ? WHERE id = ? AND completed_at IS NULL", arguments: [now, id])
            guard db.changesCount > 0, let batch = try Self.batch(db, id: id) else { return }
            try Self.recordPrinted(db, batch: batch, serials: batch.firstSerial...(batch.firstSerial + Int64(batch.count) - 1), via: "files", at: now)
        }
    }

    /// Records that the label of one serial was produced on its own (a file asked for
    /// over HTTP); a serial printed before is left as it is.
    public func recordPrinted(batchID: Int64, serial: Int64) throws {
        try write { db in
            guard let batch = try Self.batch(db, id: batchID), batch.serials.contains(serial) else { return }
            try Self.recordPrinted(db, batch: batch, serials: serial...serial, via: "file", at: Self.timestamp())
        }
    }

    /// The serials of a batch printed so far, as ranges that do not overlap, in order.
    public func printedSerials(batchID: Int64) throws -> [ClosedRange<Int64>] {
        try read { db in try Self.printedSerials(db, batchID: batchID) }
    }

    static func printedSerials(_ db: Database, batchID: Int64) throws -> [ClosedRange<Int64>] {
        try SerialRanges.fetch(db, table: "label_print", batchID: batchID)
    }

    private static func recordPrinted(_ db: Database, batch: LabelBatch, serials: ClosedRange<Int64>, via: String, at now: String) throws {
        guard SerialRanges.count(try printedSerials(db, batchID: batch.id), within: serials) < serials.count else { return }
        try db.execute(sql: "INSERT INTO label_print (batch_id, first_serial, last_serial, via, printed_at) VALUES (?, ?, ?, ?, ?)",
                       arguments: [batch.id, serials.lowerBound, serials.upperBound, via, now])
    }

    static func batch(_ db: Database, id: Int64) throws -> LabelBatch? {
        try Row.fetchOne(db, sql: "SELECT * FROM label_batch WHERE id = ?", arguments: [id]).map(batch)
    }

    private static func batch(_ row: Row) -> LabelBatch {
        LabelBatch(
            id: row["id"], productID: row["product_id"], brandID: row["brand_id"], gtin: GTIN(verifiedDigits: row["gtin"]),
            lot: row["lot"], firstSerial: row["first_serial"], count: row["count"], size: row["size"], dpi: row["dpi"],
            format: row["format"], standardVersion: row["standard_version"], keyID: row["key_id"], jobJSON: row["job_json"],
            issuer: row["issuer"], issuedAt: row["issued_at"], completedAt: row["completed_at"]
        )
    }
}
