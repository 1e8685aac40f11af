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
            var json = JSONBuilder()
            json.beginArray()
            for published in try await offload({ try store.currentStandards() }) {
                let standard = published.standard
                json.beginObject()
                json.string("id", standard.id)
                json.beginObject("name")
                json.string("zh", standard.name.zh)
                json.string("en", standard.name.en)
                json.endObject()
                json.string("model", standard.model.rawValue)
                json.raw("version", String(published.number))
                json.string("label", standard.version)
                json.string("published_at", published.publishedAt)
                json.endObject()
            }
            json.endArray()
            return try Representation(bytes: json.bytes, contentType: "application/json").response(to: request)
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
