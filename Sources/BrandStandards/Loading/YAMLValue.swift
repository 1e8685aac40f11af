import Foundation
import Measures
import Yams

/// A YAML node with its JSON pointer, read into typed values. Every mismatch is
/// reported to the collector and answered with `nil`, so that reading goes on and
/// every problem of a file is found in one pass.
struct YAMLValue {
    let node: Node
    let pointer: String
    let collector: DiagnosticCollector

    init(node: Node, pointer: String, collector: DiagnosticCollector) {
        self.node = node
        self.pointer = pointer
        self.collector = collector
        collector.remember(pointer, at: node.mark)
    }

    var mark: Mark? { node.mark }

    func report(_ rule: LintRule, _ message: LocalizedText, severity: Diagnostic.Severity = .error) {
        collector.report(rule, message, at: mark, pointer: pointer, severity: severity)
    }

    private func typeMismatch(_ expected: LocalizedText) {
        let found: LocalizedText = switch node {
        case .scalar(let scalar): LocalizedText(zh: "“\(scalar.string)”", en: "“\(scalar.string)”")
        case .mapping: LocalizedText(zh: "映射", en: "a mapping")
        case .sequence: LocalizedText(zh: "列表", en: "a list")
        case .alias: LocalizedText(zh: "别名（不支持）", en: "an alias (not supported)")
        }
        report(.valueType, LocalizedText(zh: "应为\(expected.zh)，实际是\(found.zh)", en: "expected \(expected.en), found \(found.en)"))
    }

    /// The node as a mapping whose keys must all be in `allowed`.
    func mapping(allowed: [String]) -> YAMLMapping? {
        guard case .mapping(let mapping) = node else {
            typeMismatch(LocalizedText(zh: "映射（键: 值）", en: "a mapping of keys to values"))
            return nil
        }
        return YAMLMapping(value: self, mapping: mapping, allowed: allowed)
    }

    /// The node as a list of values.
    func sequence() -> [YAMLValue]? {
        guard case .sequence(let sequence) = node else {
            typeMismatch(LocalizedText(zh: "列表", en: "a list"))
            return nil
        }
        return sequence.enumerated().map { YAMLValue(node: $1, pointer: pointer + "/\($0)", collector: collector) }
    }

    /// The node as a list, each element read by `transform`; elements it cannot read
    /// are left out, and the positions of the rest are remembered.
    func list<Element>(_ transform: (YAMLValue) -> Element?) -> [Element]? {
        guard let elements = sequence() else { return nil }
        var result: [Element] = []
        for element in elements {
            guard let item = transform(element) else { continue }
            let modelPointer = pointer + "/\(result.count)"
            if modelPointer != element.pointer { collector.alias(modelPointer, to: element.pointer) }
            result.append(item)
        }
        return result
    }

    /// The node as text (any scalar; numbers are read as written).
    func string() -> String? {
        guard case .scalar(let scalar) = node else {
            typeMismatch(LocalizedText(zh: "文本", en: "text"))
            return nil
        }
        return scalar.string
    }

    /// Non-empty text.
    func nonEmptyString() -> String? {
        guard let text = string() else { return nil }
        guard !text.trimmingCharacters(in: .whitespaces).isEmpty else {
            report(.valueInvalid, LocalizedText(zh: "不能为空", en: "must not be empty"))
            return nil
        }
        return text
    }

    /// A stable id: lowercase letters, digits, `-` and `_`, starting with a letter or digit.
    func identifier() -> String? {
        guard let text = string() else { return nil }
        let allowed = text.allSatisfy { ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "-" || $0 == "_" }
        guard !text.isEmpty, allowed, text.first!.isLetter || text.first!.isNumber, text.count <= 64 else {
            report(.idFormat, LocalizedText(
                zh: "标识“\(text)”只能包含小写字母、数字、- 和 _，且以字母或数字开头（最多 64 个字符）",
                en: "id “\(text)” may hold only lowercase letters, digits, - and _, starting with a letter or digit (64 at most)"
            ))
            return nil
        }
        return text
    }

    func integer(in range: ClosedRange<Int>? = nil) -> Int? {
        guard let text = string() else { return nil }
        guard let number = Int(text) else {
            typeMismatch(LocalizedText(zh: "整数", en: "a whole number"))
            return nil
        }
        if let range, !range.contains(number) {
            report(.valueInvalid, LocalizedText(
                zh: "\(number) 超出允许范围 \(range.lowerBound)–\(range.upperBound)",
                en: "\(number) is outside \(range.lowerBound)–\(range.upperBound)"
            ))
            return nil
        }
        return number
    }

