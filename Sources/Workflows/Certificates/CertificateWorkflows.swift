import BrandStandards
import CatalogStore
import Measures
import ProductSpecs

/// Opens a certificate for someone whose scope covers its producer.
enum OpenCertificate {
    /// - Throws: `certificate.not_found`, `auth.forbidden`.
    static func open(_ id: Int64, store: any CatalogStoring, actor: Actor) throws(WorkflowError) -> CertificateRecord {
        try WorkflowError.catching {
            guard let record = try store.certificate(id: id), let stored = try store.product(reference: String(record.productID)),
                  let producer = try store.producer(id: stored.product.producerID) else { throw StoreError.certificateNotFound(id) }
            try AccessRules.check(actor, producer: producer, brand: record.brandID)
            return record
        }
    }
}

/// The certificates someone may see: an officer's brands', a producer's own, a
/// station's villages', newest first; one of them by id.
public struct ReadCertificates: Workflow {
    public struct Request: Codable, Sendable, Equatable {
        /// One certificate; every one in scope when `nil`.
        public var id: Int64?
        public var brand: String?

        public init(id: Int64? = nil, brand: String? = nil) {
            self.id = id
            self.brand = brand
        }
    }

    let store: any CatalogStoring

    public init(store: any CatalogStoring) {
        self.store = store
    }

    public func run(_ request: Request, as actor: Actor) throws(WorkflowError) -> [CertificateRecord] {
        try AccessRules.require(actor, .readCertificates)
        if let id = request.id { return [try OpenCertificate.open(id, store: store, actor: actor)] }
        return try WorkflowError.catching {
            var producers: [String: Producer?] = [:]
            return try store.certificates(brand: request.brand).filter { record in
                guard let stored = try store.product(reference: String(record.productID)) else { return false }
                let id = stored.product.producerID
                if producers[id] == nil { producers[id] = try store.producer(id: id) }
                guard let producer = producers[id] ?? nil else { return false }
                return AccessRules.covers(actor, producer: producer, brand: record.brandID)
            }
        }
    }
}

/// Voids every copy of a certificate (wrong quantity, a misprint), with a reason,
/// audited: its page then says "voided" to whoever scans a copy. Voiding a voided
/// certificate changes nothing.
public struct VoidCertificate: Workflow {
    public struct Request: Codable, Sendable, Equatable {
        public var id: Int64
        public var reason: String

        public init(id: Int64, reason: String) {
            self.id = id
            self.reason = reason
        }
    }

    public struct Result: Codable, Sendable, Equatable {
        public var certificate: CertificateRecord
        /// Copies this request voided (0 when all were voided before).
        public var voided: Int
    }

    let store: any CatalogStoring

    public init(store: any CatalogStoring) {
        self.store = store
    }

    public func run(_ request: Request, as actor: Actor) throws(WorkflowError) -> Result {
        try AccessRules.require(actor, .voidCertificates)
        try WorkflowError.checkReason(request.reason)
        let record = try OpenCertificate.open(request.id, store: store, actor: actor)
        return try WorkflowError.catching {
            let voided = try store.voidLabels(batchID: record.batchID, first: record.firstSerial,
                                              last: record.firstSerial + Int64(record.copies) - 1, reason: request.reason, actor: actor.name)
            guard let after = try store.certificate(id: request.id) else { throw StoreError.certificateNotFound(request.id) }
            return Result(certificate: after, voided: voided)
        }
    }
}

/// Deletes a certificate's record once the two years the rules keep it have passed
/// (its serials stay issued, never reused); refused before then.
public struct DeleteCertificate: Workflow {
    public struct Request: Codable, Sendable, Equatable {
        public var id: Int64

        public init(id: Int64) {
            self.id = id
        }
    }

    let store: any CatalogStoring

    public init(store: any CatalogStoring) {
        self.store = store
    }

    public func run(_ request: Request, as actor: Actor) throws(WorkflowError) -> CertificateRecord {
        try AccessRules.require(actor, .deleteCertificates)
        let record = try OpenCertificate.open(request.id, store: store, actor: actor)
        try WorkflowError.catching { try store.deleteCertificate(id: request.id, actor: actor.name, today: .today()) }
        return record
    }
}
