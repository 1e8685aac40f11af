import ProductSpecs

/// A product as the store keeps it: the product, its latest compliance report, the
/// standard version it was validated against, and whether platforms may list it.
public struct StoredProduct: Sendable {
    /// The store's id for the product.
    public let id: Int64
    public let product: Product
    public let report: ComplianceReport
    /// The store's version number of the standard the report was made against.
    public let standardVersion: Int
    /// Certified, and its producer active: in the catalog platforms pull.
    public let exportable: Bool
    public let createdAt: String
    public let updatedAt: String
    /// The price as the store keeps it (`59`, `3.8`), to write without formatting a decimal.
    public let priceText: String?
}
