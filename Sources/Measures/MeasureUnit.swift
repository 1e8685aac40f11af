import Foundation

/// A unit of measure: its dimension, how many canonical units one of it is, and its
/// symbol in each language. 斤 and 两 exist once per `JinRegion`. Units are a fixed
/// vocabulary: each is defined once and shared, so that copying a unit (with every
/// quantity and bound) retains one object rather than each of its texts.
public struct MeasureUnit: Hashable, Sendable {
    private let definition: Definition

    private final class Definition: Sendable {
        let id: String
        let dimension: MeasureDimension
        let factor: Decimal
        let divisor: Decimal
        let symbol: LocalizedText
        let isAttached: Bool
        let isCanonical: Bool

        init(id: String, dimension: MeasureDimension, factor: Decimal, divisor: Decimal = 1, symbol: LocalizedText, isAttached: Bool) {
            self.id = id
            self.dimension = dimension
            self.factor = factor
            self.divisor = divisor
            self.symbol = symbol
            self.isAttached = isAttached
            isCanonical = factor == 1 && divisor == 1
        }
    }

    /// A stable identifier, such as `kg` or `jin.mainland`.
    public var id: String { definition.id }
    /// What the unit measures.
    public var dimension: MeasureDimension { definition.dimension }
    /// How many of the dimension's canonical unit one of this unit is, as the exact
    /// ratio `factor / divisor`: a minute is 1/60 hour, which no decimal writes out.
    public var factor: Decimal { definition.factor }
    /// The denominator of the unit's ratio to the canonical unit (1 for most units).
    public var divisor: Decimal { definition.divisor }
    /// The symbol printed after a number, per language.
    public var symbol: LocalizedText { definition.symbol }
    /// Whether the symbol follows the number without a space (`52%vol`, `13.5°Bx`).
    public var isAttached: Bool { definition.isAttached }
    /// Whether one of it is one canonical unit (`factor` is 1), known without
    /// comparing decimals.
    public var isCanonical: Bool { definition.isCanonical }

    /// Units are the same when their ids are: each id is defined once.
    public static func == (lhs: MeasureUnit, rhs: MeasureUnit) -> Bool {
        lhs.definition === rhs.definition || lhs.id == rhs.id
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(id)
    }

    /// - Parameter factor: how many canonical units one of this unit is, a decimal or
    ///   a ratio of two (`1/60`).
    init(_ id: String, _ dimension: MeasureDimension, _ factor: String, en: String, zh: String? = nil, attached: Bool = false) {
        let posix = Locale(identifier: "en_US_POSIX")
        let ratio = factor.split(separator: "/").map { Decimal(string: String($0), locale: posix)! }
        definition = Definition(
            id: id, dimension: dimension, factor: ratio[0], divisor: ratio.count > 1 ? ratio[1] : 1,
            symbol: LocalizedText(zh: zh ?? en, en: en), isAttached: attached
        )
    }

    private init(jinOf region: JinRegion, liang: Bool) {
        let zhPrefix = switch region {
        case .mainland: "市"
        case .taiwan: "台"
        case .hongKong: "港"
        }
        definition = Definition(
            id: (liang ? "liang." : "jin.") + region.rawValue, dimension: .mass,
            factor: liang ? region.liangInKilograms : region.jinInKilograms,
            symbol: LocalizedText(
                zh: zhPrefix + (liang ? "两" : "斤"),
                en: (liang ? "liang" : "jin") + " (\(region.rawValue.replacingOccurrences(of: "_", with: " ")))"
            ),
            isAttached: false
        )
    }

    public static let milligram = MeasureUnit("mg", .mass, "0.000001", en: "mg", zh: "毫克")
    public static let gram = MeasureUnit("g", .mass, "0.001", en: "g", zh: "克")
    public static let kilogram = MeasureUnit("kg", .mass, "1", en: "kg", zh: "公斤")
    public static let tonne = MeasureUnit("t", .mass, "1000", en: "t", zh: "吨")
    public static let millilitre = MeasureUnit("ml", .volume, "0.001", en: "ml", zh: "毫升")
    public static let litre = MeasureUnit("l", .volume, "1", en: "L", zh: "升")
    public static let millimetre = MeasureUnit("mm", .length, "0.001", en: "mm", zh: "毫米")
    public static let centimetre = MeasureUnit("cm", .length, "0.01", en: "cm", zh: "厘米")
    public static let metre = MeasureUnit("m", .length, "1", en: "m", zh: "米")
    public static let percent = MeasureUnit("percent", .percentage, "1", en: "%", attached: true)
    public static let percentByVolume = MeasureUnit("percent_vol", .alcohol, "1", en: "%vol", attached: true)
    public static let degreeBrix = MeasureUnit("brix", .solubleSolids, "1", en: "°Bx", attached: true)
    public static let piece = MeasureUnit("pcs", .count, "1", en: "pcs", zh: "个")
    // Durations are kept in hours, the canonical unit, so their factors are in hours.
    public static let second = MeasureUnit("s", .duration, "1/3600", en: "s", zh: "秒")
    public static let minute = MeasureUnit("min", .duration, "1/60", en: "min", zh: "分钟")
    public static let hour = MeasureUnit("h", .duration, "1", en: "h", zh: "小时")
    public static let day = MeasureUnit("d", .duration, "24", en: "days", zh: "天")

    private static let jinUnits = Dictionary(uniqueKeysWithValues: JinRegion.allCases.map { ($0, MeasureUnit(jinOf: $0, liang: false)) })
    private static let liangUnits = Dictionary(uniqueKeysWithValues: JinRegion.allCases.map { ($0, MeasureUnit(jinOf: $0, liang: true)) })

    /// 斤 of a region.
    public static func jin(_ region: JinRegion) -> MeasureUnit { jinUnits[region]! }
    /// 两 of a region.
    public static func liang(_ region: JinRegion) -> MeasureUnit { liangUnits[region]! }

    /// Reads a unit as people type it (`kg`, `公斤`, `斤`, `%vol`, `°Bx`).
    /// - Parameter jinRegion: which 斤 and 两 a bare `斤` or `两` means; `nil` refuses them.
    /// - Throws: `MeasureError.unknownUnit` or `.ambiguousUnit`.
    public init(parsing text: String, jinRegion: JinRegion? = .mainland) throws(MeasureError) {
        let typed = text.halfWidth.trimmed
        switch UnitVocabulary.entry(for: typed) {
        case .unit(let unit)?:
            self = unit
        case .jin?:
            guard let jinRegion else { throw .ambiguousUnit(typed) }
            self = .jin(jinRegion)
        case .liang?:
            guard let jinRegion else { throw .ambiguousUnit(typed) }
            self = .liang(jinRegion)
        case nil:
            throw .unknownUnit(typed)
        }
    }

    /// Every unit, for look-ups by id.
    public static let all: [MeasureUnit] = [
        .milligram, .gram, .kilogram, .tonne, .millilitre, .litre, .millimetre, .centimetre, .metre,
        .percent, .percentByVolume, .degreeBrix, .piece, .second, .minute, .hour, .day,
    ] + JinRegion.allCases.flatMap { [jin($0), liang($0)] }

    /// The unit with this id, if any.
    public static func withID(_ id: String) -> MeasureUnit? { byID[id] }

    private static let byID = Dictionary(uniqueKeysWithValues: all.map { ($0.id, $0) })
}

extension MeasureUnit: Codable {
    public init(from decoder: any Decoder) throws {
        let id = try decoder.singleValueContainer().decode(String.self)
        guard let unit = MeasureUnit.withID(id) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "unknown unit id \(id)"))
        }
        self = unit
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(id)
    }
}
