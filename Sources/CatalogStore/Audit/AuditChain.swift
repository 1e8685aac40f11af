import DigitalLink
import Foundation
import GRDB
import Measures

/// The audit log as a hash chain: each entry keeps the SHA-256 of its own content
/// and of the entry before it, so that an entry edited, inserted or removed in the
/// middle of the log no longer matches. Market supervision can then check that
/// nobody rewrote the history.
///
/// The form hashed is version 1 of the chain, and is frozen: migrations call it,
/// and every entry ever written is checked against it. A new form would be a new
/// version beside this one, never an edit of it.
enum AuditChain {
    /// The hash of the entry before the first.
    static let genesis = String(repeating: "0", count: 64)

    /// Version 1: SHA-256 over each field as `<UTF-8 length>:<text>\n`, in the order
    /// at, actor, action, subject, details, previous hash.
    static func hash(at: String, actor: String, action: String, subject: String, details: String, previous: String) -> String {
        var bytes: [UInt8] = []
        for field in [at, actor, action, subject, details, previous] {
            bytes += Array("\(field.utf8.count):".utf8)
            bytes += Array(field.utf8)
            bytes.append(UInt8(ascii: "\n"))
        }
        return Digests.sha256Hex(bytes)
    }

    /// The hash of a stored entry's row (with its `at`, `actor`, `action`, `subject`
    /// and `details` columns), after `previous`.
    static func hash(of row: Row, previous: String) -> String {
        hash(at: row["at"], actor: row["actor"], action: row["action"], subject: row["subject"], details: row["details"], previous: previous)
    }

    /// The hash the newest entry ends the chain with.
    static func head(_ db: Database) throws -> String {
        try String.fetchOne(db.cachedStatement(sql: "SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1")) ?? genesis
    }

    /// Chains every entry from the first, in id order: what the migration that added
    /// the chain does once for the entries written before it.
    static func chainAll(_ db: Database) throws {
        var previous = genesis
        let rows = try Row.fetchCursor(db, sql: "SELECT id, at, actor, action, subject, details FROM audit_log ORDER BY id")
        while let row = try rows.next() {
            let hash = Self.hash(of: row, previous: previous)
            try db.execute(sql: "UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?", arguments: [previous, hash, row["id"] as Int64])
            previous = hash
        }
    }
}

/// Where the audit chain first fails to match.
public struct AuditChainBreak: Sendable, Equatable {
    /// The first entry that does not match.
    public let entryID: Int64
    /// What is wrong with it, in both languages.
    public let reason: LocalizedText
}

extension CatalogStore {
    /// Checks the whole audit chain from its first entry.
    /// - Returns: how many entries were checked, and the first that does not match, if any.
    public func verifyAuditChain() throws -> (checked: Int, firstBreak: AuditChainBreak?) {
        try read { db in
            var previous = AuditChain.genesis, checked = 0
            let rows = try Row.fetchCursor(db, sql: "SELECT id, at, actor, action, subject, details, prev_hash, hash FROM audit_log ORDER BY id")
            while let row = try rows.next() {
                let id: Int64 = row["id"]
                let stored: String? = row["hash"], storedPrevious: String? = row["prev_hash"]
                if storedPrevious != previous {
                    return (checked, AuditChainBreak(entryID: id, reason: LocalizedText(
                        zh: "审计记录 \(id) 没有接上前一条记录（前面的记录被删除、插入或改动过）",
                        en: "audit entry \(id) does not follow the entry before it (an entry before it was removed, inserted or changed)")))
                }
                let hash = AuditChain.hash(of: row, previous: previous)
                if stored != hash {
                    return (checked, AuditChainBreak(entryID: id, reason: LocalizedText(
                        zh: "审计记录 \(id) 的内容与其哈希不符（记录被改动过）",
                        en: "audit entry \(id) does not match its hash (the entry was changed)")))
                }
                previous = hash
                checked += 1
            }
            return (checked, nil)
        }
    }
}
