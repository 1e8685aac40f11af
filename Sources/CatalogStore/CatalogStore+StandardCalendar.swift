import BrandStandards
import Foundation
import GRDB
import Measures
import ProductSpecs

/// What the calendar changed for one brand.
public struct StandardCalendarChange: Sendable {
    public let brandID: String
    /// The version now in force, when it is another than before.
    public let appliedVersion: PublishedStandard?
    /// The products whose status changed when validated against it.
    public let transitions: [StatusTransition]
    /// Whether the brand closed (`true`: its standard is retired or expired) or opened
    /// again (`false`); `nil` when neither.
    public let closed: Bool?
}

extension CatalogStore {
    /// Brings every brand to the standard in force `today`: a version that came into
    /// force is applied (the brand's products validated against it), and a brand
    /// whose standard in force is retired or past its `effective.to` is closed: its
    /// products leave the catalog with tombstones and it issues no labels, until a
    /// version in force reopens it. Called by every command that opens the store and
    /// by the server; changes nothing when nothing is due.
    @discardableResult
    public func applyStandardCalendar(today: CalendarDay = .today(), actor: String) throws -> [StandardCalendarChange] {
        let due: [(brand: String, inForce: PublishedStandard, applied: Int?, wasClosed: Bool)] = try read { db in
            try String.fetchAll(db, sql: "SELECT DISTINCT brand_id FROM standard_version ORDER BY brand_id").compactMap { brand in
                guard let inForce = try Self.currentStandard(db, brand: brand, today: today)?.published else { return nil }
                let state = try Row.fetchOne(db, sql: "SELECT applied_version, closed FROM brand_state WHERE brand_id = ?", arguments: [brand])
                let applied: Int? = state?["applied_version"], wasClosed = state.map { $0["closed"] as Bool } ?? false
                guard applied != inForce.number || wasClosed != Self.isClosed(inForce.standard, on: today) else { return nil }
                return (brand, inForce, applied, wasClosed)
            }
        }
        return try due.map { brand, inForce, applied, wasClosed in
            let transitions = applied == inForce.number ? [] : try revalidate(brand: inForce, actor: actor, today: today)
            let closed = Self.isClosed(inForce.standard, on: today)
            try write { db in
                let now = Self.timestamp()
                try db.execute(sql: """
                    INSERT INTO brand_state (brand_id, applied_version, closed) VALUES (?, ?, ?)
                    ON CONFLICT (brand_id) DO UPDATE SET applied_version = excluded.applied_version, closed = excluded.closed
                    """, arguments: [brand, inForce.number, closed])
                guard closed != wasClosed else { return }
                // Every certified product of an active producer leaves or rejoins the catalog.
                let products = try Self.logChanges(db, where: "p.brand_id = ? AND p.status = 'certified' AND pr.status = 'active'", [brand], at: now)
                let reason = inForce.standard.status == .retired ? "retired" : closed ? "expired" : "in force"
                try AuditEntry.record(db, actor: actor, action: closed ? "standard.close" : "standard.reopen", subject: "brand:\(brand)",
                                      details: ["version": String(inForce.number), "reason": reason, "products": String(products)], at: now)
            }
            return StandardCalendarChange(brandID: brand, appliedVersion: applied == inForce.number ? nil : inForce,
                                          transitions: transitions, closed: closed == wasClosed ? nil : closed)
        }
    }

    /// Whether a standard in force closes its brand on `day`: it is retired, or its
    /// `effective.to` has passed.
    public static func isClosed(_ standard: BrandStandard, on day: CalendarDay) -> Bool {
        standard.status == .retired || standard.effective.to.map { $0 < day } ?? false
    }

    /// Why a brand issues no labels and exports nothing now, when it is closed.
    static func closure(_ db: Database, brand: String) throws -> LocalizedText? {
        guard try Bool.fetchOne(db, sql: "SELECT closed FROM brand_state WHERE brand_id = ?", arguments: [brand]) == true,
              let standard = try currentStandard(db, brand: brand)?.published.standard else { return nil }
        if standard.status == .retired {
            return LocalizedText(zh: "品牌“\(brand)”的标准 \(standard.version) 已废止（retired）", en: "brand “\(brand)”'s standard \(standard.version) is retired")
        }
        let end = standard.effective.to?.description ?? ""
        return LocalizedText(zh: "品牌“\(brand)”的标准 \(standard.version) 已于 \(end) 失效", en: "brand “\(brand)”'s standard \(standard.version) expired on \(end)")
    }

    /// Validates a brand's stored products again against `published` and stores what
    /// changed.
    /// - Returns: the products whose status changed.
    public func revalidate(brand published: PublishedStandard, actor: String, today: CalendarDay = .today()) throws -> [StatusTransition] {
        let results = try revalidationPreview(published.standard, today: today).map { (id: $0.product.id, report: $0.report) }
        return try applyRevalidation(results, standardVersion: published.number, actor: actor)
    }

    /// What validating a brand's products against `standard` would give, writing
    /// nothing: each product with its new report and where its status would go.
    public func revalidationPreview(_ standard: BrandStandard, today: CalendarDay = .today())
        throws -> [(product: StoredProduct, report: ComplianceReport, status: ProductStatus)] {
        let producers = Dictionary(uniqueKeysWithValues: try producers().map { ($0.id, $0) })
        let validator = ProductValidator(standard: standard, today: today) { producers[$0] }
        return try products(brand: standard.id).map { stored in
            let report = validator.validate(ProductInput(product: stored.product)).report
            return (stored, report, stored.product.status.revalidated(compliant: report.isCompliant))
        }
    }
}
