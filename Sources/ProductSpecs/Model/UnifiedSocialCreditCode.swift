/// A unified social credit code (统一社会信用代码, GB 32100-2015): the 18-character id
/// of a Chinese organisation, whose last character checks the other seventeen.
public struct UnifiedSocialCreditCode: Hashable, Sendable, CustomStringConvertible, Codable {
    /// The 18 characters, upper case.
    public let text: String

    /// The 31 symbols a code is written with: digits and letters without I, O, S, V, Z.
    static let alphabet = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")
    private static let values: [Character: Int] = Dictionary(uniqueKeysWithValues: alphabet.enumerated().map { ($1, $0) })

    /// Why a text is not a USCC.
    public enum Problem: Error, Equatable, Sendable {
        case length(Int)
        case character(Character)
        case checkCharacter(expected: Character, found: Character)

        /// The stable machine code.
        public var code: String {
            switch self {
            case .length: "uscc.length"
            case .character: "uscc.character"
            case .checkCharacter: "uscc.check_character"
            }
        }
    }

    /// Verifies a code.
    /// - Throws: `Problem` saying what is wrong.
    public init(_ text: String) throws(Problem) {
        let characters = Array(text.uppercased())
        guard characters.count == 18 else { throw .length(characters.count) }
        for character in characters where Self.values[character] == nil { throw .character(character) }
        let expected = Self.checkCharacter(of: characters.prefix(17))
        guard characters[17] == expected else { throw .checkCharacter(expected: expected, found: characters[17]) }
        self.text = String(characters)
    }

    /// The check character: weights 3^i mod 31 for positions 1 to 17, check =
    /// 31 − (sum mod 31), with 31 written as 0.
    static func checkCharacter(of body: ArraySlice<Character>) -> Character {
        var weight = 1, sum = 0
        for character in body {
            sum += values[character]! * weight
            weight = weight * 3 % 31
        }
        return alphabet[(31 - sum % 31) % 31]
    }

    public var description: String { text }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        do { try self.init(text) } catch {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a USCC: \(text) (\(error.code))")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }
}
