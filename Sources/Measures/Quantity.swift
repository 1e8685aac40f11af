import Foundation

/// An amount in a unit, exact in decimal: `10 斤` stays `10 斤` and is also 5 kg.
public struct Quantity: Hashable, Sendable {
    /// The number as entered.
    public let value: Decimal
    /// The unit as entered (with its region for 斤 and 两).
    public let unit: MeasureUnit

    /// The value in the dimension's canonical unit (kg, L, m, h, ...), exact where a
    /// decimal can write it (a third of an hour is rounded to 12 places); worked out
    /// once, since validation compares it against bounds again and again.
    public let canonicalValue: Decimal

    /// Creates a quantity.
    public init(_ value: Decimal, _ unit: MeasureUnit) {
        self.value = value
        self.unit = unit
        self.canonicalValue = unit.isCanonical ? value : Self.scaled(value, by: unit.factor, over: unit.divisor)
    }

    /// `value × factor / divisor`, rounded to 12 places only when it does not end.
    private static func scaled(_ value: Decimal, by factor: Decimal, over divisor: Decimal) -> Decimal {
        let product = Decimal.product(value, factor)
        return divisor == 1 ? product : (product / divisor).rounded(places: 12)
    }

    /// What the quantity measures.
    public var dimension: MeasureDimension { unit.dimension }

    /// The same amount in the dimension's canonical unit.
    public var canonical: Quantity { Quantity(canonicalValue, dimension.canonicalUnit) }

    /// The same amount in another unit of the same dimension.
    /// - Throws: `MeasureError.wrongDimension` when the dimensions differ.
    public func converted(to target: MeasureUnit) throws(MeasureError) -> Quantity {
        guard target.dimension == dimension else {
            throw .wrongDimension(found: dimension, expected: target.dimension)
        }
        // From the value as entered, by the exact ratio of the two units, so that a
        // rounded canonical value (a third of an hour) does not round twice.
        let ratio = Decimal.product(unit.factor, target.divisor), over = Decimal.product(unit.divisor, target.factor)
        return Quantity(Self.scaled(value, by: ratio, over: over), target)
    }

    /// Compares amounts of one dimension. Quantities of different dimensions are not
    /// comparable: the result is `nil`.
    public func compare(to other: Quantity) -> ComparisonResult? {
        guard dimension == other.dimension else { return nil }
        return Decimal.order(canonicalValue, other.canonicalValue)
    }
}

extension Quantity: CustomStringConvertible {
    public var description: String { formatted(.en) }
}

extension Quantity: Codable {
    enum CodingKeys: String, CodingKey {
        case value, unit, canonicalValue = "canonical_value", canonicalUnit = "canonical_unit"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let text = try container.decode(String.self, forKey: .value)
        guard let number = Decimal(exactText: text) else {
            throw DecodingError.dataCorruptedError(forKey: .value, in: container, debugDescription: "not a decimal: \(text)")
        }
        self.init(number, try container.decode(MeasureUnit.self, forKey: .unit))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(value.plainText, forKey: .value)
        try container.encode(unit, forKey: .unit)
        try container.encode(canonicalValue.plainText, forKey: .canonicalValue)
        try container.encode(dimension.canonicalUnit, forKey: .canonicalUnit)
    }
}

extension Quantity {
    /// The amount in the legal units of measurement GB 7718 asks prepackaged food to
    /// be labelled in: g below 1 kg, else kg; mL below 1 L, else L. `nil` for other
    /// dimensions, which have no such rule.
    public var legalUnitText: String? {
        let (small, large, smallSymbol, largeSymbol): (MeasureUnit, MeasureUnit, String, String)
        switch dimension {
        case .mass: (small, large, smallSymbol, largeSymbol) = (.gram, .kilogram, "g", "kg")
        case .volume: (small, large, smallSymbol, largeSymbol) = (.millilitre, .litre, "mL", "L")
        default: return nil
        }
        let inLarge = canonicalValue < 1
        guard let converted = try? converted(to: inLarge ? small : large) else { return nil }
        return "\(converted.value.rounded(places: 3).plainText) \(inLarge ? smallSymbol : largeSymbol)"
    }
}