    func decimal(positive: Bool = false) -> Decimal? {
        guard let text = string() else { return nil }
        guard let number = Decimal(exactText: text) else {
            typeMismatch(LocalizedText(zh: "数字", en: "a number"))
            return nil
        }
        if positive && number <= 0 {
            report(.valueInvalid, LocalizedText(zh: "应大于 0，实际是 \(text)", en: "must be greater than 0, found \(text)"))
            return nil
        }
        return number
    }

    func boolean() -> Bool? {
        guard let text = string() else { return nil }
        switch text {
        case "true": return true
        case "false": return false
        default:
            typeMismatch(LocalizedText(zh: "true 或 false", en: "true or false"))
            return nil
        }
    }

    func day() -> CalendarDay? {
        guard let text = string() else { return nil }
        guard let day = CalendarDay(text) else {
            typeMismatch(LocalizedText(zh: "日期 YYYY-MM-DD", en: "a date written YYYY-MM-DD"))
            return nil
        }
        return day
    }

    /// One of an enum's raw values.
    func choice<Choice: RawRepresentable & CaseIterable>(_ type: Choice.Type) -> Choice? where Choice.RawValue == String {
        guard let text = string() else { return nil }
        guard let choice = Choice(rawValue: text) else {
            let allowed = Choice.allCases.map(\.rawValue).joined(separator: ", ")
            report(.valueInvalid, LocalizedText(zh: "“\(text)”不是允许的值：\(allowed)", en: "“\(text)” is not one of: \(allowed)"))
            return nil
        }
        return choice
    }

    /// A quantity such as `2.5 kg`, optionally of one dimension.
    func quantity(expecting dimension: MeasureDimension?, jinRegion: JinRegion?) -> Quantity? {
        guard let text = string() else { return nil }
        do throws(MeasureError) {
            let quantity = try Quantity(parsing: text, jinRegion: jinRegion)
            try quantity.dimension.check(against: dimension)
            return quantity
        } catch {
            report(LintRule(error), error.message)
            return nil
        }
    }

    /// A `{zh, en}` pair; both languages are required.
    func localized() -> LocalizedText? {
        guard let mapping = mapping(allowed: ["zh", "en"]) else { return nil }
        let zh = mapping.required("zh")?.nonEmptyString()
        let en = mapping.required("en")?.nonEmptyString()
        guard let zh, let en else { return nil }
        return LocalizedText(zh: zh, en: en)
    }

    /// A list of strings.
    func strings() -> [String]? {
        list { $0.string() }
    }
}

/// A YAML mapping whose keys were checked against what is allowed.
struct YAMLMapping {
    let value: YAMLValue
    private let entries: [String: YAMLValue]

    init(value: YAMLValue, mapping: Node.Mapping, allowed: [String]) {
        self.value = value
        var entries: [String: YAMLValue] = [:]
        for (keyNode, valueNode) in mapping {
            let key = keyNode.string ?? ""
            // A nested mapping or list is best pointed at by its key's line.
            if valueNode.scalar == nil { value.collector.remember(value.pointer + "/" + Self.escape(key), at: keyNode.mark) }
            let child = YAMLValue(node: valueNode, pointer: value.pointer + "/" + Self.escape(key), collector: value.collector)
            guard allowed.contains(key) else {
                let hint = KeySuggestion.closest(to: key, among: allowed)
                let suggestion = hint.map { LocalizedText(zh: "，是否应为“\($0)”？", en: "; did you mean “\($0)”?") }
                value.collector.report(.keyUnknown, LocalizedText(
                    zh: "未知的键“\(key)”\(suggestion?.zh ?? "；允许的键：" + allowed.joined(separator: ", "))",
                    en: "unknown key “\(key)”\(suggestion?.en ?? "; allowed keys: " + allowed.joined(separator: ", "))"
                ), at: keyNode.mark, pointer: child.pointer)
                continue
            }
            entries[key] = child
        }
        self.entries = entries
    }

    subscript(key: String) -> YAMLValue? { entries[key] }

    /// The value of a key that must be present; a missing key is reported.
    func required(_ key: String) -> YAMLValue? {
        if let entry = entries[key] { return entry }
        value.report(.keyMissing, LocalizedText(zh: "缺少必填的键“\(key)”", en: "missing required key “\(key)”"))
        return nil
    }

    /// Reports each present key that means nothing in this context.
    func reportNotApplicable(_ keys: [String], because reason: LocalizedText) {
        for key in keys {
            entries[key]?.report(.keyNotApplicable, LocalizedText(
                zh: "键“\(key)”在此不适用：\(reason.zh)", en: "key “\(key)” does not apply here: \(reason.en)"
            ))
        }
    }

    private static func escape(_ key: String) -> String {
        key.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
    }
}
