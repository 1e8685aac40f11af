import GRDB

/// A batch's code package handed to a print shop: its `manifest.csv` as it was then,
/// locked until an officer unlocks it.
public struct LabelHandOff: Sendable, Equatable, Codable {
    public let batchID: Int64
    public let manifestSHA256: String
    public let by: String
    public let at: String

    enum CodingKeys: String, CodingKey {
        case batchID = "batch", manifestSHA256 = "manifest_sha256", by, at
    }
}

extension CatalogStore {
    /// Locks a batch's code package as handed off, audited. Handing off again the
    /// package it holds writes nothing.
    /// - Returns: the lock, and whether this call made it.
    /// - Throws: `StoreError.labelBatchNotFound`; `.labelBatchHandedOff` when it is
    ///   locked with another manifest.
    public func handOffLabelBatch(id: Int64, manifestSHA256: String, actor: String) throws -> (handOff: LabelHandOff, new: Bool) {
        try write { db in
            guard try Self.batch(db, id: id) != nil else { throw StoreError.labelBatchNotFound(id) }
            if let locked = try Self.handOff(db, batchID: id) {
                guard locked.manifestSHA256 == manifestSHA256 else { throw StoreError.labelBatchHandedOff(batch: id, at: locked.at) }
                return (locked, false)
            }
            let now = Self.timestamp()
            try db.execute(sql: "INSERT INTO label_hand_off (batch_id, manifest_sha256, handed_off_by, handed_off_at) VALUES (?, ?, ?, ?)",
                           arguments: [id, manifestSHA256, actor, now])
            try AuditEntry.record(db, actor: actor, action: "labels.hand_off", subject: "label_batch:\(id)", details: ["manifest_sha256": manifestSHA256], at: now)
            return (LabelHandOff(batchID: id, manifestSHA256: manifestSHA256, by: actor, at: now), true)
        }
    }

    /// Unlocks a batch handed off, with a reason, audited.
    /// - Returns: the lock it lifted; `nil` (nothing written) when the batch was not locked.
    public func unlockLabelBatch(id: Int64, reason: String, actor: String) throws -> LabelHandOff? {
        try write { db in
            guard try Self.batch(db, id: id) != nil else { throw StoreError.labelBatchNotFound(id) }
            guard let locked = try Self.handOff(db, batchID: id) else { return nil }
            let now = Self.timestamp()
            try db.execute(sql: "UPDATE label_hand_off SET unlocked_by = ?, unlocked_at = ?, unlock_reason = ? WHERE batch_id = ? AND unlocked_at IS NULL",
                           arguments: [actor, now, reason, id])
            try AuditEntry.record(db, actor: actor, action: "labels.unlock", subject: "label_batch:\(id)",
                                  details: ["manifest_sha256": locked.manifestSHA256, "reason": reason], at: now)
            return locked
        }
    }

    /// The lock on a batch, when it is handed off.
    public func labelHandOff(batchID: Int64) throws -> LabelHandOff? {
        try read { db in try Self.handOff(db, batchID: batchID) }
    }

    private static func handOff(_ db: Database, batchID: Int64) throws -> LabelHandOff? {
        try Row.fetchOne(db, sql: "SELECT * FROM label_hand_off WHERE batch_id = ? AND unlocked_at IS NULL", arguments: [batchID]).map {
            LabelHandOff(batchID: $0["batch_id"], manifestSHA256: $0["manifest_sha256"], by: $0["handed_off_by"], at: $0["handed_off_at"])
        }
    }
}
