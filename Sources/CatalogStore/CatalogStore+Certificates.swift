import BrandStandards
import Foundation
import GRDB
import Measures
import ProductSpecs

/// A certificate as the store holds it: its words, the product and batch it belongs
/// to (each copy is one of the batch's serials), and whether it was voided.
public struct CertificateRecord: Sendable, Equatable, Codable {
    public var id: Int64
    public var batchID: Int64
    public var brandID: String
    public var productID: Int64
    public var gtin: String
    public var lot: String
    public var firstSerial: Int64
    public var copies: Int
    public var fields: CertificateFields
    /// Who issued it (the signed-in person, key or operator) and when.
    public var issuer: String
    public var issuedAt: String
    /// Every copy voided; the latest reason given.
    public var voided: Bool
    public var voidReason: String?

    enum CodingKeys: String, CodingKey {
        case id, batchID = "batch", brandID = "brand", productID = "product", gtin, lot, firstSerial = "first_serial", copies
        case fields = "certificate", issuer, issuedAt = "issued_at", voided, voidReason = "void_reason"
    }

    /// The first day the record may be deleted: two years after the date of issue
    /// (29 February moves to 28 February).
    public var retainedUntil: String {
        guard let day = CalendarDay(fields.issuedOn) else { return fields.issuedOn }
        let year = String(day.year + CatalogStore.certificateRetentionYears)
        let monthDay = fields.issuedOn.suffix(6)
        return CalendarDay(year + monthDay).map(\.description) ?? year + "-02-28"
    }
}

extension CatalogStore {
    /// How long a certificate's record is kept at least.
    public static let certificateRetentionYears = 2

    static func insertCertificate(_ db: Database, _ fields: CertificateFields, batchID: Int64, brand: String, productID: Int64,
                                  actor: String, at now: String) throws {
        try db.execute(sql: """
            INSERT INTO certificate (batch_id, brand_id, product_id, commitment, basis, report_number, quantity_entered, quantity,
                                     product_name_zh, product_name_en, origin_zh, origin_en, issuer_name_zh, issuer_name_en,
                                     issuer_uscc, contact, issued_on)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [batchID, brand, productID, fields.commitment.rawValue, fields.basis.rawValue, fields.reportNumber,
                             fields.quantityEntered, fields.quantity, fields.productName.zh, fields.productName.en, fields.origin.zh,
                             fields.origin.en, fields.issuerName.zh, fields.issuerName.en, fields.issuerUSCC, fields.contact, fields.issuedOn])
        let id = db.lastInsertedRowID
        try AuditEntry.record(db, actor: actor, action: "certificates.issue", subject: "certificate:\(id)", details: [
            "batch": String(batchID), "product": String(productID), "commitment": fields.commitment.rawValue, "basis": fields.basis.rawValue,
            "report": fields.reportNumber ?? "", "quantity": fields.quantity, "issued_on": fields.issuedOn,
        ], at: now)
    }

    /// The certificates, newest first; of one brand when `brand` is given.
    public func certificates(brand: String? = nil) throws -> [CertificateRecord] {
        try read { db in
            try Row.fetchAll(db, sql: Self.certificateQuery + (brand == nil ? "" : " WHERE c.brand_id = ?") + " ORDER BY c.id DESC",
                             arguments: StatementArguments(brand.map { [$0] } ?? [])).map { try Self.certificate(db, $0) }
        }
    }

    public func certificate(id: Int64) throws -> CertificateRecord? {
        try read { db in try Self.certificate(db, id: id) }
    }

    /// The certificate whose copies are the serials of batch `batchID`.
    public func certificate(batchID: Int64) throws -> CertificateRecord? {
        try read { db in
            try Row.fetchOne(db, sql: Self.certificateQuery + " WHERE c.batch_id = ?", arguments: [batchID]).map { try Self.certificate(db, $0) }
        }
    }

    /// Deletes a certificate's record once the two years it must be kept have passed,
    /// audited; its serials stay issued (and voided, if they were), never issued again.
    /// - Throws: `StoreError.certificateRetained` before then.
    public func deleteCertificate(id: Int64, actor: String, today: CalendarDay = .today()) throws {
        try write { db in
            guard let record = try Self.certificate(db, id: id) else { throw StoreError.certificateNotFound(id) }
            guard let until = CalendarDay(record.retainedUntil), !(today < until) else {
                throw StoreError.certificateRetained(id: id, until: record.retainedUntil)
            }
            try db.execute(sql: "DELETE FROM certificate WHERE id = ?", arguments: [id])
            try AuditEntry.record(db, actor: actor, action: "certificates.delete", subject: "certificate:\(id)", details: [
                "batch": String(record.batchID), "issued_on": record.fields.issuedOn,
            ], at: Self.timestamp())
        }
    }

    private static let certificateQuery = """
        SELECT c.*, b.gtin, b.lot, b.first_serial, b.count, b.issuer, b.issued_at FROM certificate c JOIN label_batch b ON b.id = c.batch_id
        """

    private static func certificate(_ db: Database, id: Int64) throws -> CertificateRecord? {
        try Row.fetchOne(db, sql: certificateQuery + " WHERE c.id = ?", arguments: [id]).map { try certificate(db, $0) }
    }

    private static func certificate(_ db: Database, _ row: Row) throws -> CertificateRecord {
        let batchID: Int64 = row["batch_id"], first: Int64 = row["first_serial"], count: Int = row["count"]
        let voided = SerialRanges.count(try voidedSerials(db, batchID: batchID), within: first...(first + Int64(count) - 1)) == count
        let reason = voided ? try String.fetchOne(db, sql: "SELECT reason FROM label_void WHERE batch_id = ? ORDER BY id DESC LIMIT 1",
                                                  arguments: [batchID]) : nil
        let fields = CertificateFields(
            commitment: CertificateCommitment(rawValue: row["commitment"]) ?? .producer,
            basis: CertificateBasis(rawValue: row["basis"]) ?? .qualityControl,
            reportNumber: row["report_number"], quantityEntered: row["quantity_entered"], quantity: row["quantity"],
            productName: LocalizedText(zh: row["product_name_zh"], en: row["product_name_en"]),
            origin: LocalizedText(zh: row["origin_zh"], en: row["origin_en"]),
            issuerName: LocalizedText(zh: row["issuer_name_zh"], en: row["issuer_name_en"]),
            issuerUSCC: row["issuer_uscc"], contact: row["contact"], issuedOn: row["issued_on"])
        return CertificateRecord(id: row["id"], batchID: batchID, brandID: row["brand_id"], productID: row["product_id"], gtin: row["gtin"],
                                 lot: row["lot"], firstSerial: first, copies: count, fields: fields, issuer: row["issuer"],
                                 issuedAt: row["issued_at"], voided: voided, voidReason: reason)
    }
}
