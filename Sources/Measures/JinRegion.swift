import Foundation

/// Where a Chinese market unit (斤, 两) is meant: the same character weighs
/// differently in the mainland, Taiwan and Hong Kong.
public enum JinRegion: String, CaseIterable, Codable, Sendable {
    /// 市斤: 500 g, 两 = 50 g (the mainland's legal units since 1959).
    case mainland
    /// 台斤: 600 g, 两 = 37.5 g.
    case taiwan
    /// 司马斤: 604.78982 g (1⅓ lb), 两 = 37.79936375 g.
    case hongKong = "hong_kong"

    /// The region whose 斤 a country's people mean (ISO 3166-1 alpha-2: `CN`, `TW`,
    /// `HK`, `MO`); `nil` elsewhere.
    public init?(country: String) {
        switch country.uppercased() {
        case "CN": self = .mainland
        case "TW": self = .taiwan
        case "HK", "MO": self = .hongKong
        default: return nil
        }
    }

    /// One jin in kilograms.
    public var jinInKilograms: Decimal {
        switch self {
        case .mainland: Decimal(string: "0.5")!
        case .taiwan: Decimal(string: "0.6")!
        case .hongKong: Decimal(string: "0.60478982")!
        }
    }

    /// One liang (a sixteenth of a jin outside the mainland, a tenth within) in kilograms.
    public var liangInKilograms: Decimal {
        switch self {
        case .mainland: jinInKilograms / 10
        case .taiwan, .hongKong: jinInKilograms / 16
        }
    }
}
