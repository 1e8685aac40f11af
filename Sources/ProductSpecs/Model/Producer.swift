import BrandStandards
import Measures

/// An organisation allowed to sell under brands: a farmer, cooperative, processor or
/// village shop, identified by its unified social credit code.
public struct Producer: Equatable, Sendable, Codable {
    /// Stable id, such as `shuanggou-coop`.
    public var id: String
    /// The producer's name.
    public var name: LocalizedText
    /// Its unified social credit code.
    public var uscc: UnifiedSocialCreditCode
    /// Where it is: an administrative division code inside the brand's region.
    public var adminCode: AdministrativeCode
    /// Its address, as printed on labels.
    public var address: LocalizedText?
    /// Whether it may sell now.
    public var status: ProducerStatus
    /// Why it was suspended or revoked.
    public var statusReason: String?
    /// The categories it is authorised for, per brand id.
    public var authorisations: [String: [String]]
    /// The first day of its authorisation.
    public var validFrom: CalendarDay?
    /// The last day of its authorisation.
    public var validTo: CalendarDay?

    /// Creates a producer.
    public init(
        id: String, name: LocalizedText, uscc: UnifiedSocialCreditCode, adminCode: AdministrativeCode,
        address: LocalizedText? = nil, status: ProducerStatus = .active, statusReason: String? = nil,
        authorisations: [String: [String]] = [:], validFrom: CalendarDay? = nil, validTo: CalendarDay? = nil
    ) {
        self.id = id
        self.name = name
        self.uscc = uscc
        self.adminCode = adminCode
        self.address = address
        self.status = status
        self.statusReason = statusReason
        self.authorisations = authorisations
        self.validFrom = validFrom
        self.validTo = validTo
    }

    /// Whether it may sell on `day`: active and within its validity dates.
    public func isActive(on day: CalendarDay) -> Bool {
        status == .active && (validFrom.map { $0 <= day } ?? true) && (validTo.map { day <= $0 } ?? true)
    }

    /// Whether it is authorised for `category` of brand `brandID`.
    public func isAuthorised(brand brandID: String, category: String) -> Bool {
        authorisations[brandID]?.contains(category) ?? false
    }

    enum CodingKeys: String, CodingKey {
        case id, name, uscc, adminCode = "admin_code", address, status, statusReason = "status_reason"
        case authorisations, validFrom = "valid_from", validTo = "valid_to"
    }
}

/// Where a producer stands with the brand.
public enum ProducerStatus: String, Equatable, Sendable, Codable, CaseIterable {
    case active, suspended, revoked
}
