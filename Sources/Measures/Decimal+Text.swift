import Foundation

extension Decimal {
    private static let posix = Locale(identifier: "en_US_POSIX")

    /// Reads a plain decimal numeral (`12`, `-0.5`, `13.50`), nothing else: no
    /// exponent, no grouping, no trailing text. Full-width digits are accepted.
    public init?(exactText text: String) {
        let normalized = text.halfWidth.trimmedWhitespace
        guard Self.isPlainNumeral(normalized) else { return nil }
        // Up to 18 digits fit a UInt64: build the decimal directly, which is exact and
        // much faster than parsing through a locale.
        var significand: UInt64 = 0, digits = 0, places = 0, seenPoint = false, negative = false
        for byte in normalized.utf8 {
            switch byte {
            case UInt8(ascii: "-"): negative = true
            case UInt8(ascii: "+"): continue
            case UInt8(ascii: "."): seenPoint = true
            default:
                significand = significand &* 10 &+ UInt64(byte - UInt8(ascii: "0"))
                digits += 1
                if seenPoint { places += 1 }
            }
        }
        if digits <= 18 {
            self = Decimal(sign: negative ? .minus : .plus, exponent: -places, significand: Decimal(significand))
        } else {
            guard let value = Decimal(string: String(normalized), locale: Self.posix) else { return nil }
            self = value
        }
    }

    /// The value written without exponent or trailing zeros: `5`, `0.5`, `604.78982`.
    public var plainText: String {
        // Values read from text or multiplied by a unit factor have few places; only
        // the results of division need rounding before they are written.
        if exponent >= -12 { return description }
        var copy = self
        var rounded = Decimal()
        NSDecimalRound(&rounded, &copy, 12, .plain)
        return rounded.description
    }

    /// The value rounded half-up to `places` decimal places.
    public func rounded(places: Int) -> Decimal {
        var copy = self
        var result = Decimal()
        NSDecimalRound(&result, &copy, places, .plain)
        return result
    }

    /// How many digits the value has after the decimal point, as written.
    public var decimalPlaces: Int { max(0, -Int(exponent)) }

    static func isPlainNumeral<S: StringProtocol>(_ text: S) -> Bool {
        var digitsBefore = 0, digitsAfter = 0, seenPoint = false
        for (offset, character) in text.enumerated() {
            switch character {
            case "+", "-":
                if offset != 0 { return false }
            case ".":
                if seenPoint { return false }
                seenPoint = true
            case "0"..."9":
                if seenPoint { digitsAfter += 1 } else { digitsBefore += 1 }
            default:
                return false
            }
        }
        return digitsBefore > 0 && (!seenPoint || digitsAfter > 0)
    }
}

extension StringProtocol {
    /// The text with full-width ASCII forms (`５ｋｇ`, `％`) and the ideographic space
    /// turned into their ASCII equivalents, as Chinese input methods often type them.
    public var halfWidth: String {
        if utf8.allSatisfy({ $0 < 0x80 }) { return String(self) }
        var scalars = String.UnicodeScalarView()
        for scalar in unicodeScalars {
            switch scalar.value {
            case 0xFF01...0xFF5E: scalars.append(Unicode.Scalar(scalar.value - 0xFEE0)!)
            case 0x3000: scalars.append(" ")
            default: scalars.append(scalar)
            }
        }
        return String(scalars)
    }
}

extension String {
    /// The text without leading and trailing white space (spaces, tabs, the
    /// ideographic space, line breaks), without bridging through NSString.
    public var trimmedWhitespace: Substring { trimmingWhitespace(self) }
}

extension Substring {
    /// The text without leading and trailing white space.
    public var trimmedWhitespace: Substring { trimmingWhitespace(self) }
}

private func trimmingWhitespace<Text: StringProtocol>(_ text: Text) -> Text.SubSequence where Text.UTF8View: BidirectionalCollection {
    // Most cells start and end with a visible ASCII character: nothing to trim.
    if let first = text.utf8.first, let last = text.utf8.last, first > 0x20, first < 0x80, last > 0x20, last < 0x80 {
        return text[text.startIndex..<text.endIndex]
    }
    guard let first = text.firstIndex(where: { !$0.isWhitespace }) else { return text[text.endIndex...] }
    let last = text.lastIndex(where: { !$0.isWhitespace })!
    return text[first...last]
}
