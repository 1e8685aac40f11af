import Foundation
import GRDB
import HummingbirdBcrypt
import Measures

/// What a person who signs in to the console is.
public enum PersonRole: String, Sendable, CaseIterable, Codable {
    /// A brand officer: the brands in its scope.
    case officer
    /// A producer: its own products and labels (scope: the producer id).
    case producer
    /// A village e-commerce service station, for the producers of its villages
    /// (scope: administrative codes).
    case station
}

/// A person as the store keeps them: never the password, only its bcrypt hash.
public struct Person: Sendable, Equatable, Codable {
    public let id: Int64
    /// What they sign in with.
    public let login: String
    public let displayName: String
    public let role: PersonRole
    /// Brand ids (officer), a producer id (producer), administrative codes (station).
    public let scope: [String]
    /// Their password is a one-time one, to change at the next sign-in.
    public let mustChangePassword: Bool
    /// Until when failed sign-ins keep them out (ISO 8601, UTC).
    public let lockedUntil: String?
    public let createdAt: String
    public let disabledAt: String?

    enum CodingKeys: String, CodingKey {
        case id, login, displayName = "display_name", role, scope, mustChangePassword = "must_change_password"
        case lockedUntil = "locked_until", createdAt = "created_at", disabledAt = "disabled_at"
    }
}

/// What a sign-in came to.
public enum SignInOutcome: Sendable, Equatable {
    case signedIn(Person)
    /// An unknown sign-in name or a wrong password: the two are not told apart.
    case refused
    /// Too many failed sign-ins: refused until then, whatever the password.
    case locked(until: String)
    case disabled
}

extension CatalogStore {
    /// Failed sign-ins in a row that lock an account, and for how long.
    public static let signInAttempts = 5
    public static let lockout: TimeInterval = 15 * 60
    /// The shortest password a person may choose.
    public static let minimumPasswordLength = 10
    /// bcrypt's cost: about a tenth of a second a hash on this project's machine.
    static let passwordCost: UInt8 = 11

    /// Creates a person with a one-time password, audited; the password is returned
    /// once and only its hash is kept.
    /// - Throws: `StoreError.loginInvalid`, `.loginTaken`.
    public func createPerson(login: String, displayName: String, role: PersonRole, scope: [String], actor: String) throws -> (person: Person, password: String) {
        guard Self.isLogin(login) else { throw StoreError.loginInvalid(login) }
        let password = Self.oneTimePassword()
        let hash = Bcrypt.hash(password, cost: Self.passwordCost)
        return try write { db in
            guard try Int.fetchOne(db, sql: "SELECT 1 FROM person WHERE login = ?", arguments: [login]) == nil else { throw StoreError.loginTaken(login) }
            let now = Self.timestamp()
            let scopeJSON = String(decoding: try JSONEncoder().encode(scope), as: UTF8.self)
            try db.execute(sql: """
                INSERT INTO person (login, display_name, role, scope, password_hash, must_change_password, created_at, created_by)
                VALUES (?, ?, ?, ?, ?, 1, ?, ?)
                """, arguments: [login, displayName, role.rawValue, scopeJSON, hash, now, actor])
            let id = db.lastInsertedRowID
            try AuditEntry.record(db, actor: actor, action: "person.create", subject: "person:\(login)",
                                  details: ["role": role.rawValue, "scope": scope.joined(separator: ",")], at: now)
            return (Person(id: id, login: login, displayName: displayName, role: role, scope: scope, mustChangePassword: true,
                           lockedUntil: nil, createdAt: now, disabledAt: nil), password)
        }
    }

    /// Everyone, in the order they were created.
    public func people() throws -> [Person] {
        try read { db in try Row.fetchAll(db, sql: "SELECT * FROM person ORDER BY id").map(Self.person) }
    }

    /// The person who signs in as `login`.
    public func person(login: String) throws -> Person? {
        try read { db in try Row.fetchOne(db, sql: "SELECT * FROM person WHERE login = ?", arguments: [login]).map(Self.person) }
    }

