/// Why a text is not a valid GS1 Digital Link URI, or a value cannot go into one.
/// Each case has a stable code.
public enum DigitalLinkError: Error, Equatable, Sendable {
    /// Not an http(s) URI with a host.
    case notAURI(String)
    /// No `/01/{gtin}` (or legacy `/gtin/{gtin}`) in the path.
    case missingPrimaryKey
    /// The GTIN is not valid.
    case gtin(GTIN.Problem)
    /// A key qualifier out of order: 22, then 10, then 21.
    case qualifierOrder(String)
    /// The same key qualifier twice.
    case duplicateQualifier(String)
    /// A path element that is no key qualifier of a GTIN.
    case unknownPathElement(String)
    /// A value with a character outside the GS1 82-character set.
    case invalidCharacter(ai: String, value: String)
    /// A value of the wrong length (lot, serial and CPV: 1 to 20 characters).
    case invalidLength(ai: String, value: String)
    /// A malformed percent-escape.
    case badEscape(String)
    /// A data attribute whose value has the wrong form (a date that is not YYMMDD, say).
    case invalidAttribute(ai: String, value: String)

    /// The stable machine code.
    public var code: String {
        switch self {
        case .notAURI: "dl.not_a_uri"
        case .missingPrimaryKey: "dl.primary_key_missing"
        case .gtin(let problem): problem.code
        case .qualifierOrder: "dl.qualifier_order"
        case .duplicateQualifier: "dl.qualifier_duplicate"
        case .unknownPathElement: "dl.unknown_path_element"
        case .invalidCharacter: "dl.value_charset"
        case .invalidLength: "dl.value_length"
        case .badEscape: "dl.percent_encoding"
        case .invalidAttribute: "dl.attribute_format"
        }
    }
}
