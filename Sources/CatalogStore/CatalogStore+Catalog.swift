import Foundation
import GRDB
import ProductSpecs

/// Which exportable products a query selects.
public struct CatalogFilter: Sendable, Equatable {
    public var brand: String?
    public var category: String?
    public var producer: String?
    /// Products whose origin lies in this administrative division (a village, say).
    public var origin: String?

    public init(brand: String? = nil, category: String? = nil, producer: String? = nil, origin: String? = nil) {
        self.brand = brand
        self.category = category
        self.producer = producer
        self.origin = origin
    }

    /// The SQL conditions (on `p`, the product) and their arguments.
    var conditions: (sql: String, arguments: StatementArguments) {
        var parts: [String] = [], arguments: StatementArguments = []
        if let brand { parts.append("p.brand_id = ?"); arguments += [brand] }
        if let category { parts.append("p.category_id = ?"); arguments += [category] }
        if let producer { parts.append("p.producer_id = ?"); arguments += [producer] }
        if let origin { parts.append("p.origin LIKE ? ESCAPE '\\'"); arguments += [origin.replacingOccurrences(of: "%", with: "\\%") + "%"] }
        return (parts.map { " AND " + $0 }.joined(), arguments)
    }
}

/// One entry of the change feed.
public enum CatalogChange: Sendable {
    /// The product is (again) in the catalog, as it is now.
    case upsert(sequence: Int64, product: StoredProduct)
    /// The product left the catalog: withdrawn, its producer suspended or revoked,
    /// no longer compliant, or deleted.
    case tombstone(sequence: Int64, productID: Int64, brand: String)

    public var sequence: Int64 {
        switch self {
        case .upsert(let sequence, _), .tombstone(let sequence, _, _): sequence
        }
    }
}

extension CatalogStore {
    /// Whether product `p` of producer `pr` is in the catalog: certified, its producer
    /// active, and its brand's standard neither retired nor expired.
    /// The closed brands are one uncorrelated subquery, which SQLite reads once per
    /// statement rather than once per product.
    static let exportableCondition = """
        p.status = 'certified' AND pr.status = 'active'
        AND p.brand_id NOT IN (SELECT brand_id FROM brand_state WHERE closed = 1)
        """

    /// Logs `event` for the products `condition` selects (on product `p` and producer
    /// `pr`), each marked with whether it is exportable as it stands now, in id order.
    /// - Returns: how many were logged.
    @discardableResult
    static func logChanges(_ db: Database, event: String = "status", where condition: String, _ arguments: StatementArguments, at now: String) throws -> Int {
        try db.cachedStatement(sql: """
            INSERT INTO change_log (product_id, brand_id, event, exportable, at)
            SELECT p.id, p.brand_id, '\(event)', \(exportableCondition), ? FROM product p JOIN producer pr ON pr.id = p.producer_id
            WHERE \(condition) ORDER BY p.id
            """).execute(arguments: [now] + arguments)
        return db.changesCount
    }

    /// Calls `body` with every exportable product the filter selects, by id, reading
    /// one row at a time from one snapshot: memory stays flat however large the
    /// catalog.
    public func forEachExportableProduct(_ filter: CatalogFilter = CatalogFilter(), _ body: (StoredProduct) throws -> Void) throws {
        let (conditions, arguments) = filter.conditions
        try read { db in
            let cursor = try Row.fetchCursor(db, sql: """
                SELECT \(ProductRowCoding.selectColumns) WHERE \(Self.exportableCondition)\(conditions) ORDER BY p.id
                """, arguments: arguments)
            while let row = try cursor.next() { try body(try ProductRowCoding.storedProduct(row)) }
        }
    }

    /// A stamp that changes whenever anything a catalog reader sees may have changed:
    /// every such write adds to the audit log or the change log. Reading it is two
    /// index look-ups, so readers can keep what they built until it moves.
    public func dataVersion() throws -> String {
        try read { db in
            let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT (SELECT MAX(id) FROM audit_log), (SELECT MAX(seq) FROM change_log)"))
            return "\(row?[0] as Int64? ?? 0):\(row?[1] as Int64? ?? 0)"
        }
    }

