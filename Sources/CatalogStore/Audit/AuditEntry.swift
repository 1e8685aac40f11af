import Foundation
import GRDB
import ProductSpecs

/// One line of the audit log: who did what to what, and when; chained by hash to the
/// line before it (`AuditChain`).
public struct AuditEntry: Codable, Equatable, Sendable, FetchableRecord, PersistableRecord {
    public static let databaseTableName = "audit_log"

    public var id: Int64?
    public var at: String
    public var actor: String
    public var action: String
    public var subject: String
    /// Details as a JSON object.
    public var details: String

    public enum Columns {
        public static let id = Column(CodingKeys.id)
        public static let action = Column(CodingKeys.action)
        public static let subject = Column(CodingKeys.subject)
    }

    /// Writes an entry inside the caller's transaction.
    static func record(_ db: Database, actor: String, action: String, subject: String, details: [String: String] = [:], at: String) throws {
        // Officers certify thousands of products at once: one cached statement, and
        // the details (a flat object, keys sorted) written by hand.
        var json = "{"
        for (index, (key, value)) in details.sorted(by: { $0.key < $1.key }).enumerated() {
            if index > 0 { json += "," }
            JSONText.appendString(key, to: &json)
            json += ":"
            JSONText.appendString(value, to: &json)
        }
        json += "}"
        let previous = try AuditChain.head(db)
        let hash = AuditChain.hash(at: at, actor: actor, action: action, subject: subject, details: json, previous: previous)
        let insert = try db.cachedStatement(sql: "INSERT INTO audit_log (at, actor, action, subject, details, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?)")
        try insert.execute(arguments: [at, actor, action, subject, json, previous, hash])
    }
}

extension CatalogStore {
    /// The newest audit entries first, optionally only those about `subject`.
    public func auditLog(subject: String? = nil, limit: Int = 100) throws -> [AuditEntry] {
        try read { db in
            var request = AuditEntry.order(AuditEntry.Columns.id.desc).limit(limit)
            if let subject { request = request.filter(AuditEntry.Columns.subject == subject) }
            return try request.fetchAll(db)
        }
    }
}
