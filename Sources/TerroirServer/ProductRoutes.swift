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
    /// `/v1/products`: producers and stations register and change products, each
    /// validated against the brand's current standard; officers certify.
    func addProductRoutes(to router: Router<TerroirRequestContext>) {
        router.post("/v1/products/validate") { request, context in
            let actor = try Access.actor(context, .validateProduct)
            let product = try await Self.productJSON(body(request))
            return try await offload {
                Self.json(try ValidateProduct(store: store).run(.init(product: product), as: actor).storedJSON())
            }
        }
        router.post("/v1/products") { request, context in
            let actor = try Access.actor(context, .saveProducts)
            let product = try await Self.productJSON(body(request))
            return try await savedProduct(.init(product: product), as: actor, status: .created)
        }
        router.get("/v1/products/:id") { _, context in
            let actor = try Access.actor(context, .readProduct)
            let id = try Self.productID(context)
            let exportContext = try await cache.exportContext()
            return try await offload { Self.json(exportContext.entry(try store.product(id, scopedTo: actor)).canonicalJSON()) }
        }
        router.put("/v1/products/:id") { request, context in
            let actor = try Access.actor(context, .saveProducts)
            let id = try Self.productID(context)
            let product = try await Self.productJSON(body(request))
            return try await savedProduct(.init(product: product, replacing: id), as: actor, status: .ok)
        }
        router.delete("/v1/products/:id") { _, context in
            let actor = try Access.actor(context, .deleteProduct)
            let id = try Self.productID(context)
            _ = try await offload { try DeleteProduct(store: store).run(.init(id: id), as: actor) }
            return Response(status: .noContent)
        }
        router.post("/v1/products/:id/withdraw") { request, context in
            let actor = try Access.actor(context, .withdrawProducts)
            let id = try Self.productID(context)
            let bytes = try await body(request)
            let reason = bytes.readableBytes == 0 ? nil : try Self.decode(ReasonBody.self, from: bytes).reason
            let result = try await offload { try WithdrawProducts(store: store).run(.init(ids: [id], reason: reason), as: actor) }
            return try Self.json(result)
        }
        router.post("/v1/products/:id/certify") { _, context in
            let actor = try Access.actor(context, .certifyProducts)
            let id = try Self.productID(context)
            let exportContext = try await cache.exportContext()
            return try await offload {
                let result = try CertifyProducts(store: store).run(.init(ids: [id]), as: actor)
                if let refusal = result.refused.first { throw Problem(.conflict, "product.not_certifiable", refusal.reason) }
                guard let stored = try store.product(reference: String(id)) else { throw StoreError.productNotFound(String(id)) }
                return Self.json(exportContext.entry(stored).canonicalJSON())
            }
        }
    }

    /// The product id in the path.
    /// - Throws: 400 unless it is a positive whole number.
    static func productID(_ context: TerroirRequestContext) throws -> Int64 {
        let text = try context.parameters.require("id")
        guard let id = Int64(text), id > 0 else {
            throw Problem(.badRequest, "product.id_malformed", zh: "产品编号“\(text)”无效：应为正整数，如 /v1/products/12",
                          en: "product id “\(text)” is malformed: expected a positive whole number, such as /v1/products/12")
        }
        return id
    }

    /// Saves a product through the workflow and answers with its catalog entry.
    private func savedProduct(_ request: SaveProduct.Request, as actor: Actor, status: HTTPResponse.Status) async throws -> Response {
        let exportContext = try await cache.exportContext()
        return try await offload {
            let saved = try SaveProduct(store: store).run(request, as: actor)
            guard let stored = try store.product(reference: String(saved.id)) else { throw StoreError.productNotFound(String(saved.id)) }
            return Self.json(exportContext.entry(stored).canonicalJSON(), status: status)
        }
    }

    /// A product body's text, once it is known to be one JSON object.
    /// - Throws: 400 for anything else.
    static func productJSON(_ buffer: ByteBuffer) throws -> String {
        _ = try jsonObject(buffer)
        return String(buffer: buffer)
    }
}
