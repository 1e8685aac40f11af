/// A Chinese administrative division code (GB/T 2260 and the statistical division
/// codes): 6 digits for province, prefecture and county, 9 down to the township, 12
/// down to the village. `321324` is Sihong County, Suqian, Jiangsu.
public struct AdministrativeCode: Hashable, Comparable, Sendable, CustomStringConvertible, Codable {
    /// The code's digits.
    public let digits: String

    /// The two-digit province codes in use (mainland, Taiwan, Hong Kong, Macao).
    static let provinces: Set<String> = [
        "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
        "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64",
        "65", "71", "81", "82",
    ]

    /// Reads a code; `nil` unless it has 6, 9 or 12 digits, names a real province, and
    /// does not name a county under a prefecture given as `00`.
    public init?(_ text: String) {
        guard [6, 9, 12].contains(text.count), text.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        let characters = Array(text)
        guard Self.provinces.contains(String(characters[0..<2])) else { return nil }
        let prefecture = String(characters[2..<4]), county = String(characters[4..<6])
        if prefecture == "00" && county != "00" { return nil }
        if text.count > 6 && county == "00" { return nil }
        digits = text
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let code = AdministrativeCode(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not an administrative code: \(text)")
        }
        self = code
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(digits)
    }

    public var description: String { digits }

    /// The digits that every division inside this one starts with: `32` for Jiangsu
    /// (`320000`), `3213` for Suqian (`321300`), `321324` for Sihong.
    public var significantPrefix: Substring {
        var prefix = Substring(digits)
        while prefix.count > 6 && prefix.hasSuffix("000") { prefix = prefix.dropLast(3) }
        while prefix.count > 2 && prefix.count <= 6 && prefix.hasSuffix("00") { prefix = prefix.dropLast(2) }
        return prefix
    }

    /// Whether `other` is this division or lies inside it.
    public func contains(_ other: AdministrativeCode) -> Bool {
        other.digits.hasPrefix(significantPrefix)
    }

    public static func < (lhs: AdministrativeCode, rhs: AdministrativeCode) -> Bool { lhs.digits < rhs.digits }
}
