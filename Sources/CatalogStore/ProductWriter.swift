import BrandStandards
import DigitalLink
import Foundation
import GRDB
import Measures
import ProductSpecs

/// Writes imported products inside one transaction: each is inserted, or updated in
/// place (by producer and sku) when it changed, with a change-log entry either way.
public final class ProductWriter {
    private let db: Database
    private let standardVersion: Int
    private let now: String
    /// The insert every new product goes through, prepared once: looking it up in
    /// the statement cache hashed its whole SQL for every row.
    private var insert: FastInsert

    /// Products inserted so far.
    public private(set) var inserted = 0
    /// Products whose stored data changed.
    public private(set) var updated = 0
    /// Products imported again unchanged.
    public private(set) var unchanged = 0
    /// The existing products this import touched, to catch a producer and sku given
    /// twice.
    private var touched: Set<Int64> = []
    /// The first id this import inserted: with AUTOINCREMENT, every product it
    /// inserts has this id or a larger one, and every other product a smaller one.
    private var firstInserted: Int64?

    init(db: Database, standardVersion: Int, now: String) throws {
        self.db = db
        self.standardVersion = standardVersion
        self.now = now
        insert = FastInsert(try db.makeStatement(sql: """
            INSERT INTO product (brand_id, gtin, name_zh, name_en, description, category_id, attributes, origin, outlet, price,
                availability, standard_version, report, producer_id, sku, status, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (producer_id, sku) DO NOTHING
            """), in: db)
    }

    /// Inserts or updates one validated product.
    /// - Parameter stored: the product's text columns, when the caller worked them
    ///   out already on another thread.
    /// - Throws: a database error, which rolls the whole import back.
    @discardableResult
    public func upsert(_ product: Product, report: ComplianceReport, stored: StoredColumns? = nil) throws -> UpsertEffect {
        let columns = try stored ?? StoredColumns(product: product, report: report)
        let (attributes, reportText) = (columns.attributes, columns.report)
        // Most imported rows are new: try the insert first, and look the product up
        // only when its producer and sku are taken.
        // One call a column, not a loop over an array literal: that built an array and
        // retained every text of every row.
        insert.bind(product.brandID)
        insert.bind(product.gtin?.digits)
        insert.bind(product.name.zh)
        insert.bind(product.name.en)
        insert.bind(product.description)
        insert.bind(product.category)
        insert.bind(attributes)
        insert.bind(product.origin?.digits)
        insert.bind(product.outlet)
        insert.bind(columns.price)
        insert.bind(product.availability.rawValue)
        insert.bind(Int64(standardVersion))
        insert.bind(reportText)
        insert.bind(product.producerID)
        insert.bind(product.sku)
        insert.bind(product.status.rawValue)
        insert.bind(now)
        insert.bind(now)
        if try insert.run() > 0 {
            // Its change-log row is written with all the others when the import
            // commits (`logInserts`).
            if firstInserted == nil { firstInserted = db.lastInsertedRowID }
            inserted += 1
            return .inserted
        }
        // What an officer certified is the product's compliance data; its price and
        // stock are commercial and change without certifying again. The stored
        // report's wording is not compared: validating the same data again may word
        // a finding's place differently.
        let lookup = try db.cachedStatement(sql: """
            SELECT id, status, standard_version,
                (brand_id IS ?1 AND gtin IS ?2 AND name_zh IS ?3 AND name_en IS ?4 AND description IS ?5 AND category_id IS ?6
                 AND attributes IS ?7 AND origin IS ?8 AND outlet IS ?9) AS same_compliance,
                (price IS ?10 AND availability IS ?11) AS same_commerce
            FROM product WHERE producer_id = ?12 AND sku = ?13
            """)
        let compliance: [(any DatabaseValueConvertible)?] = [
            product.brandID, product.gtin?.digits, product.name.zh, product.name.en, product.description,
            product.category, attributes, product.origin?.digits, product.outlet,
        ]
        let commerce: [(any DatabaseValueConvertible)?] = [columns.price, product.availability.rawValue]
        guard let existing = try Row.fetchOne(lookup, arguments: StatementArguments(compliance + commerce + [product.producerID, product.sku])) else {
            throw StoreError.database("product \(product.producerID)/\(product.sku) was neither inserted nor found")
        }
        let id: Int64 = existing["id"]
        if let firstInserted, id >= firstInserted { return .duplicate }
        guard touched.insert(id).inserted else { return .duplicate }
        let oldStatus = ProductStatus(rawValue: existing["status"]) ?? .draft
        let sameVersion = (existing["standard_version"] as Int64) == Int64(standardVersion)
        let newStatus: ProductStatus
        if existing["same_compliance"] as Bool {
            newStatus = oldStatus.revalidated(compliant: report.isCompliant)
            if existing["same_commerce"] as Bool, sameVersion, newStatus == oldStatus {
                unchanged += 1
                return .unchanged
            }
        } else {
            // Changed data needs certifying again; a withdrawn product stays withdrawn.
            newStatus = oldStatus == .withdrawn ? .withdrawn : product.status
        }
        let update = try db.cachedStatement(sql: """
            UPDATE product SET brand_id = ?, gtin = ?, name_zh = ?, name_en = ?, description = ?, category_id = ?,
                attributes = ?, origin = ?, outlet = ?, price = ?, availability = ?, standard_version = ?, report = ?,
                status = ?, updated_at = ?
            WHERE id = ?
            """)
        try update.execute(arguments: StatementArguments(compliance + commerce + [standardVersion, reportText, newStatus.rawValue, now, id]))
        try CatalogStore.logChanges(db, event: "update", where: "p.id = ?", [id], at: now)
        updated += 1
        return .updated
    }

    /// Gives every product this import inserted its change-log row, in one statement
    /// in the same transaction: cheaper than a row at a time, and the rows of one
    /// transaction become visible together anyway. A new product is not certified,
    /// so not exportable, and the feed leaves inserts out: it starts with the
    /// product's certification.
    func logInserts() throws {
        guard let firstInserted else { return }
        try db.execute(sql: """
            INSERT INTO change_log (product_id, brand_id, event, exportable, at)
            SELECT id, brand_id, 'insert', 0, ? FROM product WHERE id >= ? ORDER BY id
            """, arguments: [now, firstInserted])
    }
}
