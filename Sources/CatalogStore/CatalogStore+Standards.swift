import BrandStandards
import Foundation
import GRDB
import Measures

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
    /// The standard is the same as the latest version; nothing was stored.
    case unchanged(PublishedStandard)
    /// Nothing was stored: the standard is a draft, or its `version:` is already
    /// published with other content.
    case refused(LocalizedText)
}

extension CatalogStore {
    /// Stores a new version of a brand's standard, unless it equals the latest one. A
    /// draft is refused, and so is other content under a `version:` already published.
    /// A version whose `effective.from` lies ahead is stored and comes into force on
    /// that day (`applyStandardCalendar`); until then the version before it stays.
    public func publish(_ standard: BrandStandard, actor: String) throws -> PublishOutcome {
        let json: String
        do { json = String(decoding: try standard.canonicalJSON(), as: UTF8.self) } catch {
            throw StoreError.database("cannot encode the standard: \(error)")
        }
        if standard.status == .draft {
            return .refused(LocalizedText(zh: "标准状态为 draft（草稿），不发布；用 --dry-run 预览发布后的影响",
                                          en: "the standard's status is draft, so it is not published; --dry-run previews what publishing it would change"))
        }
        return try write { db in
            if let latest = try Self.latestStandard(db, brand: standard.id), latest.json == json {
                return .unchanged(latest.published)
            }
            if let number = try Int.fetchOne(db, sql: "SELECT number FROM standard_version WHERE brand_id = ? AND label = ?",
                                             arguments: [standard.id, standard.version]) {
                return .refused(LocalizedText(
                    zh: "版本“\(standard.version)”已作为第 \(number) 版发布，内容不同；已发布的版本不可更改，请提高 version:",
                    en: "version “\(standard.version)” is already published (as version \(number)) with other content; a published version never changes, so raise version:"))
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

    /// The brand's standard in force today: the latest published version whose
    /// `effective.from` has come, if any.
    public func currentStandard(brand: String) throws -> PublishedStandard? {
        try read { db in try Self.currentStandard(db, brand: brand)?.published }
    }

    /// Every published version of a brand, oldest first.
    public func standardVersions(brand: String) throws -> [PublishedStandard] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM standard_version WHERE brand_id = ? ORDER BY number", arguments: [brand])
                .map { try Self.published($0).published }
        }
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

    /// Every brand's standard in force today, by brand id.
    public func currentStandards() throws -> [PublishedStandard] {
        try read { db in
            try String.fetchAll(db, sql: "SELECT DISTINCT brand_id FROM standard_version ORDER BY brand_id")
                .compactMap { try Self.currentStandard(db, brand: $0)?.published }
        }
    }

    /// The version in force on `today`.
    static func currentStandard(_ db: Database, brand: String, today: CalendarDay = .today()) throws -> (published: PublishedStandard, json: String)? {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT * FROM standard_version WHERE brand_id = ? AND json_extract(canonical_json, '$.effective.from') <= ?
            ORDER BY number DESC LIMIT 1
            """), arguments: [brand, today.description]) else {
            return nil
        }
        return try published(row)
    }

    /// The latest version published, in force or not.
    static func latestStandard(_ db: Database, brand: String) throws -> (published: PublishedStandard, json: String)? {
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
