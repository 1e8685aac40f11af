import BrandStandards
import CatalogStore
import Measures
import ProductSpecs

/// Changes some fields of a producer and keeps the others, checked against the
/// standard of the brand whose authorisation it touches (the producer's first brand
/// when none is named); the authorisations under other brands stay as they are. An
/// empty text clears an optional field (the address, the authorisation dates).
public struct UpdateProducer: Workflow {
    public struct Request: Codable, Sendable, Equatable {
        public var id: String
        public var changes: Changes

        public init(id: String, changes: Changes) {
            self.id = id
            self.changes = changes
        }
    }

    /// The fields to change; those left out stay as they are.
    public struct Changes: Codable, Sendable, Equatable {
        /// The brand whose standard checks the change, and whose categories `categories` sets.
        public var brand: String?
        public var nameZh: String?
        public var nameEn: String?
        public var uscc: String?
        public var adminCode: String?
        public var addressZh: String?
        public var addressEn: String?
        public var categories: [String]?
        public var validFrom: String?
        public var validTo: String?

        public init(brand: String? = nil, nameZh: String? = nil, nameEn: String? = nil, uscc: String? = nil, adminCode: String? = nil,
                    addressZh: String? = nil, addressEn: String? = nil, categories: [String]? = nil, validFrom: String? = nil, validTo: String? = nil) {
            self.brand = brand
            self.nameZh = nameZh
            self.nameEn = nameEn
            self.uscc = uscc
            self.adminCode = adminCode
            self.addressZh = addressZh
            self.addressEn = addressEn
            self.categories = categories
            self.validFrom = validFrom
            self.validTo = validTo
        }

        /// The fields given, by the names the producer file has.
        var given: [(String, String?)] {
            [("name_zh", nameZh), ("name_en", nameEn), ("uscc", uscc), ("admin_code", adminCode), ("address_zh", addressZh),
             ("address_en", addressEn), ("categories", categories?.joined(separator: ";")), ("valid_from", validFrom), ("valid_to", validTo)]
        }
    }

    public struct Result: Codable, Sendable, Equatable {
        /// The producer as it now is.
        public var producer: Producer
        /// Whether anything changed: a request that says what the store holds writes nothing.
        public var changed: Bool
    }

    let store: any CatalogStoring

    public init(store: any CatalogStoring) {
        self.store = store
    }

    public func run(_ request: Request, as actor: Actor) throws(WorkflowError) -> Result {
        try AccessRules.require(actor, .updateProducer)
        return try WorkflowError.catching {
            guard let existing = try store.producer(id: request.id) else { throw StoreError.producerNotFound(request.id) }
            guard let brand = request.changes.brand ?? existing.authorisations.keys.sorted().first else {
                throw WorkflowError(.invalid, "field.missing", zh: "生产者“\(request.id)”没有任何品牌授权；请指定品牌（brand）",
                                    en: "producer “\(request.id)” is authorised under no brand; name one (brand)")
            }
            try AccessRules.check(actor, brand: brand)
            guard let published = try store.currentStandard(brand: brand) else { throw StoreError.brandNotPublished(brand) }
            var fields = [
                "id": existing.id, "name_zh": existing.name.zh, "name_en": existing.name.en, "uscc": existing.uscc.text,
                "admin_code": existing.adminCode.digits, "categories": (existing.authorisations[brand] ?? []).joined(separator: ";"),
            ]
            fields["address_zh"] = existing.address?.zh
            fields["address_en"] = existing.address?.en
            fields["valid_from"] = existing.validFrom?.description
            fields["valid_to"] = existing.validTo?.description
            for case let (field, value?) in request.changes.given { fields[field] = value }
            let (checked, rejected) = ProducerFileReader.check([fields], standard: published.standard)
            if let findings = rejected.first?.findings { throw WorkflowError(findings: findings) }
            guard var producer = checked.first else { throw WorkflowError(.failure, "store.database", zh: "未能修改生产者", en: "the producer could not be changed") }
            // The check knows one brand; the others' authorisations are the stored ones.
            producer.authorisations = existing.authorisations.merging(producer.authorisations) { $1 }
            let saved = try store.saveProducers([producer], actor: actor.name)
            return Result(producer: try store.producer(id: producer.id) ?? producer, changed: saved.unchanged == 0)
        }
    }
}
