/// An N+X series of a county public brand: N fixed core categories and one open
/// category for other local specialties, each of whose products needs approval.
public struct BrandSeries: Equatable, Sendable, Codable {
    /// N: how many core categories the series declares.
    public var coreCount: Int
    /// The core categories' ids, in the brand's order.
    public var core: [String]
    /// The open "X" category.
    public var open: OpenCategory?

    enum CodingKeys: String, CodingKey {
        case coreCount = "core_count", core, open
    }
}

/// The X of an N+X series.
public struct OpenCategory: Equatable, Sendable, Codable {
    /// The id of the category that takes other local specialties.
    public var category: String
    /// Who must approve each product in it.
    public var approval: Approver
}

/// Who approves a product before it may carry the brand.
public enum Approver: String, Equatable, Sendable, Codable, CaseIterable {
    case officer
}
