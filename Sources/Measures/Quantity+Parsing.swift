import Foundation

extension Quantity {
    /// Reads a quantity as people type it: `5kg`, `5 kg`, `10斤`, `1.5 L`, `750ml`,
    /// `52%vol`, `13.5 °Bx`, full-width forms included.
    ///
    /// - Parameters:
    ///   - text: what was typed.
    ///   - jinRegion: which 斤 and 两 a bare `斤` or `两` means; `nil` when the context
    ///     cannot say, in which case those units are refused as ambiguous. `市斤` and
    ///     `台斤` are always understood.
    /// - Throws: `MeasureError` saying what is wrong with the text.
    public init(parsing text: String, jinRegion: JinRegion? = .mainland) throws(MeasureError) {
        let normalized = text.halfWidth.trimmedWhitespace
        guard !normalized.isEmpty else { throw .empty }
        let bytes = normalized.utf8
        guard let (number, length) = Decimal.scanNumeral(bytes) else { throw .notANumber(text) }
        let unitBytes = bytes.dropFirst(length).drop { $0 == 0x20 || $0 == 0x09 }
        guard !unitBytes.isEmpty else { throw .missingUnit(text) }
        // `5,0kg`: a decimal comma, as many spreadsheets write one.
        if unitBytes.first == UInt8(ascii: ","), let next = unitBytes.dropFirst().first, next >= 0x30, next <= 0x39 { throw .decimalComma(text) }
        // No unit spelling has a digit: `1e3 kg` or `5 kg 200 g` is a malformed number.
        guard !unitBytes.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) else { throw .notANumber(text) }
        let unitText = String(decoding: unitBytes, as: UTF8.self)

        self.init(number, try MeasureUnit(parsing: unitText, jinRegion: jinRegion))
    }

    /// Reads a quantity that must be of one dimension.
    /// - Throws: `MeasureError.wrongDimension` for a well-formed quantity of another
    ///   dimension, or any error of `init(parsing:jinRegion:)`.
    public init(parsing text: String, expecting dimension: MeasureDimension, jinRegion: JinRegion? = .mainland) throws(MeasureError) {
        try self.init(parsing: text, jinRegion: jinRegion)
        try self.dimension.check(against: dimension)
    }

    /// The quantity as a person reads it: `5 kg`, `10 市斤`, `52%vol`.
    public func formatted(_ language: Language) -> String {
        let symbol = unit.symbol[language]
        return value.plainText + (unit.isAttached ? "" : " ") + symbol
    }
}
