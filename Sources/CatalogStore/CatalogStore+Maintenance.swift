import BrandStandards
import Foundation
import GRDB
import Measures
import ProductSpecs

/// What `verify` found: each problem in both languages, and how much it looked at.
public struct StoreVerification: Sendable {
    /// Every problem found; empty when the store keeps all its promises.
    public var problems: [LocalizedText] = []
    /// Label batches, issued serials, certified products and audit entries checked.
    public var batches = 0, serials: Int64 = 0, certified = 0, auditEntries = 0
}

extension CatalogStore {
    /// Copies the store, as it stands at one moment, into a new database at `path`
    /// through SQLite's online backup, while other connections go on writing.
    /// - Throws: `StoreError` when the copy cannot be made.
    public func backup(to path: String) throws {
        try Self.storeErrors {
            let destination = try DatabaseQueue(path: path)
            try pool.backup(to: destination)
            try destination.close()
        }
    }

    /// Checks the file's integrity and the ledger's rules: every issued serial lies in
    /// exactly one batch (no two batches of a GTIN overlap, no counter behind a batch),
    /// every certified product is valid against the standard version it records, and
    /// the audit chain is whole.
    /// - Parameter today: the day producers' validity is judged on.
    public func verify(today: CalendarDay) throws -> StoreVerification {
        var result = StoreVerification()
        try read { db in
            for message in try String.fetchAll(db, sql: "PRAGMA integrity_check") where message != "ok" {
                result.problems.append(LocalizedText(zh: "SQLite 完整性检查：\(message)", en: "SQLite integrity check: \(message)"))
            }
            for row in try Row.fetchAll(db, sql: """
                SELECT a.id AS a, b.id AS b, a.gtin FROM label_batch a JOIN label_batch b
                  ON a.gtin = b.gtin AND a.id < b.id
                 AND a.first_serial < b.first_serial + b.count AND b.first_serial < a.first_serial + a.count
                """) {
                result.problems.append(LocalizedText(
                    zh: "标签批次 \(row["a"] as Int64) 与 \(row["b"] as Int64) 的序列号范围重叠（GTIN \(row["gtin"] as String)）",
                    en: "label batches \(row["a"] as Int64) and \(row["b"] as Int64) share serials (GTIN \(row["gtin"] as String))"))
            }
            for row in try Row.fetchAll(db, sql: """
                SELECT b.gtin, MAX(b.first_serial + b.count) AS needed, c.next_serial FROM label_batch b
                LEFT JOIN serial_counter c ON c.gtin = b.gtin GROUP BY b.gtin HAVING c.next_serial IS NULL OR c.next_serial < needed
                """) {
                result.problems.append(LocalizedText(
                    zh: "GTIN \(row["gtin"] as String) 的序列号计数器落后于已发放的序列号，会重复发放",
                    en: "the serial counter of GTIN \(row["gtin"] as String) is behind its issued serials, so serials would be issued twice"))
            }
            result.batches = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM label_batch") ?? 0
            result.serials = try Int64.fetchOne(db, sql: "SELECT COALESCE(SUM(count), 0) FROM label_batch") ?? 0
        }
        try verifyCertifiedProducts(today: today, into: &result)
        let chain = try verifyAuditChain()
        result.auditEntries = chain.checked
        if let broken = chain.firstBreak { result.problems.append(broken.reason) }
        return result
    }

    /// Validates every certified product again against the version it records.
    private func verifyCertifiedProducts(today: CalendarDay, into result: inout StoreVerification) throws {
        let producers = Dictionary(uniqueKeysWithValues: try producers().map { ($0.id, $0) })
        var validators: [String: ProductValidator] = [:]
        for stored in try products(status: .certified) {
            let key = "\(stored.product.brandID)#\(stored.standardVersion)"
            if validators[key] == nil, let published = try standard(brand: stored.product.brandID, number: stored.standardVersion) {
                validators[key] = ProductValidator(standard: published.standard, today: today) { producers[$0] }
            }
            result.certified += 1
            guard let validator = validators[key] else {
                result.problems.append(LocalizedText(
                    zh: "已认证产品 \(stored.id) 记录的标准版本 \(stored.standardVersion) 不存在",
                    en: "certified product \(stored.id) records standard version \(stored.standardVersion), which the store does not have"))
                continue
            }
            let report = validator.validate(ProductInput(product: stored.product)).report
            if !report.isCompliant {
                let codes = report.findings.filter { $0.severity == .error }.map(\.code).joined(separator: ", ")
                result.problems.append(LocalizedText(
                    zh: "已认证产品 \(stored.id)（\(stored.product.sku)）不符合其标准版本 \(stored.standardVersion)：\(codes)",
                    en: "certified product \(stored.id) (\(stored.product.sku)) fails its standard version \(stored.standardVersion): \(codes)"))
            }
        }
    }
}
