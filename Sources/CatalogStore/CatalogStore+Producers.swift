import BrandStandards
import Foundation
import GRDB
import Measures
import ProductSpecs

/// One entry of a producer's integrity record.
public struct ProducerStatusChange: Sendable, Equatable {
    public let from: ProducerStatus?
    public let to: ProducerStatus
    public let reason: String?
    public let actor: String
    public let at: String
}

extension CatalogStore {
    /// Adds or updates producers, all or none. A new producer starts active; an
    /// existing one keeps its status (only suspend, revoke and reinstate change it).
    /// Authorisations are replaced for the brands the given producers name.
    /// - Returns: how many were added, how many updated, and how many already held
    ///   what they say (nothing is written for those).
    public func saveProducers(_ producers: [Producer], actor: String) throws -> (added: Int, updated: Int, unchanged: Int) {
        try write { db in
            let now = Self.timestamp()
            var added = 0, updated = 0, unchanged = 0
            for producer in producers {
                let stored = try Self.producers(db, where: "WHERE p.id = ?", [producer.id]).first
                // An entry that says what the store already holds writes nothing, not even an audit entry.
                if let stored, stored.holds(producer) {
                    unchanged += 1
                    continue
                }
                let exists = stored != nil
                // Found by fuzzing the HTTP bodies: the column's UNIQUE constraint made this a database error (a 500).
                if let holder = try String.fetchOne(db, sql: "SELECT id FROM producer WHERE uscc = ? AND id <> ?",
                                                    arguments: [producer.uscc.text, producer.id]) {
                    throw StoreError.usccTaken(uscc: producer.uscc.text, producer: holder)
                }
                let arguments: StatementArguments = [
                    producer.id, producer.name.zh, producer.name.en, producer.uscc.text, producer.adminCode.digits,
                    producer.address?.zh, producer.address?.en, producer.validFrom?.description, producer.validTo?.description, now,
                ]
                if exists {
                    try db.execute(sql: """
                        UPDATE producer SET name_zh = ?2, name_en = ?3, uscc = ?4, admin_code = ?5, address_zh = ?6,
                            address_en = ?7, valid_from = ?8, valid_to = ?9, updated_at = ?10
                        WHERE id = ?1
                        """, arguments: arguments)
                    updated += 1
                } else {
                    try db.execute(sql: """
                        INSERT INTO producer (id, name_zh, name_en, uscc, admin_code, address_zh, address_en, valid_from, valid_to,
                            updated_at, created_at, status)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10, 'active')
                        """, arguments: arguments)
                    try db.execute(sql: """
                        INSERT INTO producer_status_change (producer_id, from_status, to_status, reason, actor, at)
                        VALUES (?, NULL, 'active', 'registered', ?, ?)
                        """, arguments: [producer.id, actor, now])
                    added += 1
                }
                for (brand, categories) in producer.authorisations.sorted(by: { $0.key < $1.key }) {
                    try db.execute(sql: "DELETE FROM producer_authorisation WHERE producer_id = ? AND brand_id = ?", arguments: [producer.id, brand])
                    for category in Set(categories).sorted() {
                        try db.execute(sql: "INSERT INTO producer_authorisation (producer_id, brand_id, category_id) VALUES (?, ?, ?)",
                                       arguments: [producer.id, brand, category])
                    }
                }
                let brands = producer.authorisations.keys.sorted().joined(separator: ",")
                try AuditEntry.record(db, actor: actor, action: exists ? "producer.update" : "producer.add",
                                      subject: "producer:\(producer.id)", details: ["brands": brands], at: now)
            }
            return (added, updated, unchanged)
        }
    }

    /// A producer by id.
    public func producer(id: String) throws -> Producer? {
        try read { db in try Self.producers(db, where: "WHERE p.id = ?", [id]).first }
    }

    /// Producers, optionally only those authorised under `brand`, by id.
    public func producers(brand: String? = nil) throws -> [Producer] {
        try read { db in
            guard let brand else { return try Self.producers(db, where: "", []) }
            return try Self.producers(db, where: "WHERE p.id IN (SELECT producer_id FROM producer_authorisation WHERE brand_id = ?)", [brand])
        }
    }

