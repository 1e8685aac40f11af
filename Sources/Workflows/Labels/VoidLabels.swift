import CatalogStore
import Measures

/// Voids serials of an issued batch (a jammed roll, a misprint), by the producer, its
/// station or an officer of the brand, with a reason, audited: the resolver then
/// answers their scans "voided". Serials are never issued again; voiding serials
/// voided before changes nothing.
public struct VoidLabels: Workflow {
    public struct Request: Codable, Sendable, Equatable {
        public var batch: Int64
        /// One serial (`7`) or a range (`120-180`), within the batch.
        public var serials: String
        public var reason: String

        public init(batch: Int64, serials: String, reason: String) {
            self.batch = batch
            self.serials = serials
            self.reason = reason
        }
    }

    public struct Result: Codable, Sendable, Equatable {
        public var batch: Int64
        /// The range voided, as `first-last` (or one serial).
        public var serials: String
        /// Serials this request voided.
        public var voided: Int
        /// Serials of the range that were voided before.
        public var alreadyVoided: Int
    }

    let store: any CatalogStoring

    public init(store: any CatalogStoring) {
        self.store = store
    }

    public func run(_ request: Request, as actor: Actor) throws(WorkflowError) -> Result {
        try AccessRules.require(actor, .voidLabels)
        try WorkflowError.checkReason(request.reason)
        let range = try Self.serials(request.serials)
        // The batch must exist and be in the actor's scope.
        _ = try OpenLabelBatch.open(request.batch, store: store, actor: actor)
        let voided = try WorkflowError.catching {
            try store.voidLabels(batchID: request.batch, first: range.lowerBound, last: range.upperBound, reason: request.reason, actor: actor.name)
        }
        let text = range.count == 1 ? "\(range.lowerBound)" : "\(range.lowerBound)-\(range.upperBound)"
        return Result(batch: request.batch, serials: text, voided: voided, alreadyVoided: range.count - voided)
    }

    /// `7` or `120-180`.
    /// - Throws: `serials.invalid` for anything else, or a range that runs backwards.
    static func serials(_ text: String) throws(WorkflowError) -> ClosedRange<Int64> {
        func number(_ part: Substring) -> Int64? {
            guard let first = part.utf8.first, first != UInt8(ascii: "0"), part.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
            return Int64(part)
        }
        let parts = text.split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false)
        if let first = number(parts[0]), let last = parts.count == 2 ? number(parts[1]) : first, last >= first {
            return first...last
        }
        throw WorkflowError(.invalid, "serials.invalid", zh: "序号应为一个数或一个范围，如 7 或 120-180（收到“\(text)”）",
                            en: "serials must be one number or a range, such as 7 or 120-180 (got “\(text)”)")
    }
}
