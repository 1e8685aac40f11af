import BrandStandards
import CatalogExport
import CatalogStore
import DigitalLink
import Foundation
import Hummingbird
import Measures
import ProductSpecs
import Workflows

extension ServerState {
    /// `/v1/brands`: the published standards, to any key.
    func addBrandRoutes(to router: Router<TerroirRequestContext>) {
        router.get("/v1/brands") { request, context in
            _ = try Access.actor(context, .readBrands)
            let brands = try await offload { try store.currentStandards().map(BrandListEntry.init) }
            return try Representation(bytes: Self.jsonBytes(brands), contentType: "application/json").response(to: request)
        }
        router.post("/v1/brands/:id/publish") { request, context in
            let actor = try Access.actor(context, .publishStandard)
            let publish = PublishStandard.Request(brand: try context.parameters.require("id"), dryRun: try Self.flag(request, "dry_run"))
            let brands = configuration.brandsPath
            return try Self.json(try await offload { try PublishStandard(store: store, brands: brands).run(publish, as: actor) })
        }
        router.post("/v1/brands/:id/revalidate") { _, context in
            let actor = try Access.actor(context, .revalidateProducts)
            let revalidate = RevalidateProducts.Request(brand: try context.parameters.require("id"))
            return try Self.json(try await offload { try RevalidateProducts(store: store).run(revalidate, as: actor) })
        }
        router.get("/v1/brands/:id/scans") { request, context in
            let actor = try Access.actor(context, .readScans)
            let since = try request.uri.queryParameters["since"].map { text in
                guard let day = CalendarDay(String(text)) else {
                    throw Problem(.badRequest, "query.invalid", zh: "since 应为日期 YYYY-MM-DD（收到“\(text)”）", en: "since must be a day, YYYY-MM-DD (got “\(text)”)")
                }
                return day
            }
            let report = ScansReport.Request(brand: try context.parameters.require("id"), since: since)
            return try Self.json(try await offload { try ScansReport(store: store).run(report, as: actor) })
        }
        router.get("/v1/brands/:id") { request, context in
            _ = try Access.actor(context, .readBrands)
            let id = try context.parameters.require("id")
            guard let published = try await offload({ try store.currentStandard(brand: id) }) else {
                throw Problem.notFound("no published brand “\(id)”", zh: "没有已发布的品牌“\(id)”")
            }
            return try Representation(bytes: Array(try published.standard.canonicalJSON()), contentType: "application/json").response(to: request)
        }
    }
}

/// A brand in `GET /v1/brands`: its standard in force, by the store's version number.
struct BrandListEntry: Encodable {
    let id: String
    let name: LocalizedText
    let model: String
    /// The store's number of the version in force.
    let version: Int
    /// The standard's own version (`2026.5`).
    let label: String
    let publishedAt: String

    init(_ published: PublishedStandard) {
        id = published.standard.id
        name = published.standard.name
        model = published.standard.model.rawValue
        version = published.number
        label = published.standard.version
        publishedAt = published.publishedAt
    }
}