    /// One page of the exportable catalog, in id order, after the product id `after`.
    /// Keyset paging: an item that exists throughout a walk is neither skipped nor
    /// repeated, whatever is written meanwhile.
    public func exportablePage(_ filter: CatalogFilter = CatalogFilter(), after: Int64, limit: Int) throws -> [StoredProduct] {
        let (conditions, arguments) = filter.conditions
        return try read { db in
            try Row.fetchAll(db.cachedStatement(sql: """
                SELECT \(ProductRowCoding.selectColumns) WHERE \(Self.exportableCondition) AND p.id > ?\(conditions) ORDER BY p.id LIMIT ?
                """), arguments: [after] + arguments + [limit]).map(ProductRowCoding.storedProduct)
        }
    }

    /// The change feed after `sequence`, in the store's order: an upsert with the
    /// product as it is now, or a tombstone. Replaying it from zero gives exactly the
    /// current exportable catalog. Registrations are left out: a product just
    /// registered is not certified, so not in the catalog, and nothing changes for a
    /// platform.
    public func changes(after sequence: Int64, limit: Int, brand: String? = nil) throws -> [CatalogChange] {
        try read { db in
            let brandCondition = brand == nil ? "" : " AND c.brand_id = ?"
            let arguments: StatementArguments = [sequence] + (brand.map { [$0] } ?? []) + [limit]
            let entries = try Row.fetchAll(db, sql: """
                SELECT c.seq, c.product_id, c.brand_id, c.exportable FROM change_log c
                WHERE c.seq > ? AND c.event != 'insert'\(brandCondition) ORDER BY c.seq LIMIT ?
                """, arguments: arguments)
            return try entries.map { entry in
                let sequence: Int64 = entry["seq"], id: Int64 = entry["product_id"], brand: String = entry["brand_id"]
                // The product as it is now decides: an entry logged as exportable whose
                // product has since left the catalog is followed by a tombstone anyway.
                if entry["exportable"] as Bool,
                   let row = try Row.fetchOne(db, sql: "SELECT \(ProductRowCoding.selectColumns) WHERE p.id = ? AND \(Self.exportableCondition)", arguments: [id]) {
                    return .upsert(sequence: sequence, product: try ProductRowCoding.storedProduct(row))
                }
                return .tombstone(sequence: sequence, productID: id, brand: brand)
            }
        }
    }


    /// Withdraws products from the catalog (by their producer or an officer).
    /// - Returns: how many were withdrawn (products already withdrawn are left as they are).
    public func withdraw(ids: [Int64], reason: String?, actor: String) throws -> Int {
        try write { db in
            let now = Self.timestamp()
            var count = 0
            for id in ids {
                guard let brand = try String.fetchOne(db, sql: "SELECT brand_id FROM product WHERE id = ? AND status != 'withdrawn'", arguments: [id]) else { continue }
                try db.execute(sql: "UPDATE product SET status = 'withdrawn', updated_at = ? WHERE id = ?", arguments: [now, id])
                try db.execute(sql: "INSERT INTO change_log (product_id, brand_id, event, exportable, at) VALUES (?, ?, 'status', 0, ?)", arguments: [id, brand, now])
                try AuditEntry.record(db, actor: actor, action: "product.withdraw", subject: "product:\(id)", details: ["reason": reason ?? ""], at: now)
                count += 1
            }
            return count
        }
    }

    /// Deletes a product; the change feed keeps a tombstone for it. A product with
    /// issued labels stays (their scans must still resolve): withdraw it instead.
    /// - Throws: `StoreError.productNotFound` when there is no such product,
    ///   `StoreError.productHasLabels` when labels were issued for it.
    public func deleteProduct(id: Int64, actor: String) throws {
        try write { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT brand_id, producer_id, sku FROM product WHERE id = ?", arguments: [id]) else {
                throw StoreError.productNotFound(String(id))
            }
            if try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM label_batch WHERE product_id = ?)", arguments: [id]) == true {
                throw StoreError.productHasLabels(String(id))
            }
            let now = Self.timestamp()
            try db.execute(sql: "DELETE FROM product WHERE id = ?", arguments: [id])
            try db.execute(sql: "INSERT INTO change_log (product_id, brand_id, event, exportable, at) VALUES (?, ?, 'delete', 0, ?)",
                           arguments: [id, row["brand_id"] as String, now])
            try AuditEntry.record(db, actor: actor, action: "product.delete", subject: "product:\(id)",
                                  details: ["producer": row["producer_id"], "sku": row["sku"]], at: now)
        }
    }
}
