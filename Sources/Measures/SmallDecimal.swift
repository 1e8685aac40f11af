import Foundation

/// A decimal whose significand fits 64 bits, as nearly every number people type
/// does (`12.3`, `5`, `0.5`), compared, multiplied and written with integer
/// arithmetic. Foundation's `Decimal` allocates arrays to compare or multiply, and
/// validating an import does both for every row; each operation here falls back to
/// Foundation for anything larger.
struct SmallDecimal: Equatable {
    var negative: Bool
    var significand: UInt64
    var exponent: Int

    /// The parts of `decimal`; `nil` when its significand needs more than 64 bits,
    /// or when this Foundation does not store decimals as expected (checked once).
    init?(_ decimal: Decimal) {
        guard Self.layoutIsKnown, let parts = Self.read(decimal) else { return nil }
        self = parts
    }

    init(negative: Bool, significand: UInt64, exponent: Int) {
        self.negative = negative
        self.significand = significand
        self.exponent = exponent
    }

    /// Reads NSDecimal's C layout, which `Decimal` keeps: a signed exponent byte;
    /// a byte with the significand's length in 16-bit words (high nibble), the sign
    /// (bit 3) and the compact flag (bit 2); two reserved bytes; then eight 16-bit
    /// words of significand, least significant first.
    private static func read(_ decimal: Decimal) -> SmallDecimal? {
        var copy = decimal
        return withUnsafeBytes(of: &copy) { bytes -> SmallDecimal? in
            guard bytes.count == 20 else { return nil }
            let length = Int(bytes[1] >> 4)
            guard length <= 4 else { return nil }
            var significand: UInt64 = 0
            for word in 0..<length {
                let low = UInt64(bytes[4 + 2 * word]), high = UInt64(bytes[5 + 2 * word])
                significand |= (low | high << 8) << (16 * word)
            }
            return SmallDecimal(negative: bytes[1] & 0x08 != 0, significand: significand, exponent: Int(Int8(bitPattern: bytes[0])))
        }
    }

    /// Whether `read` understands this Foundation's decimals: probed once with
    /// values made through the public API.
    private static let layoutIsKnown: Bool = {
        let probes: [(Decimal, SmallDecimal)] = [
            (Decimal(sign: .minus, exponent: -3, significand: Decimal(0x1234_5678_9ABC as UInt64)),
             SmallDecimal(negative: true, significand: 0x1234_5678_9ABC, exponent: -3)),
            (Decimal(sign: .plus, exponent: 2, significand: Decimal(7 as UInt64)), SmallDecimal(negative: false, significand: 7, exponent: 2)),
            (Decimal.zero, SmallDecimal(negative: false, significand: 0, exponent: 0)),
        ]
        return probes.allSatisfy { read($0.0) == $0.1 }
    }()

    /// The same value as a Foundation decimal.
    var decimal: Decimal {
        Decimal(sign: negative ? .minus : .plus, exponent: exponent, significand: Decimal(significand))
    }

    private static let powersOfTen: [UInt64] = (0...19).map { (0..<$0).reduce(UInt64(1)) { value, _ in value * 10 } }

    /// Orders two values exactly.
    static func compare(_ a: SmallDecimal, _ b: SmallDecimal) -> ComparisonResult {
        let signA = a.significand == 0 ? 0 : (a.negative ? -1 : 1)
        let signB = b.significand == 0 ? 0 : (b.negative ? -1 : 1)
        if signA != signB { return signA < signB ? .orderedAscending : .orderedDescending }
        if signA == 0 { return .orderedSame }
        let magnitude = compareMagnitudes(a, b)
        return signA < 0 ? reversed(magnitude) : magnitude
    }

    private static func reversed(_ order: ComparisonResult) -> ComparisonResult {
        switch order {
        case .orderedAscending: .orderedDescending
        case .orderedDescending: .orderedAscending
        case .orderedSame: .orderedSame
        }
    }

    /// Orders two non-zero magnitudes: the one with the larger exponent is scaled to
    /// the other's; when that overflows 64 bits, it is the larger.
    private static func compareMagnitudes(_ a: SmallDecimal, _ b: SmallDecimal) -> ComparisonResult {
        if a.exponent < b.exponent { return reversed(compareMagnitudes(b, a)) }
        let shift = a.exponent - b.exponent
        guard shift < powersOfTen.count else { return .orderedDescending }
        let (scaled, overflow) = a.significand.multipliedReportingOverflow(by: powersOfTen[shift])
        if overflow || scaled > b.significand { return .orderedDescending }
        return scaled < b.significand ? .orderedAscending : .orderedSame
    }

    /// The exact product; `nil` when its significand would not fit 64 bits.
    static func product(_ a: SmallDecimal, _ b: SmallDecimal) -> SmallDecimal? {
        let (significand, overflow) = a.significand.multipliedReportingOverflow(by: b.significand)
        guard !overflow else { return nil }
        guard significand != 0 else { return SmallDecimal(negative: false, significand: 0, exponent: 0) }
        return SmallDecimal(negative: a.negative != b.negative, significand: significand, exponent: a.exponent + b.exponent)
    }

    /// The value as a plain numeral, as Foundation writes a decimal: no exponent,
    /// no trailing zeros after the point (`5000`, `0.05`, `-12.3`).
    var plainText: String {
        var significand = significand, exponent = exponent
        guard significand != 0 else { return "0" }
        while exponent < 0, significand % 10 == 0 {
            significand /= 10
            exponent += 1
        }
        var digits = String(significand)
        if exponent > 0 {
            digits += String(repeating: "0", count: exponent)
        } else if exponent < 0 {
            let places = -exponent
            if digits.utf8.count <= places { digits = String(repeating: "0", count: places - digits.utf8.count + 1) + digits }
            digits.insert(".", at: digits.index(digits.endIndex, offsetBy: -places))
        }
        return negative ? "-" + digits : digits
    }
}

extension Decimal {
    /// Orders two decimals exactly, in integers when both significands fit 64 bits.
    public static func order(_ a: Decimal, _ b: Decimal) -> ComparisonResult {
        if let small = SmallDecimal(a), let other = SmallDecimal(b) { return SmallDecimal.compare(small, other) }
        return a < b ? .orderedAscending : (a > b ? .orderedDescending : .orderedSame)
    }

    /// The exact product, in integers when it fits 64 bits.
    public static func product(_ a: Decimal, _ b: Decimal) -> Decimal {
        if let small = SmallDecimal(a), let other = SmallDecimal(b), let product = SmallDecimal.product(small, other) { return product.decimal }
        return a * b
    }
}
