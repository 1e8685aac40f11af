import BrandStandards
import Foundation
import Measures

/// A category's attribute requirements, prepared once per validator and held by
/// reference, so that validating a row copies none of them.
final class CategoryRules {
    let category: ProductCategory
    let rules: [AttributeRule]
    let known: Set<String>
    /// Whether some attribute has bounds that depend on other attributes' options.
    let hasCases: Bool

    init(_ category: ProductCategory, firstRuleIndex: Int) {
        self.category = category
        rules = category.attributes.enumerated().map { AttributeRule($1, index: firstRuleIndex + $0) }
        known = Set(category.attributes.map(\.id))
        hasCases = category.attributes.contains { !$0.cases.isEmpty }
    }
}

/// One attribute requirement with its pattern compiled.
final class AttributeRule {
    let requirement: AttributeRequirement
    let pattern: NSRegularExpression?
    /// The rule's place among all its standard's rules (for `AttributeMemo`).
    let index: Int
    /// Whether reading a value costs more than remembering it: quantities, numbers
    /// with places, options and patterned text, not plain text or whole numbers.
    let isWorthRemembering: Bool

    init(_ requirement: AttributeRequirement, index: Int) {
        self.requirement = requirement
        pattern = requirement.pattern.flatMap { try? NSRegularExpression(pattern: $0) }
        self.index = index
        isWorthRemembering = switch requirement.type {
        case .quantity, .decimal, .enumeration: true
        case .text: pattern != nil
        case .integer, .boolean, .date: false
        }
    }
}

/// Attribute texts one thread has already read cleanly, with what they read as.
/// Product files repeat a few net contents, grades and varieties over thousands of
/// rows, and reading a value (a quantity above all) is the dearest part of
/// validating a row. What a text reads as depends only on the text and its rule, so
/// a remembered value is exactly what reading again would give. At most `limit`
/// texts a rule, so memory does not grow with the file.
public final class AttributeMemo {
    private var values: [[String: AttributeValue.Value]] = []
    private let limit: Int

    /// A memo for one thread's use.
    public init(limit: Int = 4096) {
        self.limit = limit
    }

    func value(of text: String, rule: Int) -> AttributeValue.Value? {
        rule < values.count ? values[rule][text] : nil
    }

    func remember(_ value: AttributeValue.Value, of text: String, rule: Int) {
        if rule >= values.count { values += Array(repeating: [:], count: rule + 1 - values.count) }
        guard values[rule].count < limit else { return }
        values[rule][text] = value
    }
}

/// Reads a product's attribute texts as its category's requirements say, checking
/// types, units, bounds (with their cases), options, patterns and lengths.
struct AttributeReader {
    let standard: BrandStandard
    private let categories: [String: CategoryRules]

    init(standard: BrandStandard) {
        self.standard = standard
        var firstRuleIndex = 0
        var categories: [String: CategoryRules] = [:]
        for category in standard.categories where categories[category.id] == nil {
            categories[category.id] = CategoryRules(category, firstRuleIndex: firstRuleIndex)
            firstRuleIndex += category.attributes.count
        }
        self.categories = categories
    }

    /// The prepared rules of the category with this id.
    func rules(for categoryID: String) -> CategoryRules? {
        categories[categoryID]
    }

    func read(_ input: ProductInput, category: CategoryRules, memo: AttributeMemo?, into findings: inout FindingList) -> [AttributeValue] {
        var values: [AttributeValue] = []
        values.reserveCapacity(category.rules.count)
        var given = 0
        for rule in category.rules {
            let text = input.attributes[rule.requirement.id]
            if text != nil { given += 1 }
            let entered = text?.trimmed ?? ""
            guard !entered.isEmpty else {
                if rule.requirement.required {
                    let name = rule.requirement.name
                    findings.error("attribute.missing", rule.requirement.id, expected: expectation(rule.requirement),
                                   zh: "缺少必填属性“\(name.zh)”（\(rule.requirement.id)）",
                                   en: "required attribute “\(name.en)” (\(rule.requirement.id)) is missing")
                }
                continue
            }
            let memo = rule.isWorthRemembering ? memo : nil
            if let value = memo?.value(of: entered, rule: rule.index) ?? read(entered, rule, memo: memo, into: &findings) {
                values.append(AttributeValue(id: rule.requirement.id, entered: entered, value: value))
            }
        }
        checkBounds(values, category: category, into: &findings)
        // Every attribute given is the category's when each was looked up above.
        guard given < input.attributes.count else { return values }
        let known = category.known
        guard input.attributes.contains(where: { !known.contains($0.key) && !$0.value.trimmedWhitespace.isEmpty }) else { return values }
        for (id, text) in input.attributes.sorted(by: { $0.key < $1.key })
        where !known.contains(id) && !text.trimmedWhitespace.isEmpty {
            findings.error("attribute.unknown", id, expected: known.sorted().joined(separator: ", "), found: id,
                           zh: "品类“\(category.category.id)”没有属性“\(id)”", en: "category “\(category.category.id)” has no attribute “\(id)”")
        }
        return values
    }

