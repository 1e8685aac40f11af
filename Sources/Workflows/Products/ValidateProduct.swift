import CatalogStore
import ProductSpecs

/// Checks one product against its brand's current standard and says what it found,
/// writing nothing: what a form shows beside each field before it is saved.
public struct ValidateProduct: Workflow {
    public struct Request: Codable, Sendable, Equatable {
        /// The product, as one object of the JSON import, with its `brand`.
        public var product: String

        public init(product: String) {
            self.product = product
        }
    }

    public typealias Result = ComplianceReport

    let store: any CatalogStoring

    public init(store: any CatalogStoring) {
        self.store = store
    }

    public func run(_ request: Request, as actor: Actor) throws(WorkflowError) -> ComplianceReport {
        try AccessRules.require(actor, .validateProduct)
        return try ProductDraft(json: request.product, store: store, actor: actor, replacing: nil).outcome.report
    }
}
