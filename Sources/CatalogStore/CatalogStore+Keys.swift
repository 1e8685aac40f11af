import Crypto
import DigitalLink
import Foundation
import GRDB
import Measures

/// What a key may do.
public enum APIRole: String, Sendable, CaseIterable, Codable {
    /// A brand officer: the brands in its scope.
    case officer
    /// A producer: its own products and label batches (scope: the producer id).
    case producer
    /// An e-commerce service station acting for the producers of its villages
    /// (scope: administrative codes).
    case station
    /// An e-commerce platform: the catalog, read-only.
    case platform
}

/// An API key as the store keeps it: never the secret, only its hash.
public struct APIKey: Sendable, Equatable {
    public let id: Int64
    public let name: String
    public let role: APIRole
    /// Brand ids (officer), a producer id (producer), administrative codes (station).
    public let scope: [String]
    public let createdAt: String
    public let revokedAt: String?
}

extension CatalogStore {
    /// The prefix of every key, so that a leaked one is recognised.
    static let keyPrefix = "trr_"

    /// Creates a key: audited; the token is returned once and only its hash is kept.
    public func createAPIKey(name: String, role: APIRole, scope: [String], actor: String) throws -> (key: APIKey, token: String) {
        let secret = SymmetricKey(size: .bits192).withUnsafeBytes { Array($0) }
        let secretText = Base64URL.encode(secret)
        return try write { db in
            let now = Self.timestamp()
            let scopeJSON = String(decoding: try JSONEncoder().encode(scope), as: UTF8.self)
            try db.execute(sql: """
                INSERT INTO api_key (name, role, scope, secret_hash, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [name, role.rawValue, scopeJSON, Self.hash(secretText), now, actor])
            let id = db.lastInsertedRowID
            try AuditEntry.record(db, actor: actor, action: "key.create", subject: "api_key:\(id)",
                                  details: ["name": name, "role": role.rawValue, "scope": scope.joined(separator: ",")], at: now)
            return (APIKey(id: id, name: name, role: role, scope: scope, createdAt: now, revokedAt: nil), "\(Self.keyPrefix)\(id)_\(secretText)")
        }
    }

    /// The live key a bearer token names, or `nil` for a malformed, unknown, wrong or revoked one.
    public func apiKey(token: String) throws -> APIKey? {
        guard token.hasPrefix(Self.keyPrefix) else { return nil }
        let rest = token.dropFirst(Self.keyPrefix.count)
        guard let separator = rest.firstIndex(of: "_"), let id = Int64(rest[..<separator]) else { return nil }
        let secret = String(rest[rest.index(after: separator)...])
        return try read { db in
            guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM api_key WHERE id = ? AND revoked_at IS NULL"), arguments: [id]) else {
                return nil
            }
            let stored: String = row["secret_hash"]
            guard ConstantTime.equal(Self.hash(secret).utf8, stored.utf8) else { return nil }
            return Self.key(row)
        }
    }

    /// Every key, newest first.
    public func apiKeys() throws -> [APIKey] {
        try read { db in try Row.fetchAll(db, sql: "SELECT * FROM api_key ORDER BY id DESC").map(Self.key) }
    }

    /// Revokes a key at once: audited. False when there is no such live key.
    public func revokeAPIKey(id: Int64, actor: String) throws -> Bool {
        try write { db in
            let now = Self.timestamp()
            try db.execute(sql: "UPDATE api_key SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL", arguments: [now, id])
            guard db.changesCount == 1 else { return false }
            try AuditEntry.record(db, actor: actor, action: "key.revoke", subject: "api_key:\(id)", at: now)
            return true
        }
    }

    private static func hash(_ secret: String) -> String {
        Digests.sha256Hex(Data(secret.utf8))
    }

    private static func key(_ row: Row) -> APIKey {
        let scopeText: String = row["scope"]
        let scope = (try? JSONDecoder().decode([String].self, from: Data(scopeText.utf8))) ?? []
        return APIKey(id: row["id"], name: row["name"], role: APIRole(rawValue: row["role"]) ?? .platform, scope: scope,
                      createdAt: row["created_at"], revokedAt: row["revoked_at"])
    }
}
