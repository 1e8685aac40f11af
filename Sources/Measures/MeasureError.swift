import Foundation

/// Why a text could not be read as a quantity. Each case has a stable code.
public enum MeasureError: Error, Equatable, Sendable {
    /// Nothing was typed.
    case empty
    /// The text does not start with a number.
    case notANumber(String)
    /// The number has no unit after it.
    case missingUnit(String)
    /// A decimal comma (`5,0kg`) where Terroir reads a decimal point.
    case decimalComma(String)
    /// The unit is not one Terroir knows.
    case unknownUnit(String)
    /// 斤 or 两 without a region to say which one is meant.
    case ambiguousUnit(String)
    /// A value of one dimension where another was expected.
    case wrongDimension(found: MeasureDimension, expected: MeasureDimension)

    /// The stable machine code of the error.
    public var code: String {
        switch self {
        case .empty: "quantity.empty"
        case .notANumber: "quantity.not_a_number"
        case .missingUnit: "unit.missing"
        case .decimalComma: "quantity.decimal_comma"
        case .unknownUnit: "unit.unknown"
        case .ambiguousUnit: "unit.ambiguous"
        case .wrongDimension: "unit.dimension"
        }
    }

    /// What went wrong, in both languages.
    public var message: LocalizedText {
        switch self {
        case .empty:
            LocalizedText(zh: "数量为空", en: "the quantity is empty")
        case .notANumber(let text):
            LocalizedText(zh: "“\(text)”不是以数字开头的数量，例如 5kg", en: "“\(text)” does not start with a number; expected something like 5kg")
        case .missingUnit(let text):
            LocalizedText(zh: "“\(text)”缺少单位，例如 kg、斤、ml", en: "“\(text)” has no unit; expected one such as kg, 斤 or ml")
        case .decimalComma(let text):
            LocalizedText(zh: "“\(text)”用逗号作小数点；请写成“\(text.replacingOccurrences(of: ",", with: "."))”",
                          en: "“\(text)” uses a decimal comma; write “\(text.replacingOccurrences(of: ",", with: "."))”")
        case .unknownUnit(let unit):
            LocalizedText(zh: "不认识的单位“\(unit)”", en: "unknown unit “\(unit)”")
        case .ambiguousUnit(let unit):
            LocalizedText(
                zh: "单位“\(unit)”在不同地区含义不同，请写明：市斤（500 克）、台斤（600 克）或改用 kg",
                en: "the unit “\(unit)” differs by region; write 市斤 (500 g), 台斤 (600 g) or use kg"
            )
        case .wrongDimension(let found, let expected):
            LocalizedText(
                zh: "应为\(expected.name.zh)单位，实际是\(found.name.zh)单位",
                en: "expected a unit of \(expected.name.en), found one of \(found.name.en)"
            )
        }
    }

    /// What went wrong, for a value that must be of `dimension`: a missing unit is
    /// hinted with that dimension's units (`%` for a moisture, not kg).
    public func message(expecting dimension: MeasureDimension?) -> LocalizedText {
        guard case .missingUnit(let text) = self, let dimension else { return message }
        let units = dimension.exampleUnits
        return LocalizedText(zh: "“\(text)”缺少单位：应为\(dimension.name.zh)单位，例如 \(units.joined(separator: "、"))",
                             en: "“\(text)” has no unit; expected a unit of \(dimension.name.en) such as \(units.joined(separator: " or "))")
    }
}

extension MeasureError: CustomStringConvertible {
    public var description: String { message.en }
}
