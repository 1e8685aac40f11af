import BrandStandards
import CatalogStore
import Foundation
import Measures
import ProductSpecs

/// One product as one object of the JSON import (`brand`, `sku`, `category`,
/// `name_zh`, …, and the attributes by id or in a nested `attributes` object), checked
/// against its brand's current standard. Findings name their place as JSON pointers.
struct ProductDraft {
    let standard: PublishedStandard
    let producer: Producer
    let outcome: ProductValidator.Outcome

    /// Reads and validates `json`. A product being replaced keeps its brand, producer
    /// and sku; a new one of a producer's key is that producer's.
    /// - Throws: `WorkflowError`: `body.json` for text that is not a JSON object,
    ///   `field.missing`, `brand.not_published`, `producer.not_found`, and
    ///   `auth.forbidden` for a producer outside the actor's scope.
    init(json: String, store: any CatalogStoring, actor: Actor, replacing existing: StoredProduct?) throws(WorkflowError) {
        guard var object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any] else {
            throw WorkflowError(.invalid, "body.json", zh: "产品应为 JSON 对象", en: "the product must be a JSON object")
        }
        let brand = existing?.product.brandID ?? (object.removeValue(forKey: "brand") as? String)
        object.removeValue(forKey: "brand")
        guard let brand else { throw WorkflowError(.invalid, "field.missing", zh: "缺少字段“brand”", en: "the field “brand” is missing") }
        if let existing {
            object["sku"] = existing.product.sku
            object["producer"] = existing.product.producerID
        }
        let input: ProductInput
        do throws(ImportFileError) { input = try ProductFileReader.input(fromJSON: object) } catch { throw WorkflowError(error) }
        let (published, producer) = try WorkflowError.catching { () throws -> (PublishedStandard, Producer) in
            guard let published = try store.currentStandard(brand: brand) else { throw StoreError.brandNotPublished(brand) }
            guard let producerID = input.field("producer") ?? (actor.role == .producer ? actor.scope.first : nil) else {
                throw WorkflowError(.invalid, "field.missing", zh: "缺少字段“producer”", en: "the field “producer” is missing")
            }
            guard let producer = try store.producer(id: producerID) else {
                throw WorkflowError(.invalid, "producer.not_found", StoreError.producerNotFound(producerID).message)
            }
            return (published, producer)
        }
        try AccessRules.check(actor, producer: producer, brand: brand)
        let validator = ProductValidator(standard: published.standard, today: CalendarDay.today()) { try? store.producer(id: $0) }
        standard = published
        self.producer = producer
        outcome = validator.validate(input, defaultProducer: producer.id)
    }

    /// The product, when it meets the standard.
    /// - Throws: `product.non_compliant`, with the compliance report, when it does not.
    func compliantProduct() throws(WorkflowError) -> Product {
        guard let product = outcome.product, outcome.report.isCompliant else {
            var error = WorkflowError(.invalid, "product.non_compliant", zh: "产品不符合品牌标准，未保存；见 compliance",
                                      en: "the product does not meet the brand standard and was not saved; see compliance")
            error.compliance = outcome.report
            throw error
        }
        return product
    }
}
