import BrandStandards
import CatalogExport
import CatalogStore
import DigitalLink
import Foundation
import Hummingbird
import Measures
import NIOCore
import ProductSpecs
import Workflows

extension ServerState {
    static let defaultPageSize = 100
    static let maximumPageSize = 1000

    /// `/v1/catalog`: what platforms pull. Pages and the change feed carry strong ETags
    /// and are gzipped on request; whole exports stream.
    func addCatalogRoutes(to router: Router<TerroirRequestContext>) {
        router.get("/v1/catalog/products") { request, context in
            let actor = try Access.actor(context, .readCatalog)
            let filter = try await knownBrand(Self.filter(request, actor: actor))
            let limit = try Self.limit(request)
            var after: Int64 = 0
            if let token = request.uri.queryParameters.get("cursor"), !token.isEmpty {
                guard let cursor = CatalogCursor(token: token) else {
                    throw Problem.badRequest("cursor.invalid", zh: "游标无效：请使用上一页返回的 next_cursor", en: "the cursor is invalid: pass the next_cursor of the page before")
                }
                after = cursor.after
            }
            let pageKey = "\(filter.brand ?? "")|\(filter.category ?? "")|\(after)|\(limit)"
            let start = after
            // Written by the export's JSON writer (`appendCanonicalJSON`), the hot path's one,
            // then kept by the cache: a page is built once per data version, not per request.
            let page = try await cache.page(pageKey) { exportContext in
                let page = try store.exportablePage(filter, after: start, limit: limit)
                var bytes = Array("{\"items\":[".utf8)
                for (index, stored) in page.enumerated() {
                    if index > 0 { bytes.append(UInt8(ascii: ",")) }
                    exportContext.entry(stored).appendCanonicalJSON(to: &bytes)
                }
                let next = page.count == limit ? page.last.map { "\"" + CatalogCursor(after: $0.id).token + "\"" } ?? "null" : "null"
                return bytes + Array("],\"next_cursor\":\(next)}".utf8)
            }
            return try Representation(buffer: page.buffer, contentType: "application/json", digest: page.digest).response(to: request)
        }
        router.get("/v1/catalog/changes") { request, context in
            let actor = try Access.actor(context, .followFeed)
            let feed = FollowFeed.Request(after: try Self.integer(request, "after", default: 0, minimum: 0), limit: try Self.limit(request),
                                          brand: request.uri.queryParameters.get("brand"))
            let bytes = try await offload {
                var bytes: [UInt8] = []
                try FollowFeed(store: store).run(feed, as: actor, to: ExportOutput { bytes += $0 })
                return bytes
            }
            return try Representation(bytes: bytes, contentType: ExportFormat.ndjson.mediaType).response(to: request)
        }
        router.get("/v1/catalog/export") { request, context in
            let actor = try Access.actor(context, .exportCatalog)
            let query = request.uri.queryParameters
            let name = query.get("format") ?? "json"
            guard let format = ExportFormat(rawValue: name) else {
                throw Problem.badRequest("format.unknown", zh: "未知格式“\(name)”", en: "unknown format “\(name)”; one of \(ExportFormat.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            let asked = ExportCatalog.Request(format: format, brand: query.get("brand"), category: query.get("category"))
            // Checked before the answer starts, so that a refusal is still an error status.
            let export = try await offload { try ExportCatalog(store: store).start(asked, as: actor) }
            return Response(status: .ok, headers: [.contentType: export.format.mediaType], body: ExportStream.body { output in
                try export.write(to: output)
            })
        }
    }

    /// `brand` and `category` from the query; an officer sees only its own brands.
    static func filter(_ request: Request, actor: Actor) throws -> CatalogFilter {
        CatalogFilter(brand: try AccessRules.catalogBrand(request.uri.queryParameters.get("brand"), for: actor),
                      category: request.uri.queryParameters.get("category"))
    }

    /// The filter, when the brand it names was published: the export's and the feed's
    /// rule (`CatalogBrand.requirePublished`), answered from the cache when it holds.
    /// An unknown brand is a 404, not an empty catalog a platform would take for a
    /// withdrawn one; a closed brand's catalog is empty.
    func knownBrand(_ filter: CatalogFilter) async throws -> CatalogFilter {
        if let brand = filter.brand, try await !cache.isPublished(brand: brand) {
            try await offload { try CatalogBrand.requirePublished(brand, in: store) }
        }
        return filter
    }
}
