import BrandStandards
import CatalogStore
import Measures
import ProductSpecs

/// Registers a new producer under one or more brands, each checked against its
/// brand's current standard as the producer file is: the unified social credit code,
/// the administrative code inside the brand's production region, the categories, the
/// authorisation dates. An id that is taken is refused (`producer.exists`).
public struct RegisterProducer: Workflow {
    public struct Request: Codable, Sendable, Equatable {
        public var id: String
        public var name: LocalizedText
        public var uscc: String
        public var adminCode: String
        public var address: LocalizedText?
        /// Brand id → the categories it is authorised for.
        public var authorisations: [String: [String]]
        /// The authorisation's first and last days (`YYYY-MM-DD`), when limited.
        public var validFrom: String?
        public var validTo: String?

        public init(id: String, name: LocalizedText, uscc: String, adminCode: String, address: LocalizedText? = nil,
                    authorisations: [String: [String]], validFrom: String? = nil, validTo: String? = nil) {
            self.id = id
            self.name = name
            self.uscc = uscc
            self.adminCode = adminCode
            self.address = address
            self.authorisations = authorisations
            self.validFrom = validFrom
            self.validTo = validTo
        }

        /// The entry as a producer file holds it, for one brand's categories.
        func fields(categories: [String]) -> [String: String] {
            var fields = ["id": id, "name_zh": name.zh, "name_en": name.en, "uscc": uscc, "admin_code": adminCode,
                          "categories": categories.joined(separator: ";")]
            fields["address_zh"] = address?.zh
            fields["address_en"] = address?.en
            fields["valid_from"] = validFrom
            fields["valid_to"] = validTo
            return fields
        }
    }

    public typealias Result = Producer

    let store: any CatalogStoring

    public init(store: any CatalogStoring) {
        self.store = store
    }

    public func run(_ request: Request, as actor: Actor) throws(WorkflowError) -> Producer {
        try AccessRules.require(actor, .registerProducer)
        guard !request.authorisations.isEmpty else {
            throw WorkflowError(.invalid, "field.missing", zh: "缺少授权（authorisations: {品牌: [品类]}）", en: "the authorisations are missing ({brand: [category]})")
        }
        var producer: Producer?
        for (brand, categories) in request.authorisations.sorted(by: { $0.key < $1.key }) {
            try AccessRules.check(actor, brand: brand)
            guard let published = try WorkflowError.catching({ try store.currentStandard(brand: brand) }) else {
                throw WorkflowError(StoreError.brandNotPublished(brand))
            }
            let (checked, rejected) = ProducerFileReader.check([request.fields(categories: categories)], standard: published.standard)
            if let findings = rejected.first?.findings { throw WorkflowError(findings: findings) }
            guard var next = checked.first else { continue }
            if let earlier = producer { next.authorisations.merge(earlier.authorisations) { mine, _ in mine } }
            producer = next
        }
        guard let producer else { throw WorkflowError(.failure, "store.database", zh: "未能登记生产者", en: "the producer could not be registered") }
        return try WorkflowError.catching {
            if try store.producer(id: producer.id) != nil {
                throw WorkflowError(.conflict, "producer.exists", zh: "生产者“\(producer.id)”已存在", en: "producer “\(producer.id)” already exists")
            }
            _ = try store.saveProducers([producer], actor: actor.name)
            return producer
        }
    }
}