    /// Checks a sign-in. A wrong password counts towards the lockout; a right one
    /// clears the count. The hash is checked for an unknown name too, so that the
    /// time taken does not tell which names exist.
    public func signIn(login: String, password: String, now: Date = Date()) throws -> SignInOutcome {
        let row = try read { db in try Row.fetchOne(db, sql: "SELECT * FROM person WHERE login = ?", arguments: [login]) }
        guard let row else {
            _ = Bcrypt.verify(password, hash: Self.unknownPersonHash)
            return .refused
        }
        let person = Self.person(row)
        if person.disabledAt != nil { return .disabled }
        let stamp = Self.timestamp(now)
        if let until = person.lockedUntil, until > stamp { return .locked(until: until) }
        guard Bcrypt.verify(password, hash: row["password_hash"]) else {
            return try write { db in
                let failures: Int = try Int.fetchOne(db, sql: "SELECT failed_sign_ins + 1 FROM person WHERE id = ?", arguments: [person.id]) ?? 1
                guard failures >= Self.signInAttempts else {
                    try db.execute(sql: "UPDATE person SET failed_sign_ins = ? WHERE id = ?", arguments: [failures, person.id])
                    return .refused
                }
                let until = Self.timestamp(now.addingTimeInterval(Self.lockout))
                try db.execute(sql: "UPDATE person SET failed_sign_ins = 0, locked_until = ? WHERE id = ?", arguments: [until, person.id])
                try AuditEntry.record(db, actor: "console", action: "person.lock", subject: "person:\(login)",
                                      details: ["failed_sign_ins": String(failures), "until": until], at: stamp)
                return .locked(until: until)
            }
        }
        try write { db in
            try db.execute(sql: "UPDATE person SET failed_sign_ins = 0, locked_until = NULL WHERE id = ?", arguments: [person.id])
        }
        return .signedIn(try self.person(login: login) ?? person)
    }

    /// Sets a person's own new password, once their current one is checked: audited.
    /// - Throws: `StoreError.passwordWeak` for one too short or the same as before,
    ///   `.personNotFound` for an unknown name or a wrong current password.
    public func changePassword(login: String, current: String, new: String) throws {
        guard new.count >= Self.minimumPasswordLength else {
            throw StoreError.passwordWeak(LocalizedText(zh: "新密码至少需要 \(Self.minimumPasswordLength) 个字符", en: "a new password needs at least \(Self.minimumPasswordLength) characters"))
        }
        guard new != current else {
            throw StoreError.passwordWeak(LocalizedText(zh: "新密码不能与原密码相同", en: "the new password must differ from the one it replaces"))
        }
        guard case .signedIn = try signIn(login: login, password: current) else { throw StoreError.personNotFound(login) }
        let hash = Bcrypt.hash(new, cost: Self.passwordCost)
        try write { db in
            try db.execute(sql: "UPDATE person SET password_hash = ?, must_change_password = 0 WHERE login = ?", arguments: [hash, login])
            try AuditEntry.record(db, actor: login, action: "person.change_password", subject: "person:\(login)", at: Self.timestamp())
        }
    }

    /// Gives a person a new one-time password (and lifts a lockout): audited.
    /// - Returns: the password, shown once.
    public func resetPassword(login: String, actor: String) throws -> String {
        let password = Self.oneTimePassword()
        let hash = Bcrypt.hash(password, cost: Self.passwordCost)
        try write { db in
            try db.execute(sql: """
                UPDATE person SET password_hash = ?, must_change_password = 1, failed_sign_ins = 0, locked_until = NULL WHERE login = ?
                """, arguments: [hash, login])
            guard db.changesCount == 1 else { throw StoreError.personNotFound(login) }
            try AuditEntry.record(db, actor: actor, action: "person.reset_password", subject: "person:\(login)", at: Self.timestamp())
        }
        return password
    }

    /// Disables a person at once: they can no longer sign in. Audited; false when
    /// they were disabled already.
    public func disablePerson(login: String, actor: String) throws -> Bool {
        try write { db in
            guard try Int.fetchOne(db, sql: "SELECT 1 FROM person WHERE login = ?", arguments: [login]) != nil else { throw StoreError.personNotFound(login) }
            let now = Self.timestamp()
            try db.execute(sql: "UPDATE person SET disabled_at = ? WHERE login = ? AND disabled_at IS NULL", arguments: [now, login])
            guard db.changesCount == 1 else { return false }
            try AuditEntry.record(db, actor: actor, action: "person.disable", subject: "person:\(login)", at: now)
            return true
        }
    }

    private static func person(_ row: Row) -> Person {
        let scope = (try? JSONDecoder().decode([String].self, from: Data((row["scope"] as String).utf8))) ?? []
        return Person(id: row["id"], login: row["login"], displayName: row["display_name"], role: PersonRole(rawValue: row["role"]) ?? .producer,
                      scope: scope, mustChangePassword: row["must_change_password"], lockedUntil: row["locked_until"], createdAt: row["created_at"],
                      disabledAt: row["disabled_at"])
    }

    /// Whether `text` may be a sign-in name: 3 to 40 of `a-z 0-9 . _ -`.
    static func isLogin(_ text: String) -> Bool {
        (3...40).contains(text.utf8.count) && text.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2E || $0 == 0x5F || $0 == 0x2D }
    }

    /// Twelve characters from 31 that cannot be mistaken for one another on paper
    /// (no 0/o, 1/l/i): about 59 bits.
    static func oneTimePassword() -> String {
        let alphabet = Array("23456789abcdefghjkmnpqrstuvwxyz")
        var generator = SystemRandomNumberGenerator()
        return String((0..<12).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] })
    }

    /// A hash no password gives, checked for unknown names.
    private static let unknownPersonHash = Bcrypt.hash(oneTimePassword(), cost: passwordCost)
}
