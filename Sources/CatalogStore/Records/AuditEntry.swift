import Foundation
import GRDB

/// One line of the audit log: who did what to what, and when.
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
        let data = try JSONSerialization.data(withJSONObject: details, options: [.sortedKeys])
        let entry = AuditEntry(id: nil, at: at, actor: actor, action: action, subject: subject, details: String(decoding: data, as: UTF8.self))
        try entry.insert(db)
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
