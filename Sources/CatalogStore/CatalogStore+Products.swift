import DigitalLink
import Foundation
import GRDB
import Measures
import ProductSpecs

/// What certifying one product did.
public enum CertifyResult: Sendable, Equatable {
    case certified(Int64)
    case alreadyCertified(Int64)
    case refused(Int64, LocalizedText)
}

/// A product whose status changed when it was validated again.
public struct StatusTransition: Sendable, Equatable {
    public let productID: Int64
    public let sku: String
    public let from: ProductStatus
    public let to: ProductStatus
}

extension CatalogStore {
    /// Imports products in one write transaction: `body` validates and hands each
    /// product to the writer, and returns whether to commit. When it returns false or
    /// throws, nothing is written.
    /// - Returns: the writer's counts, and whether the import was committed.
    public func importProducts(brand: String, standardVersion: Int, actor: String, source: String,
                               _ body: (any ProductWriting) throws -> Bool) throws -> (writer: any ProductWriting, committed: Bool) {
        var result: (any ProductWriting, Bool)?
        do {
            try pool.writeWithoutTransaction { db in
                try db.inTransaction(.immediate) {
                    let now = Self.timestamp()
                    let writer = try ProductWriter(db: db, standardVersion: standardVersion, now: now)
                    let commit = try body(writer)
                    result = (writer, commit)
                    guard commit else { return .rollback }
                    try writer.logInserts()
                    try AuditEntry.record(db, actor: actor, action: "product.import", subject: "brand:\(brand)", details: [
                        "source": source, "inserted": String(writer.inserted), "updated": String(writer.updated),
                        "unchanged": String(writer.unchanged),
                    ], at: now)
                    return .commit
                }
            }
        } catch let error as StoreError {
            throw error
        } catch let error as DatabaseError {
            throw StoreError.database(String(describing: error))
        }
        return result!
    }

    /// Products, optionally of one brand, status or producer, by id.
    public func products(brand: String? = nil, status: ProductStatus? = nil, producer: String? = nil, limit: Int? = nil) throws -> [StoredProduct] {
        var conditions: [String] = [], arguments: StatementArguments = []
        if let brand { conditions.append("p.brand_id = ?"); arguments += [brand] }
        if let status { conditions.append("p.status = ?"); arguments += [status.rawValue] }
        if let producer { conditions.append("p.producer_id = ?"); arguments += [producer] }
        let clause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        let limitClause = limit.map { " LIMIT \($0)" } ?? ""
        return try read { db in
            try Row.fetchAll(db, sql: "SELECT \(ProductRowCoding.selectColumns) \(clause) ORDER BY p.id\(limitClause)", arguments: arguments)
                .map(ProductRowCoding.storedProduct)
        }
    }

    /// The products with this GTIN, certified first, then by id.
    public func products(gtin: GTIN) throws -> [StoredProduct] {
        try read { db in
            try Row.fetchAll(db.cachedStatement(sql: "SELECT \(ProductRowCoding.selectColumns) WHERE p.gtin = ? ORDER BY p.status = 'certified' DESC, p.id"),
                             arguments: [gtin.digits]).map(ProductRowCoding.storedProduct)
        }
    }

    /// A product by the store's id, or by `producer/sku`.
    public func product(reference: String) throws -> StoredProduct? {
        try read { db in
            let row: Row?
            if let id = Int64(reference) {
                row = try Row.fetchOne(db, sql: "SELECT \(ProductRowCoding.selectColumns) WHERE p.id = ?", arguments: [id])
            } else if let slash = reference.firstIndex(of: "/") {
                row = try Row.fetchOne(db, sql: "SELECT \(ProductRowCoding.selectColumns) WHERE p.producer_id = ? AND p.sku = ?",
                                       arguments: [String(reference[..<slash]), String(reference[reference.index(after: slash)...])])
            } else {
                row = try Row.fetchOne(db, sql: "SELECT \(ProductRowCoding.selectColumns) WHERE p.sku = ?", arguments: [reference])
            }
            return try row.map(ProductRowCoding.storedProduct)
        }
    }

