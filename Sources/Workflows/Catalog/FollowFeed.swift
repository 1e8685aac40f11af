import CatalogExport
import CatalogStore
import Measures

/// The change feed after a sequence number, as NDJSON lines (upserts and
/// tombstones): replayed from 0 it gives exactly the exportable catalog. Not a
/// `Workflow`: its lines are written to `output` as they are read.
public struct FollowFeed: Sendable {
    public struct Request: Codable, Sendable, Equatable {
        public var after: Int64
        public var limit: Int
        public var brand: String?

        public init(after: Int64 = 0, limit: Int = 1000, brand: String? = nil) {
            self.after = after
            self.limit = limit
            self.brand = brand
        }
    }

    /// The most changes one read returns.
    public static let maximumLimit = 100_000

    let store: any CatalogStoring

    public init(store: any CatalogStoring) {
        self.store = store
    }

    /// - Returns: the last sequence written (`after` when there was nothing).
    /// - Throws: `WorkflowError`: `auth.forbidden`, `query.invalid`, `brand.not_found`, before anything is written.
    @discardableResult
    public func run(_ request: Request, as actor: Actor, to output: ExportOutput) throws(WorkflowError) -> Int64 {
        try AccessRules.require(actor, .followFeed)
        guard request.after >= 0, (1...Self.maximumLimit).contains(request.limit) else {
            throw WorkflowError(.invalid, "query.invalid", zh: "after 应为 0 或更大的序号，limit 应为 1 到 \(Self.maximumLimit)",
                                en: "after is a sequence number, 0 or more, and limit is 1 to \(Self.maximumLimit)")
        }
        let brand = try CatalogBrand.resolve(request.brand, for: actor, in: store)
        return try WorkflowError.catching { try CatalogExporter(store: store).writeChanges(after: request.after, limit: request.limit, brand: brand, to: output) }
    }
}
