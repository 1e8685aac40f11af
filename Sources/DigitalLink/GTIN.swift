/// A GS1 Global Trade Item Number, verified and normalised to 14 digits.
///
/// GTIN-8, -12, -13 and -14 are accepted; each is left-padded with zeros to 14
/// digits, which keeps its check digit valid.
public struct GTIN: Hashable, Comparable, Sendable, CustomStringConvertible, Codable {
    /// The 14 digits.
    public let digits: String

    /// Why a text is not a GTIN. Each case has a stable code.
    public enum Problem: Error, Equatable, Sendable {
        /// Not made of digits only.
        case notDigits
        /// Not 8, 12, 13 or 14 digits long.
        case length(Int)
        /// The last digit is not the check digit of the others.
        case checkDigit(expected: Character, found: Character)

        /// The stable machine code.
        public var code: String {
            switch self {
            case .notDigits: "gtin.format"
            case .length: "gtin.length"
            case .checkDigit: "gtin.check_digit"
            }
        }
    }

    /// Verifies and normalises a GTIN.
    /// - Throws: `GTIN.Problem` saying what is wrong.
    public init(_ text: String) throws(Problem) {
        let trimmed = text.filter { $0 != " " && $0 != "-" }
        // By byte: `Character.isNumber` looks up Unicode properties, on every scan.
        guard !trimmed.isEmpty, trimmed.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else { throw .notDigits }
        guard [8, 12, 13, 14].contains(trimmed.count) else { throw .length(trimmed.count) }
        let expected = Self.checkDigit(of: trimmed.dropLast())
        guard trimmed.last == expected else { throw .checkDigit(expected: expected, found: trimmed.last!) }
        digits = String(repeating: "0", count: 14 - trimmed.count) + trimmed
    }

    /// A GTIN the store verified when it was written: 14 digits, taken as they are
    /// (reading a catalog of a million products need not verify each again).
    public init(verifiedDigits digits: String) {
        self.digits = digits
    }

    /// The GS1 check digit of the digits before it: weights 3, 1, 3, ... from the right.
    public static func checkDigit<S: StringProtocol>(of body: S) -> Character {
        var sum = 0
        for (index, byte) in body.utf8.reversed().enumerated() {
            let digit = Int(byte - 48)
            sum += index % 2 == 0 ? digit * 3 : digit
        }
        return Character(String((10 - sum % 10) % 10))
    }

    /// Whether the GTIN's company prefix is one GS1 China allocates (690–699).
    public var isGS1China: Bool {
        let prefix = digits.dropFirst(1).prefix(3)
        return prefix.hasPrefix("69")
    }

    public var description: String { digits }

    public static func < (lhs: GTIN, rhs: GTIN) -> Bool { lhs.digits < rhs.digits }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do { try self.init(text) } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a GTIN: \(text) (\(error.code))")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(digits)
    }
}
