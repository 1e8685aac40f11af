/// Every operation people perform on the store, and the roles that may perform it:
/// the role matrix, decided here once for every front door. An allowed role is then
/// held to its scope by `AccessRules` (an officer to its brands, a producer to itself,
/// a station to its villages).
public enum Permission: String, Codable, Sendable, CaseIterable {
    case readBrands = "brands.read"
    case publishStandard = "brands.publish"
    case registerProducer = "producers.register"
    case updateProducer = "producers.update"
    case readProducer = "producers.read"
    case suspendProducer = "producers.suspend"
    case revokeProducer = "producers.revoke"
    case reinstateProducer = "producers.reinstate"
    case validateProduct = "products.validate"
    case saveProducts = "products.save"
    case readProduct = "products.read"
    case deleteProduct = "products.delete"
    case certifyProducts = "products.certify"
    case withdrawProducts = "products.withdraw"
    case revalidateProducts = "products.revalidate"
    case issueLabelBatch = "labels.issue"
    case resumeLabelBatch = "labels.resume"
    case readLabelBatch = "labels.read"
    case voidLabels = "labels.void"
    case readLedger = "ledger.read"
    case readScans = "scans.read"
    case handOffLabels = "labels.hand_off"
    case unlockLabels = "labels.unlock"
    case issueCertificates = "certificates.issue"
    case readCertificates = "certificates.read"
    case voidCertificates = "certificates.void"
    case deleteCertificates = "certificates.delete"
    case readCatalog = "catalog.read"
    case exportCatalog = "catalog.export"
    case followFeed = "catalog.changes"
    case manageKeys = "keys.manage"

    /// The roles that may perform it.
    public var roles: Set<Actor.Role> {
        switch self {
        case .readBrands: [.officer, .producer, .station, .platform, .operator]
        case .publishStandard, .registerProducer, .updateProducer, .suspendProducer, .revokeProducer, .reinstateProducer,
             .certifyProducts, .revalidateProducts, .readLedger, .readScans, .unlockLabels, .deleteCertificates:
            [.officer, .operator]
        case .readProducer, .validateProduct, .readProduct, .deleteProduct, .withdrawProducts, .readLabelBatch, .voidLabels,
             .readCertificates, .voidCertificates:
            [.officer, .producer, .station, .operator]
        case .saveProducts, .issueLabelBatch, .resumeLabelBatch, .handOffLabels, .issueCertificates: [.producer, .station, .operator]
        case .readCatalog, .exportCatalog, .followFeed: [.officer, .platform, .operator]
        case .manageKeys: [.operator]
        }
    }
}
