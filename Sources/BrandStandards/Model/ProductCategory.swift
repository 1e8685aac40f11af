import Measures

/// A category of products under a brand (rice, hairy crab, apples) and what its
/// products must state.
public struct ProductCategory: Equatable, Sendable, Codable {
    /// Stable id, such as `rice`.
    public var id: String
    /// The category's name.
    public var name: LocalizedText
    /// The product standard its products follow (GB 7718 asks labels to print it).
    public var standardCode: String?
    /// What every product of the category must state, in the brand's order.
    public var attributes: [AttributeRequirement]

    /// The attribute requirement with this id.
    public func attribute(_ id: String) -> AttributeRequirement? {
        attributes.first { $0.id == id }
    }

    enum CodingKeys: String, CodingKey {
        case id, name, standardCode = "standard_code", attributes
    }
}
