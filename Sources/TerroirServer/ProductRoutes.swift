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
            let body = try await body(request)
            return try await offload {
                let (_, outcome, _) = try validated(Self.jsonObject(body), actor: actor, existing: nil)
                return Self.json(try outcome.report.storedJSON())
            }
        }
        router.post("/v1/products") { request, context in
            let actor = try Access.actor(context, .saveProducts)
            let body = try await body(request)
            let exportContext = try await cache.exportContext()
            return try await offload {
                let (published, outcome, producer) = try validated(Self.jsonObject(body), actor: actor, existing: nil)
                guard let product = outcome.product, outcome.report.isCompliant else { throw Self.nonCompliant(outcome.report) }
                if try store.product(reference: "\(producer.id)/\(product.sku)") != nil {
                    throw Problem(.conflict, "product.exists", zh: "生产者“\(producer.id)”已有货号“\(product.sku)”；请用 PUT 修改",
                                  en: "producer “\(producer.id)” already has sku “\(product.sku)”; change it with PUT")
                }
                let stored = try save(product, report: outcome.report, published: published, actor: actor)
                return Self.json(exportContext.entry(stored).canonicalJSON(), status: .created)
            }
        }
        router.get("/v1/products/:id") { _, context in
            let actor = try Access.actor(context, .readProduct)
            let id = try Self.productID(context)
            let exportContext = try await cache.exportContext()
            return try await offload {
                let (stored, _) = try ownedProduct(id, actor: actor)
                return Self.json(exportContext.entry(stored).canonicalJSON())
            }
        }
        router.put("/v1/products/:id") { request, context in
            let actor = try Access.actor(context, .saveProducts)
            let id = try Self.productID(context)
            let body = try await body(request)
            let exportContext = try await cache.exportContext()
            return try await offload {
                let (stored, _) = try ownedProduct(id, actor: actor)
                let (published, outcome, _) = try validated(Self.jsonObject(body), actor: actor, existing: stored)
                guard let product = outcome.product, outcome.report.isCompliant else { throw Self.nonCompliant(outcome.report) }
                let saved = try save(product, report: outcome.report, published: published, actor: actor)
                return Self.json(exportContext.entry(saved).canonicalJSON())
            }
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

    /// A product the key may act on, with its producer. Blocks: on `StoreThreads`.
    /// - Throws: 404 for none, 403 outside the key's scope.
    func ownedProduct(_ id: Int64, actor: Actor) throws -> (StoredProduct, Producer) {
        guard let stored = try store.product(reference: String(id)), let producer = try store.producer(id: stored.product.producerID) else {
            throw Problem.notFound("no product \(id)", zh: "没有产品 \(id)")
        }
        try AccessRules.check(actor, producer: producer, brand: stored.product.brandID)
        return (stored, producer)
    }

    /// Reads and validates a product body: `{brand, sku, category, name_zh, …, attributes: {…}}`,
    /// as one object of the JSON import. An existing product keeps its brand, producer and sku.
    private func validated(_ body: [String: Any], actor: Actor, existing: StoredProduct?) throws
        -> (PublishedStandard, ProductValidator.Outcome, Producer) {
        var object = body
        let brand = existing?.product.brandID ?? (object.removeValue(forKey: "brand") as? String)
        object.removeValue(forKey: "brand")
        guard let brand else { throw Problem(.unprocessableContent, "field.missing", zh: "缺少字段“brand”", en: "the field “brand” is missing") }
        guard let published = try store.currentStandard(brand: brand) else {
            throw Problem(.unprocessableContent, "brand.not_published", StoreError.brandNotPublished(brand).message)
        }
        if let existing {
            object["sku"] = existing.product.sku
            object["producer"] = existing.product.producerID
        }
        let input: ProductInput
        do throws(ImportFileError) { input = try ProductFileReader.input(fromJSON: object) } catch {
            throw Problem(.badRequest, error.code, error.message)
        }
        let producerID = input.field("producer") ?? (actor.role == .producer ? actor.scope.first : nil)
        guard let producerID else { throw Problem(.unprocessableContent, "field.missing", zh: "缺少字段“producer”", en: "the field “producer” is missing") }
        guard let producer = try store.producer(id: producerID) else {
            throw Problem(.unprocessableContent, "producer.not_found", StoreError.producerNotFound(producerID).message)
        }
        try AccessRules.check(actor, producer: producer, brand: brand)
        let producers = store
        let validator = ProductValidator(standard: published.standard, today: CalendarDay.today()) { try? producers.producer(id: $0) }
        return (published, validator.validate(input, defaultProducer: producerID), producer)
    }

    private func save(_ product: Product, report: ComplianceReport, published: PublishedStandard, actor: Actor) throws -> StoredProduct {
        _ = try store.importProducts(brand: published.brandID, standardVersion: published.number, actor: actor.name, source: "api") { writer in
            _ = try writer.upsert(product, report: report)
            return true
        }
        guard let stored = try store.product(reference: "\(product.producerID)/\(product.sku)") else {
            throw StoreError.database("the saved product vanished")
        }
        return stored
    }

    static func nonCompliant(_ report: ComplianceReport) -> Problem {
        var problem = Problem(.unprocessableContent, "product.non_compliant", zh: "产品不符合品牌标准，未保存；见 compliance",
                              en: "the product does not meet the brand standard and was not saved; see compliance")
        problem.extensions["compliance"] = (try? report.storedJSON()) ?? "null"
        return problem
    }
}
