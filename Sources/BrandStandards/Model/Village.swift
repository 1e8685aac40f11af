import Measures

/// A village of a "one village, one product, one shop" brand: its leading product
/// category and its standard outlet.
public struct Village: Equatable, Sendable, Codable {
    /// The village's 12-digit (or 9-digit township) administrative code.
    public var code: AdministrativeCode
    /// The village's name.
    public var name: LocalizedText
    /// The id of the village's leading product category.
    public var product: String
    /// The village's standard outlet (its online shop).
    public var outlet: Outlet?
}

/// A shop where a village's products are sold.
public struct Outlet: Equatable, Sendable, Codable {
    public var name: LocalizedText
    public var url: String?
}
