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
    /// Whether its products carry the brand's labels; a rural tourism package does not.
    public var carriesLabels = true
    /// The fields its labels must show, where they differ from the brand's
    /// `required_fields` (a crab's weight and count instead of a net content).
    public var labelFields: [String]?

    /// Creates a category.
    public init(id: String, name: LocalizedText, standardCode: String? = nil, attributes: [AttributeRequirement],
                carriesLabels: Bool = true, labelFields: [String]? = nil) {
        self.id = id
        self.name = name
        self.standardCode = standardCode
        self.attributes = attributes
        self.carriesLabels = carriesLabels
        self.labelFields = labelFields
    }

    /// The attribute requirement with this id.
    public func attribute(_ id: String) -> AttributeRequirement? {
        attributes.first { $0.id == id }
    }

    enum CodingKeys: String, CodingKey {
        case id, name, standardCode = "standard_code", attributes, carriesLabels = "carries_labels", labelFields = "label_fields"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        name = try container.decode(LocalizedText.self, forKey: .name)
        standardCode = try container.decodeIfPresent(String.self, forKey: .standardCode)
        attributes = try container.decode([AttributeRequirement].self, forKey: .attributes)
        carriesLabels = try container.decodeIfPresent(Bool.self, forKey: .carriesLabels) ?? true
        labelFields = try container.decodeIfPresent([String].self, forKey: .labelFields)
    }

    /// Writes the category; the label keys only when set, so that the canonical JSON
    /// of a standard that does not use them stays as it was published.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(name, forKey: .name)
        try container.encodeIfPresent(standardCode, forKey: .standardCode)
        try container.encode(attributes, forKey: .attributes)
        if !carriesLabels { try container.encode(false, forKey: .carriesLabels) }
        try container.encodeIfPresent(labelFields, forKey: .labelFields)
    }
}