    /// Reads a value, and remembers it when reading it found nothing to say.
    private func read(_ entered: String, _ rule: AttributeRule, memo: AttributeMemo?, into findings: inout FindingList) -> AttributeValue.Value? {
        let said = findings.items.count
        let value = readValue(entered, rule, into: &findings)
        if let value, let memo, findings.items.count == said { memo.remember(value, of: entered, rule: rule.index) }
        return value
    }

    private func expectation(_ requirement: AttributeRequirement) -> String {
        switch requirement.type {
        case .quantity: "a quantity of \(requirement.dimension?.name.en ?? "some dimension")"
        case .enumeration: requirement.options.map(\.id).joined(separator: ", ")
        default: requirement.type.rawValue
        }
    }

    private func typeError(_ requirement: AttributeRequirement, _ entered: String, _ expectedZh: String, _ expectedEn: String,
                           into findings: inout FindingList) {
        findings.error("attribute.type", requirement.id, expected: expectedEn, found: entered,
                       zh: "“\(requirement.name.zh)”应为\(expectedZh)，实际是“\(entered)”",
                       en: "“\(requirement.name.en)” must be \(expectedEn), found “\(entered)”")
    }

    private func readValue(_ entered: String, _ rule: AttributeRule, into findings: inout FindingList) -> AttributeValue.Value? {
        let requirement = rule.requirement
        switch requirement.type {
        case .text:
            if let maxLength = requirement.maxLength, entered.count > maxLength {
                findings.error("attribute.too_long", requirement.id, expected: "at most \(maxLength) characters", found: "\(entered.count) characters",
                               zh: "“\(requirement.name.zh)”最多 \(maxLength) 个字符，实际 \(entered.count) 个",
                               en: "“\(requirement.name.en)” takes at most \(maxLength) characters, found \(entered.count)")
            }
            if let regex = rule.pattern {
                let range = NSRange(entered.startIndex..., in: entered)
                let match = regex.firstMatch(in: entered, options: [.anchored], range: range)
                if match?.range != range {
                    findings.error("attribute.pattern", requirement.id, expected: requirement.pattern, found: entered,
                                   zh: "“\(requirement.name.zh)”的格式不符合 \(requirement.pattern ?? "")",
                                   en: "“\(requirement.name.en)” does not match the pattern \(requirement.pattern ?? "")")
                }
            }
            return .text(entered)
        case .integer:
            guard let number = Int(entered.halfWidth) else {
                typeError(requirement, entered, "整数", "a whole number", into: &findings)
                return nil
            }
            return .integer(number)
        case .decimal:
            guard let number = Decimal(exactText: entered) else {
                typeError(requirement, entered, "数字", "a number", into: &findings)
                return nil
            }
            checkPlaces(number, requirement, entered, into: &findings)
            return .decimal(number)
        case .quantity:
            return readQuantity(entered, requirement, into: &findings)
        case .enumeration:
            let normalized = entered.halfWidth
            guard let option = requirement.options.first(where: { $0.id == normalized })
                ?? requirement.options.first(where: { $0.name.zh == normalized || $0.name.en.caseInsensitiveCompare(normalized) == .orderedSame })
            else {
                let allowed = requirement.options.map { "\($0.id) (\($0.name.zh))" }.joined(separator: ", ")
                findings.error("attribute.not_allowed", requirement.id, expected: requirement.options.map(\.id).joined(separator: ", "), found: entered,
                               zh: "“\(requirement.name.zh)”不允许“\(entered)”，可选：\(allowed)",
                               en: "“\(requirement.name.en)” does not allow “\(entered)”; one of: \(allowed)")
                return nil
            }
            return .option(option.id)
        case .boolean:
            switch entered.lowercased() {
            case "true", "yes", "y", "1", "是": return .boolean(true)
            case "false", "no", "n", "0", "否": return .boolean(false)
            default:
                typeError(requirement, entered, "是或否（true/false）", "true or false", into: &findings)
                return nil
            }
        case .date:
            guard let day = SpreadsheetValues.day(entered) else {
                typeError(requirement, entered, "日期，如 2026-10-15、2026/10/15 或 2026年10月15日",
                          "a date such as 2026-10-15, 2026/10/15 or 2026年10月15日", into: &findings)
                return nil
            }
            return .date(day)
        }
    }