    private static func producers(_ db: Database, where clause: String, _ arguments: StatementArguments) throws -> [Producer] {
        let rows = try Row.fetchAll(db, sql: "SELECT p.* FROM producer p \(clause) ORDER BY p.id", arguments: arguments)
        var authorisations: [String: [String: [String]]] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT * FROM producer_authorisation ORDER BY brand_id, category_id") {
            authorisations[row["producer_id"], default: [:]][row["brand_id"], default: []].append(row["category_id"])
        }
        return try rows.map { row in
            let id: String = row["id"]
            guard let uscc = try? UnifiedSocialCreditCode(row["uscc"] as String),
                  let code = AdministrativeCode(row["admin_code"] as String),
                  let status = ProducerStatus(rawValue: row["status"]) else {
                throw StoreError.database("producer \(id) has a corrupt row")
            }
            let addressZh: String? = row["address_zh"], addressEn: String? = row["address_en"]
            return Producer(
                id: id, name: LocalizedText(zh: row["name_zh"], en: row["name_en"]), uscc: uscc, adminCode: code,
                address: addressZh.map { LocalizedText(zh: $0, en: addressEn ?? "") },
                status: status, statusReason: row["status_reason"], authorisations: authorisations[id] ?? [:],
                validFrom: (row["valid_from"] as String?).flatMap(CalendarDay.init),
                validTo: (row["valid_to"] as String?).flatMap(CalendarDay.init)
            )
        }
    }

    /// Suspends, revokes or reinstates a producer, keeping the change in its integrity
    /// record and the audit log. Its certified products leave (or rejoin) the
    /// exportable catalog in the same transaction, each with a change-log entry.
    /// - Returns: how many certified products changed exportability.
    /// - Throws: `StoreError.invalidTransition` for a change the rules forbid
    ///   (a revoked producer is never reinstated).
    public func changeProducerStatus(id: String, to status: ProducerStatus, reason: String?, actor: String) throws -> Int {
        try write { db in
            guard let current = try String.fetchOne(db, sql: "SELECT status FROM producer WHERE id = ?", arguments: [id])
                .flatMap(ProducerStatus.init(rawValue:)) else {
                throw StoreError.producerNotFound(id)
            }
            let allowed: Bool = switch (current, status) {
            case (.active, .suspended), (.active, .revoked), (.suspended, .revoked), (.suspended, .active): true
            default: false
            }
            guard allowed else {
                throw StoreError.invalidTransition(subject: "producer \(id)", from: current.rawValue, to: status.rawValue)
            }
            let now = Self.timestamp()
            try db.execute(sql: "UPDATE producer SET status = ?, status_reason = ?, updated_at = ? WHERE id = ?",
                           arguments: [status.rawValue, status == .active ? nil : reason, now, id])
            try db.execute(sql: """
                INSERT INTO producer_status_change (producer_id, from_status, to_status, reason, actor, at) VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [id, current.rawValue, status.rawValue, reason, actor, now])
            let affected = try Self.logChanges(db, where: "p.producer_id = ? AND p.status = 'certified'", [id], at: now)
            let action = switch status {
            case .active: "producer.reinstate"
            case .suspended: "producer.suspend"
            case .revoked: "producer.revoke"
            }
            try AuditEntry.record(db, actor: actor, action: action, subject: "producer:\(id)",
                                  details: ["reason": reason ?? "", "from": current.rawValue, "products": String(affected)], at: now)
            return affected
        }
    }

    /// A producer's integrity record: every status change, oldest first.
    public func producerHistory(id: String) throws -> [ProducerStatusChange] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM producer_status_change WHERE producer_id = ? ORDER BY id", arguments: [id]).map { row in
                ProducerStatusChange(
                    from: (row["from_status"] as String?).flatMap(ProducerStatus.init(rawValue:)),
                    to: ProducerStatus(rawValue: row["to_status"]) ?? .active,
                    reason: row["reason"], actor: row["actor"], at: row["at"]
                )
            }
        }
    }
}

extension Producer {
    /// Whether this stored producer already holds everything `entry` says: its fields,
    /// and its categories under each brand the entry names.
    func holds(_ entry: Producer) -> Bool {
        name == entry.name && uscc == entry.uscc && adminCode == entry.adminCode && address == entry.address
            && validFrom == entry.validFrom && validTo == entry.validTo
            && entry.authorisations.allSatisfy { brand, categories in Set(authorisations[brand] ?? []) == Set(categories) }
    }
}
