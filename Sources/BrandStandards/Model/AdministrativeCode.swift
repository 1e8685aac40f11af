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
        // By bytes: validating an import reads one code per row.
        let bytes = Array(text.utf8)
        guard bytes.count == 6 || bytes.count == 9 || bytes.count == 12, bytes.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        let province = Int(bytes[0] - 0x30) * 10 + Int(bytes[1] - 0x30)
        guard Self.provinceNumbers.contains(province) else { return nil }
        let prefectureIsZero = bytes[2] == 0x30 && bytes[3] == 0x30
        let countyIsZero = bytes[4] == 0x30 && bytes[5] == 0x30
        if prefectureIsZero && !countyIsZero { return nil }
        if bytes.count > 6 && countyIsZero { return nil }
        digits = text
        significantPrefix = text[..<text.utf8.index(text.startIndex, offsetBy: Self.prefixLength(of: bytes))]
    }

    private static let provinceNumbers = Set(provinces.compactMap { Int($0) })

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
    public let significantPrefix: Substring

    /// How many of a code's digits are significant: trailing `000` below the county,
    /// then trailing `00` above it, are dropped.
    private static func prefixLength(of bytes: [UInt8]) -> Int {
        func zeros(_ count: Int, endingAt end: Int) -> Bool { bytes[(end - count)..<end].allSatisfy { $0 == 0x30 } }
        var length = bytes.count
        while length > 6 && zeros(3, endingAt: length) { length -= 3 }
        while length > 2 && length <= 6 && zeros(2, endingAt: length) { length -= 2 }
        return length
    }

    /// Whether `other` is this division or lies inside it.
    public func contains(_ other: AdministrativeCode) -> Bool {
        other.digits.utf8.starts(with: significantPrefix.utf8)
    }

    public static func < (lhs: AdministrativeCode, rhs: AdministrativeCode) -> Bool { lhs.digits < rhs.digits }
}