    private func readQuantity(_ entered: String, _ requirement: AttributeRequirement, into findings: inout FindingList) -> AttributeValue.Value? {
        do throws(MeasureError) {
            let quantity = try Quantity(parsing: entered, jinRegion: standard.jinRegion)
            try quantity.dimension.check(against: requirement.dimension)
            checkPlaces(quantity.value, requirement, entered, into: &findings)
            return .quantity(quantity)
        } catch {
            let code = switch error {
            case .wrongDimension: "unit.dimension"
            case .ambiguousUnit: "unit.ambiguous"
            case .unknownUnit: "unit.unknown"
            case .missingUnit: "unit.missing"
            case .empty, .notANumber, .decimalComma: "attribute.type"
            }
            let message = error.message(expecting: requirement.dimension)
            findings.error(code, requirement.id, expected: expectation(requirement), found: entered,
                           zh: "“\(requirement.name.zh)”：\(message.zh)", en: "“\(requirement.name.en)”: \(message.en)")
            return nil
        }
    }

    private func checkPlaces(_ number: Decimal, _ requirement: AttributeRequirement, _ entered: String, into findings: inout FindingList) {
        guard let places = requirement.decimalPlaces, number.decimalPlaces > places else { return }
        findings.error("attribute.decimal_places", requirement.id, expected: "at most \(places) decimal places", found: entered,
                       zh: "“\(requirement.name.zh)”最多 \(places) 位小数，实际“\(entered)”",
                       en: "“\(requirement.name.en)” takes at most \(places) decimal places, found “\(entered)”")
    }

    /// Checks each value against its bounds: the first case whose conditions all hold
    /// replaces the attribute's own bounds. `values` are in the category's order.
    private func checkBounds(_ values: [AttributeValue], category: CategoryRules, into findings: inout FindingList) {
        var options: [String: String] = [:]
        if category.hasCases {
            for value in values { if case .option(let id) = value.value { options[value.id] = id } }
        }
        var next = values.startIndex
        for rule in category.rules where next < values.endIndex && values[next].id == rule.requirement.id {
            let value = values[next]
            next += 1
            // Through the rule, not a copy of its requirement: this runs for every value.
            let matching = category.hasCases ? rule.requirement.cases.first { $0.when.allSatisfy { options[$0.key] == $0.value } } : nil
            let min = matching?.min ?? rule.requirement.min
            let max = matching?.max ?? rule.requirement.max
            // Said only when a bound is broken: most rows break none.
            var condition: String {
                matching.map { " (" + $0.when.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ", ") + ")" } ?? ""
            }
            if let min, Self.compare(value.value, min) == .orderedAscending {
                findings.error("attribute.out_of_range", value.id, expected: "≥ \(min.text(.en))\(condition)", found: value.entered,
                               zh: "“\(rule.requirement.name.zh)”\(value.entered) 低于下限 \(min.text(.zh))\(condition)",
                               en: "“\(rule.requirement.name.en)” \(value.entered) is below the minimum \(min.text(.en))\(condition)")
            }
            if let max, Self.compare(value.value, max) == .orderedDescending {
                findings.error("attribute.out_of_range", value.id, expected: "≤ \(max.text(.en))\(condition)", found: value.entered,
                               zh: "“\(rule.requirement.name.zh)”\(value.entered) 超过上限 \(max.text(.zh))\(condition)",
                               en: "“\(rule.requirement.name.en)” \(value.entered) is above the maximum \(max.text(.en))\(condition)")
            }
        }
    }

    private static func compare(_ value: AttributeValue.Value, _ bound: AttributeBound) -> ComparisonResult? {
        func order<T: Comparable>(_ a: T, _ b: T) -> ComparisonResult { a < b ? .orderedAscending : (a > b ? .orderedDescending : .orderedSame) }
        switch (value, bound) {
        case (.integer(let number), .number(let limit)): return Decimal.order(Decimal(number), limit)
        case (.decimal(let number), .number(let limit)): return Decimal.order(number, limit)
        case (.quantity(let quantity), .quantity(let limit)): return quantity.compare(to: limit)
        case (.date(let day), .date(let limit)): return order(day, limit)
        default: return nil
        }
    }
}
