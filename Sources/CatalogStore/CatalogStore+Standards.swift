import BrandStandards
import Foundation
import GRDB

/// A standard version as the store keeps it: immutable once published.
public struct PublishedStandard: Sendable {
    /// The brand.
    public let brandID: String
    /// The store's version number for the brand: 1, 2, 3, ...
    public let number: Int
    /// The standard as published.
    public let standard: BrandStandard
    /// When it was published.
    public let publishedAt: String
}

/// What publishing did.
public enum PublishOutcome: Sendable {
    /// A new version was stored.
    case published(PublishedStandard)
    /// The standard is the same as the current version; nothing was stored.
    case unchanged(PublishedStandard)
}

extension CatalogStore {
    /// Stores a new version of a brand's standard, unless it equals the current one.
    public func publish(_ standard: BrandStandard, actor: String) throws -> PublishOutcome {
        let json: String
        do { json = String(decoding: try standard.canonicalJSON(), as: UTF8.self) } catch {
            throw StoreError.database("cannot encode the standard: \(error)")
        }
        return try write { db in
            if let current = try Self.currentStandard(db, brand: standard.id), current.json == json {
                return .unchanged(current.published)
            }
            let number = (try Int.fetchOne(db, sql: "SELECT MAX(number) FROM standard_version WHERE brand_id = ?", arguments: [standard.id]) ?? 0) + 1
            let now = Self.timestamp()
            try db.execute(sql: """
                INSERT INTO standard_version (brand_id, number, label, canonical_json, published_at, published_by)
                VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [standard.id, number, standard.version, json, now, actor])
            try AuditEntry.record(db, actor: actor, action: "standard.publish", subject: "brand:\(standard.id)",
                                  details: ["version": String(number), "label": standard.version], at: now)
            return .published(PublishedStandard(brandID: standard.id, number: number, standard: standard, publishedAt: now))
        }
    }

    /// The brand's current (latest) published standard, if any.
    public func currentStandard(brand: String) throws -> PublishedStandard? {
        try read { db in try Self.currentStandard(db, brand: brand)?.published }
    }

    /// One published version of a brand's standard.
    public func standard(brand: String, number: Int) throws -> PublishedStandard? {
        try read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM standard_version WHERE brand_id = ? AND number = ?", arguments: [brand, number]) else {
                return nil
            }
            return try Self.published(row).published
        }
    }

    /// Every brand's current standard, by brand id.
    public func currentStandards() throws -> [PublishedStandard] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT s.* FROM standard_version s
                JOIN (SELECT brand_id, MAX(number) AS number FROM standard_version GROUP BY brand_id) latest
                  ON latest.brand_id = s.brand_id AND latest.number = s.number
                ORDER BY s.brand_id
                """).map { try Self.published($0).published }
        }
    }

    static func currentStandard(_ db: Database, brand: String) throws -> (published: PublishedStandard, json: String)? {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM standard_version WHERE brand_id = ? ORDER BY number DESC LIMIT 1", arguments: [brand]) else {
            return nil
        }
        return try published(row)
    }

    private static func published(_ row: Row) throws -> (published: PublishedStandard, json: String) {
        let json: String = row["canonical_json"]
        let standard = try JSONDecoder().decode(BrandStandard.self, from: Data(json.utf8))
        return (PublishedStandard(brandID: row["brand_id"], number: row["number"], standard: standard, publishedAt: row["published_at"]), json)
    }
}