    /// How many products each status has, and how many are exportable.
    public func productCounts(brand: String? = nil) throws -> (byStatus: [ProductStatus: Int], exportable: Int) {
        try read { db in
            let filter = brand == nil ? "" : "WHERE p.brand_id = ?"
            let arguments: StatementArguments = brand.map { [$0] } ?? []
            var counts: [ProductStatus: Int] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT p.status, COUNT(*) AS n FROM product p \(filter) GROUP BY p.status", arguments: arguments) {
                if let status = ProductStatus(rawValue: row["status"]) { counts[status] = row["n"] }
            }
            let exportable = try Int.fetchOne(db, sql: """
                SELECT COUNT(*) FROM product p JOIN producer pr ON pr.id = p.producer_id
                WHERE \(Self.exportableCondition) \(brand == nil ? "" : "AND p.brand_id = ?")
                """, arguments: arguments) ?? 0
            return (counts, exportable)
        }
    }

    /// Certifies compliant products: an officer's act, audited. A product that is not
    /// compliant, or whose producer is not active, is refused with the reason.
    public func certify(ids: [Int64], actor: String) throws -> [CertifyResult] {
        try write { db in
            let now = Self.timestamp()
            var results: [CertifyResult] = []
            for id in ids {
                guard let row = try Row.fetchOne(db.cachedStatement(sql: """
                    SELECT p.status, p.brand_id, p.sku, pr.status AS producer_status, pr.id AS producer_id
                    FROM product p JOIN producer pr ON pr.id = p.producer_id WHERE p.id = ?
                    """), arguments: [id]) else {
                    results.append(.refused(id, LocalizedText(zh: "没有产品 \(id)", en: "no product \(id)")))
                    continue
                }
                let status: String = row["status"], producerStatus: String = row["producer_status"], producer: String = row["producer_id"]
                if status == ProductStatus.certified.rawValue {
                    results.append(.alreadyCertified(id))
                    continue
                }
                guard status == ProductStatus.compliant.rawValue else {
                    results.append(.refused(id, LocalizedText(zh: "产品状态为 \(status)，只有合规产品才能认证", en: "the product is \(status); only compliant products can be certified")))
                    continue
                }
                guard producerStatus == ProducerStatus.active.rawValue else {
                    results.append(.refused(id, LocalizedText(zh: "生产者“\(producer)”状态为 \(producerStatus)", en: "producer “\(producer)” is \(producerStatus)")))
                    continue
                }
                try db.cachedStatement(sql: "UPDATE product SET status = 'certified', updated_at = ? WHERE id = ?").execute(arguments: [now, id])
                try Self.logChanges(db, where: "p.id = ?", [id], at: now)
                try AuditEntry.record(db, actor: actor, action: "product.certify", subject: "product:\(id)",
                                      details: ["sku": row["sku"], "producer": producer], at: now)
                results.append(.certified(id))
            }
            return results
        }
    }

    /// Stores the results of validating a brand's products again (after a new
    /// standard version): a product that no longer complies becomes non-compliant; one
    /// that now complies becomes compliant; certified and withdrawn products that
    /// still comply keep their status.
    /// - Returns: the products whose status changed.
    public func applyRevalidation(_ results: [(id: Int64, report: ComplianceReport)], standardVersion: Int, actor: String) throws -> [StatusTransition] {
        try write { db in
            let now = Self.timestamp()
            var transitions: [StatusTransition] = []
            for (id, report) in results {
                guard let row = try Row.fetchOne(db, sql: """
                    SELECT p.status, p.sku, p.brand_id, p.report, p.standard_version, pr.status AS producer_status FROM product p
                    JOIN producer pr ON pr.id = p.producer_id WHERE p.id = ?
                    """, arguments: [id]),
                    let old = ProductStatus(rawValue: row["status"]) else { continue }
                let new = old.revalidated(compliant: report.isCompliant)
                let reportText = try report.storedJSON()
                // A product the validation finds as it was stays as it is, its time too.
                if new == old && row["report"] as String? == reportText && row["standard_version"] as Int? == standardVersion { continue }
                try db.execute(sql: "UPDATE product SET status = ?, report = ?, standard_version = ?, updated_at = ? WHERE id = ?",
                               arguments: [new.rawValue, reportText, standardVersion, now, id])
                guard new != old else { continue }
                try Self.logChanges(db, where: "p.id = ?", [id], at: now)
                try AuditEntry.record(db, actor: actor, action: "product.revalidate", subject: "product:\(id)",
                                      details: ["from": old.rawValue, "to": new.rawValue, "standard_version": String(standardVersion)], at: now)
                transitions.append(StatusTransition(productID: id, sku: row["sku"], from: old, to: new))
            }
            return transitions
        }
    }

    /// The change log after `sequence`, oldest first: (sequence, product id, event, exportable).
    public func changeLog(after sequence: Int64 = 0, limit: Int = 1000) throws -> [(sequence: Int64, productID: Int64, event: String, exportable: Bool)] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM change_log WHERE seq > ? ORDER BY seq LIMIT ?", arguments: [sequence, limit]).map {
                ($0["seq"], $0["product_id"], $0["event"], $0["exportable"])
            }
        }
    }
}
