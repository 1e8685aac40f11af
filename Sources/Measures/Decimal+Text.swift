import Foundation

extension Decimal {
    private static let posix = Locale(identifier: "en_US_POSIX")

    /// Reads a plain decimal numeral (`12`, `-0.5`, `13.50`), nothing else: no
    /// exponent, no grouping, no trailing text. Full-width digits are accepted.
    public init?(exactText text: String) {
        let normalized = text.halfWidth.trimmedWhitespace
        guard let (value, length) = Self.scanNumeral(normalized.utf8), length == normalized.utf8.count else { return nil }
        self = value
    }

    /// Reads the plain numeral at the start of `bytes` (sign, digits, optionally a point
    /// and more digits), as far as the run of `0-9 . + -` goes.
    /// - Returns: the value and how many bytes the run took; `nil` when the run is not
    ///   one well-formed numeral (`5..0`, `5-10`, `.5`, empty).
    static func scanNumeral<Bytes: Collection>(_ bytes: Bytes) -> (Decimal, Int)? where Bytes.Element == UInt8 {
        var significand: UInt64 = 0, digits = 0, places = 0, length = 0
        var seenPoint = false, negative = false, digitsAfterPoint = 0
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                significand = significand &* 10 &+ UInt64(byte - UInt8(ascii: "0"))
                digits += 1
                if seenPoint { places += 1; digitsAfterPoint += 1 }
            case UInt8(ascii: "+"), UInt8(ascii: "-"):
                guard length == 0 else { return nil }
                negative = byte == UInt8(ascii: "-")
            case UInt8(ascii: "."):
                guard !seenPoint, digits > 0 else { return nil }
                seenPoint = true
            default:
                break
            }
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".") else {
                break
            }
            length += 1
        }
        guard digits > 0, !seenPoint || digitsAfterPoint > 0 else { return nil }
        if digits <= 18 {
            return (Decimal(sign: negative ? .minus : .plus, exponent: -places, significand: Decimal(significand)), length)
        }
        let text = String(decoding: bytes.prefix(length), as: UTF8.self)
        return Decimal(string: text, locale: posix).map { ($0, length) }
    }

    /// The value written without exponent or trailing zeros: `5`, `0.5`, `604.78982`.
    public var plainText: String {
        // Values read from text or multiplied by a unit factor have few places; only
        // the results of division need rounding before they are written.
        if exponent >= -12 { return SmallDecimal(self)?.plainText ?? description }
        var copy = self
        var rounded = Decimal()
        NSDecimalRound(&rounded, &copy, 12, .plain)
        return rounded.description
    }

    /// A plain numeral written the way `plainText` writes its value (`+05.50` →
    /// `5.5`, `-0.0` → `0`), without going through a decimal; `nil` when `text` is
    /// not a plain numeral.
    public static func canonicalNumeral(_ text: String) -> String? {
        var bytes = Array(text.utf8)
        guard let (_, length) = scanNumeral(bytes), length == bytes.count else { return nil }
        var negative = false
        if bytes.first == UInt8(ascii: "+") || bytes.first == UInt8(ascii: "-") {
            negative = bytes.removeFirst() == UInt8(ascii: "-")
        }
        if bytes.contains(UInt8(ascii: ".")) {
            while bytes.last == UInt8(ascii: "0") { bytes.removeLast() }
            if bytes.last == UInt8(ascii: ".") { bytes.removeLast() }
        }
        while bytes.count > 1, bytes[0] == UInt8(ascii: "0"), bytes[1] != UInt8(ascii: ".") { bytes.removeFirst() }
        let digits = String(decoding: bytes, as: UTF8.self)
        return negative && digits != "0" ? "-" + digits : digits
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
}

extension String {
    /// The text with full-width ASCII forms (`５ｋｇ`, `％`) and the ideographic space
    /// turned into their ASCII equivalents, as Chinese input methods often type them.
    public var halfWidth: String {
        // Most text has none: ASCII, or Chinese without full-width forms. Full-width forms
        // (U+FF01–FF5E) start EF BC or EF BD; the ideographic space is E3 80 80. Scanned
        // in place (imports read codes of every row through here: 1% of an import's
        // cycles when iterating the view).
        let hasFullWidth = utf8.withContiguousStorageIfAvailable { bytes in
            for byte in bytes where byte == 0xEF || byte == 0xE3 { return true }
            return false
        } ?? utf8.contains { $0 == 0xEF || $0 == 0xE3 }
        if hasFullWidth { return halfWidthConverted }
        return self
    }

    private var halfWidthConverted: String {
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

    /// The text without leading and trailing white space (spaces, tabs, the
    /// ideographic space, line breaks), without bridging through NSString.
    public var trimmedWhitespace: Substring { trimmingWhitespace(self) }

    /// `trimmedWhitespace` as a string: the same string, not a copy, when there is
    /// nothing to trim (as in most cells).
    public var trimmed: String {
        let trimmed = trimmingWhitespace(self)
        return trimmed.startIndex == startIndex && trimmed.endIndex == endIndex ? self : String(trimmed)
    }
}

extension Substring {
    /// The text without leading and trailing white space.
    public var trimmedWhitespace: Substring { trimmingWhitespace(self) }
}

private func trimmingWhitespace<Text: StringProtocol>(_ text: Text) -> Text.SubSequence where Text.UTF8View: BidirectionalCollection {
    // Most cells start and end with a visible character: nothing to trim.
    guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return text[text.startIndex..<text.endIndex] }
    if !first.isSpace && !last.isSpace { return text[text.startIndex..<text.endIndex] }
    guard let start = text.unicodeScalars.firstIndex(where: { !$0.isSpace }) else { return text[text.endIndex...] }
    let end = text.unicodeScalars.lastIndex(where: { !$0.isSpace })!
    return text[start...end]
}

extension Unicode.Scalar {
    /// Whether this is white space: Unicode's White_Space property (spaces, tabs,
    /// line breaks, the no-break and ideographic spaces), whose list is fixed, so
    /// tested without a table lookup.
    public var isSpace: Bool {
        switch value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }
}
