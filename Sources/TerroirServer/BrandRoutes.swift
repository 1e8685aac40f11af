import BrandStandards
import CatalogStore
import DigitalLink
import Foundation
import Hummingbird
import Measures
import ProductSpecs

extension ServerState {
    /// `/v1/brands`: the published standards, to any key.
    func addBrandRoutes(to router: Router<TerroirRequestContext>) {
        router.get("/v1/brands") { request, context in
            _ = try Access.require(context, .officer, .producer, .station, .platform)
            var json = "["
            for (index, published) in try store.currentStandards().enumerated() {
                if index > 0 { json += "," }
                let standard = published.standard
                json += "{\"id\":" + JSONText.quoted(standard.id) + ",\"name\":{\"zh\":" + JSONText.quoted(standard.name.zh)
                    + ",\"en\":" + JSONText.quoted(standard.name.en) + "},\"model\":" + JSONText.quoted(standard.model.rawValue)
                    + ",\"version\":\(published.number),\"label\":" + JSONText.quoted(standard.version)
                    + ",\"published_at\":" + JSONText.quoted(published.publishedAt) + "}"
            }
            return try Representation(bytes: Array((json + "]").utf8), contentType: "application/json").response(to: request)
        }
        router.get("/v1/brands/:id") { request, context in
            _ = try Access.require(context, .officer, .producer, .station, .platform)
            let id = try context.parameters.require("id")
            guard let published = try store.currentStandard(brand: id) else {
                throw Problem.notFound("no published brand “\(id)”", zh: "没有已发布的品牌“\(id)”")
            }
            return try Representation(bytes: Array(try published.standard.canonicalJSON()), contentType: "application/json").response(to: request)
        }
    }
}
