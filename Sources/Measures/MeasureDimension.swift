/// What a quantity measures. Two quantities can be compared only when their
/// dimensions are equal: `%`, `%vol` and `°Bx` are deliberately different dimensions.
public enum MeasureDimension: String, CaseIterable, Codable, Sendable {
    case mass
    case volume
    case length
    case percentage
    case alcohol
    case solubleSolids = "soluble_solids"
    case count
    case duration

    /// The unit every value of this dimension is stored in.
    public var canonicalUnit: MeasureUnit {
        switch self {
        case .mass: .kilogram
        case .volume: .litre
        case .length: .metre
        case .percentage: .percent
        case .alcohol: .percentByVolume
        case .solubleSolids: .degreeBrix
        case .count: .piece
        case .duration: .hour
        }
    }

    /// The dimension's name for people, in both languages.
    public var name: LocalizedText {
        switch self {
        case .mass: LocalizedText(zh: "质量", en: "mass")
        case .volume: LocalizedText(zh: "体积", en: "volume")
        case .length: LocalizedText(zh: "长度", en: "length")
        case .percentage: LocalizedText(zh: "百分比", en: "percentage")
        case .alcohol: LocalizedText(zh: "酒精度", en: "alcohol by volume")
        case .solubleSolids: LocalizedText(zh: "可溶性固形物", en: "soluble solids")
        case .count: LocalizedText(zh: "数量", en: "count")
        case .duration: LocalizedText(zh: "时长", en: "duration")
        }
    }
}

extension MeasureDimension {
    /// Units people type for this dimension, for hints: `kg、g、斤` for a mass.
    public var exampleUnits: [String] {
        switch self {
        case .mass: ["kg", "g", "斤"]
        case .volume: ["ml", "L"]
        case .length: ["mm", "cm", "m"]
        case .percentage: ["%"]
        case .alcohol: ["%vol"]
        case .solubleSolids: ["°Bx"]
        case .count: ["个", "只", "pcs"]
        case .duration: ["天", "h", "min"]
        }
    }

    /// Throws unless this is the `expected` dimension (or none is expected).
    /// - Throws: `MeasureError.wrongDimension`.
    public func check(against expected: MeasureDimension?) throws(MeasureError) {
        if let expected, self != expected { throw .wrongDimension(found: self, expected: expected) }
    }
}
