import Measures

/// One thing validation found about a product: a stable code, where in the input it
/// is, what the standard expects and what was found, in both languages.
public struct Finding: Equatable, Sendable, Codable {
    /// The stable code, such as `attribute.out_of_range`.
    public var code: String
    /// Whether it keeps the product from being compliant.
    public var severity: Severity
    /// The field or attribute id concerned (the CSV column, the JSON key).
    public var field: String
    /// Where in the input: a CSV column name or a JSON pointer.
    public var location: String
    /// What the standard expects.
    public var expected: String?
    /// What was found.
    public var found: String?
    /// The finding for people, in both languages.
    public var message: LocalizedText

    /// How a finding weighs.
    public enum Severity: String, Equatable, Sendable, Codable {
        /// The product is not compliant.
        case error
        /// The product is compliant, but someone must act (an approval, say).
        case notice
    }

    /// Creates a finding.
    public init(code: String, severity: Severity = .error, field: String, location: String,
                expected: String? = nil, found: String? = nil, message: LocalizedText) {
        self.code = code
        self.severity = severity
        self.field = field
        self.location = location
        self.expected = expected
        self.found = found
        self.message = message
    }
}
