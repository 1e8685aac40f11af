import Foundation
import Measures
import Yams

/// Reads one attribute requirement, checking that each key suits the attribute's type.
struct AttributeRequirementLoader {
    let jinRegion: JinRegion?

    private static let keys = [
        "id", "name", "type", "required", "aliases", "dimension", "display_unit", "min", "max",
        "decimal_places", "max_length", "pattern", "options", "cases",
    ]

    /// The keys that mean something for each type, besides id, name, type and required.
    private static func applicableKeys(_ type: AttributeType) -> [String] {
        switch type {
        case .text: ["max_length", "pattern"]
        case .integer: ["min", "max", "cases"]
        case .decimal: ["min", "max", "decimal_places", "cases"]
        case .quantity: ["dimension", "display_unit", "min", "max", "decimal_places", "cases"]
        case .enumeration: ["options"]
        case .boolean: []
        case .date: ["min", "max"]
        }
    }

    func load(_ value: YAMLValue) -> AttributeRequirement? {
        guard let attribute = value.mapping(allowed: Self.keys) else { return nil }
        let id = attribute.required("id")?.identifier()
        let name = attribute.required("name")?.localized()
        guard let type = attribute.required("type")?.choice(AttributeType.self) else { return nil }

        let notApplicable = Self.keys.dropFirst(5).filter { !Self.applicableKeys(type).contains($0) }
        attribute.reportNotApplicable(Array(notApplicable), because: LocalizedText(
            zh: "类型为 \(type.rawValue) 的属性不使用它", en: "attributes of type \(type.rawValue) do not use it"
        ))

        var dimension: MeasureDimension?
        if type == .quantity {
            dimension = attribute.required("dimension")?.choice(MeasureDimension.self)
        }
        let displayUnit = type == .quantity ? attribute["display_unit"].flatMap { unit($0, dimension: dimension) } : nil
        let bound = { (key: String) in
            Self.applicableKeys(type).contains(key) ? attribute[key].flatMap { self.bound($0, type: type, dimension: dimension) } : nil
        }
        let options = type == .enumeration
            ? attribute.required("options")?.list(option) ?? []
            : []
        let cases = Self.applicableKeys(type).contains("cases")
            ? attribute["cases"]?.list { boundsCase($0, type: type, dimension: dimension) } ?? []
            : []

        guard let id, let name else { return nil }
        return AttributeRequirement(
            id: id, name: name, type: type,
            required: attribute["required"]?.boolean() ?? false,
            aliases: attribute["aliases"]?.list { $0.nonEmptyString()?.trimmed }.flatMap { $0.isEmpty ? nil : $0 },
            dimension: dimension,
            displayUnit: displayUnit,
            min: bound("min"), max: bound("max"),
            decimalPlaces: type == .decimal || type == .quantity ? attribute["decimal_places"]?.integer(in: 0...9) : nil,
            maxLength: type == .text ? attribute["max_length"]?.integer(in: 1...100_000) : nil,
            pattern: type == .text ? attribute["pattern"].flatMap(pattern) : nil,
            options: options,
            cases: cases
        )
    }

    private func bound(_ value: YAMLValue, type: AttributeType, dimension: MeasureDimension?) -> AttributeBound? {
        switch type {
        case .integer:
            return value.integer().map { .number(Decimal($0)) }
        case .decimal:
            return value.decimal().map { .number($0) }
        case .quantity:
            return value.quantity(expecting: dimension, jinRegion: jinRegion).map { .quantity($0) }
        case .date:
            return value.day().map { .date($0) }
        case .text, .enumeration, .boolean:
            return nil
        }
    }

    private func unit(_ value: YAMLValue, dimension: MeasureDimension?) -> MeasureUnit? {
        guard let text = value.string() else { return nil }
        do throws(MeasureError) {
            let unit = try MeasureUnit(parsing: text, jinRegion: jinRegion)
            try unit.dimension.check(against: dimension)
            return unit
        } catch {
            value.report(LintRule(error), error.message)
            return nil
        }
    }

    private func pattern(_ value: YAMLValue) -> String? {
        guard let text = value.string() else { return nil }
        do {
            _ = try NSRegularExpression(pattern: text)
            return text
        } catch {
            value.report(.patternInvalid, LocalizedText(
                zh: "正则表达式“\(text)”无法编译", en: "the regular expression “\(text)” does not compile"
            ))
            return nil
        }
    }

    private func option(_ value: YAMLValue) -> EnumOption? {
        guard let option = value.mapping(allowed: ["id", "name"]) else { return nil }
        let id = option.required("id")?.identifier()
        let name = option.required("name")?.localized()
        guard let id, let name else { return nil }
        return EnumOption(id: id, name: name)
    }

    private func boundsCase(_ value: YAMLValue, type: AttributeType, dimension: MeasureDimension?) -> BoundsCase? {
        guard let entry = value.mapping(allowed: ["when", "min", "max"]) else { return nil }
        var conditions: [String: String] = [:]
        if let whenValue = entry.required("when") {
            if case Node.mapping(let mapping) = whenValue.node {
                for (key, condition) in mapping {
                    let child = YAMLValue(node: condition, pointer: whenValue.pointer + "/" + (key.string ?? ""), collector: whenValue.collector)
                    if let attribute = key.string, let option = child.identifier() { conditions[attribute] = option }
                }
            } else {
                _ = whenValue.mapping(allowed: [])
            }
        }
        return BoundsCase(
            when: conditions,
            min: entry["min"].flatMap { bound($0, type: type, dimension: dimension) },
            max: entry["max"].flatMap { bound($0, type: type, dimension: dimension) }
        )
    }
}
