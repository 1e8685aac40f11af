import Foundation

extension Decimal {
    private static let posix = Locale(identifier: "en_US_POSIX")

    /// Reads a plain decimal numeral (`12`, `-0.5`, `13.50`), nothing else: no
    /// exponent, no grouping, no trailing text. Full-width digits are accepted.
    public init?(exactText text: String) {
        let normalized = text.halfWidth.trimmingCharacters(in: .whitespaces)
        guard Self.isPlainNumeral(normalized), let value = Decimal(string: normalized, locale: Self.posix) else {
            return nil
        }
        self = value
    }

    /// The value written without exponent or trailing zeros: `5`, `0.5`, `604.78982`.
    public var plainText: String {
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
