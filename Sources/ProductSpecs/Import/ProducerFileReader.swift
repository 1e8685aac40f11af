import BrandStandards
import Foundation
import Measures
import Yams

/// Reads producers for a brand from YAML (`producers:` list, as in
/// `Brands/<id>/producers.yaml`) or CSV (columns `id, name_zh, name_en, uscc,
/// admin_code, address_zh, address_en, categories, valid_from, valid_to`, categories
/// separated by `;`), and checks each against the brand's standard.
public enum ProducerFileReader {
    /// One producer entry that could not be accepted, with every reason.
    public struct Rejection: Sendable, Equatable {
        /// The entry's number: its line in a CSV, its position (from 1) in a YAML list.
        public let entry: Int
        public let id: String?
        public let findings: [Finding]
    }

    static let csvColumns = ["id", "name_zh", "name_en", "uscc", "admin_code", "address_zh", "address_en", "categories", "valid_from", "valid_to"]

    /// Reads and checks every producer in the file.
    /// - Returns: the accepted producers and the rejected entries.
    /// - Throws: `ImportFileError` for a file that cannot be read as a whole.
    public static func read(_ url: URL, standard: BrandStandard) throws(ImportFileError) -> (producers: [Producer], rejected: [Rejection]) {
        let entries: [(Int, [String: String], @Sendable (String) -> String)]
        switch url.pathExtension.lowercased() {
        case "yaml", "yml": entries = try yamlEntries(url)
        case "csv": entries = try csvEntries(url)
        default:
            throw ImportFileError(code: "file.format", zh: "生产者文件应为 .yaml 或 .csv", en: "a producer file is .yaml or .csv")
        }
        return check(entries, standard: standard)
    }

    /// Checks producers given as field dictionaries (as `producers add` has them).
    /// - Parameter locate: where a field is, as the caller's front door names it
    ///   (the field's own name by default).
    public static func check(_ entries: [[String: String]], standard: BrandStandard,
                             locate: @escaping @Sendable (String) -> String = { $0 }) -> (producers: [Producer], rejected: [Rejection]) {
        check(entries.enumerated().map { ($0 + 1, $1, locate) }, standard: standard)
    }

    static func check(_ entries: [(Int, [String: String], @Sendable (String) -> String)], standard: BrandStandard) -> (producers: [Producer], rejected: [Rejection]) {
        var producers: [Producer] = [], rejected: [Rejection] = [], seen: Set<String> = []
        for (number, fields, locate) in entries {
            var findings = FindingList(locate: locate)
            if let id = fields["id"], !seen.insert(id).inserted {
                findings.error("producer.duplicate", "id", found: id, zh: "生产者“\(id)”在文件中重复", en: "producer “\(id)” appears twice in the file")
            }
            if let producer = ProducerChecks.producer(from: fields, standard: standard, into: &findings), findings.items.isEmpty {
                producers.append(producer)
            } else {
                rejected.append(Rejection(entry: number, id: fields["id"], findings: findings.items))
            }
        }
        return (producers, rejected)
    }

    private static func yamlEntries(_ url: URL) throws(ImportFileError) -> [(Int, [String: String], @Sendable (String) -> String)] {
        guard let text = try? String(contentsOf: url, encoding: .utf8) else {
            throw ImportFileError(code: "file.encoding", zh: "无法以 UTF-8 读取文件", en: "cannot read the file as UTF-8")
        }
        let root: Node?
        do { root = try Yams.compose(yaml: text) } catch {
            throw ImportFileError(code: "yaml.syntax", zh: "YAML 语法错误：\(error)", en: "YAML syntax error: \(error)")
        }
        guard let list = root?["producers"]?.sequence else {
            throw ImportFileError(code: "yaml.structure", zh: "文件应有 producers: 列表", en: "the file must hold a producers: list")
        }
        return list.enumerated().map { index, node in
            var fields: [String: String] = [:]
            for (key, value) in node.mapping ?? [:] {
                guard let key = key.string else { continue }
                switch value {
                case .scalar(let scalar): fields[key] = scalar.string
                case .sequence(let items): fields[key] = items.compactMap(\.string).joined(separator: ";")
                case .mapping(let mapping):
                    for (subkey, subvalue) in mapping { if let subkey = subkey.string { fields["\(key)_\(subkey)"] = subvalue.string } }
                case .alias: continue
                }
            }
            let line = node.mark?.line ?? 0
            return (index + 1, fields, { field in "/producers/\(index)/\(field) (line \(line))" })
        }
    }

    private static func csvEntries(_ url: URL) throws(ImportFileError) -> [(Int, [String: String], @Sendable (String) -> String)] {
        do {
            var reader = try CSVReader(url: url)
            guard let header = try reader.nextRecord()?.fields else { return [] }
            for (index, name) in header.enumerated() where !csvColumns.contains(name) {
                throw ImportFileError(code: "csv.unknown_column", line: 1,
                                      zh: "表头第 \(ProductFileReader.columnLetter(index)) 列“\(name)”不是生产者字段（可用：\(csvColumns.joined(separator: ", "))）",
                                      en: "header column \(ProductFileReader.columnLetter(index)) “\(name)” is not a producer field (known: \(csvColumns.joined(separator: ", ")))")
            }
            var entries: [(Int, [String: String], @Sendable (String) -> String)] = []
            while let record = try reader.nextRecord() {
                var fields: [String: String] = [:]
                for (index, value) in record.fields.enumerated() where index < header.count { fields[header[index]] = value }
                entries.append((record.line, fields, { field in
                    header.firstIndex(of: field).map { "column \(ProductFileReader.columnLetter($0)) (\(field))" } ?? field
                }))
            }
            return entries
        } catch let error as ImportFileError {
            throw error
        } catch let problem as CSVReader.Problem {
            throw problem.importError
        } catch {
            throw ImportFileError(code: "file.unreadable", zh: "无法读取 CSV：\(error)", en: "cannot read the CSV: \(error)")
        }
    }
}

/// The checks a producer must pass to be registered under a brand.
enum ProducerChecks {
    static func producer(from fields: [String: String], standard: BrandStandard, into findings: inout FindingList) -> Producer? {
        func value(_ key: String) -> String? {
            guard let text = fields[key]?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
            return text
        }
        func required(_ key: String, _ zh: String, _ en: String) -> String? {
            guard let text = value(key) else {
                findings.error("field.missing", key, zh: "缺少\(zh)（\(key)）", en: "the \(en) (\(key)) is missing")
                return nil
            }
            return text
        }
        for (key, text) in fields.sorted(by: { $0.key < $1.key }) {
            if let scalar = text.firstControlCharacter(allowingLineBreaks: false) {
                findings.error("text.control_character", key, found: scalar.codePointText,
                               zh: "“\(key)”含有控制字符 \(scalar.codePointText)（如 NUL）；请删除", en: "“\(key)” holds the control character \(scalar.codePointText) (such as a NUL); remove it")
            }
        }
        let id = required("id", "标识", "id")
        if let id, !id.allSatisfy({ ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "-" || $0 == "_" }) {
            findings.error("id.format", "id", found: id, zh: "标识“\(id)”只能包含小写字母、数字、- 和 _", en: "id “\(id)” may hold only lowercase letters, digits, - and _")
        }
        let nameZh = required("name_zh", "中文名称", "Chinese name")
        var uscc: UnifiedSocialCreditCode?
        if let text = required("uscc", "统一社会信用代码", "unified social credit code") {
            do throws(UnifiedSocialCreditCode.Problem) { uscc = try UnifiedSocialCreditCode(text) } catch {
                let detail: (String, String) = switch error {
                case .length(let count): ("应为 18 位，实际 \(count) 位", "it must have 18 characters, found \(count)")
                case .character(let character): ("含有不允许的字符“\(character)”（不使用 I、O、S、V、Z）", "it holds “\(character)”, which codes never use (no I, O, S, V, Z)")
                case .checkCharacter(let expected, let found): ("校验码应为 \(expected)，实际是 \(found)", "its check character should be \(expected), found \(found)")
                }
                findings.error(error.code, "uscc", found: text, zh: "统一社会信用代码“\(text)”无效：\(detail.0)", en: "unified social credit code “\(text)” is invalid: \(detail.1)")
            }
        }
        var code: AdministrativeCode?
        if let text = required("admin_code", "行政区划代码", "administrative code") {
            code = AdministrativeCode(text)
            if let code, !standard.region.contains(code) {
                findings.error("origin.outside_region", "admin_code", found: text,
                               zh: "生产者所在地 \(text) 不在品牌产区内", en: "the producer's place \(text) lies outside the brand's region")
            } else if code == nil {
                findings.error("origin.malformed", "admin_code", found: text, zh: "行政区划代码“\(text)”无效", en: "administrative code “\(text)” is malformed")
            }
        }
        let categories = (value("categories") ?? "").split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        for category in categories where standard.category(category) == nil {
            findings.error("category.unknown", "categories", found: category,
                           zh: "品牌没有品类“\(category)”", en: "the brand has no category “\(category)”")
        }
        let validFrom = value("valid_from").flatMap { text -> CalendarDay? in
            let day = CalendarDay(text)
            if day == nil { findings.error("field.format", "valid_from", found: text, zh: "日期应写作 YYYY-MM-DD", en: "a date is written YYYY-MM-DD") }
            return day
        }
        let validTo = value("valid_to").flatMap { text -> CalendarDay? in
            let day = CalendarDay(text)
            if day == nil { findings.error("field.format", "valid_to", found: text, zh: "日期应写作 YYYY-MM-DD", en: "a date is written YYYY-MM-DD") }
            return day
        }
        guard let id, let nameZh, let uscc, let code else { return nil }
        return Producer(
            id: id, name: LocalizedText(zh: nameZh, en: value("name_en") ?? ""), uscc: uscc, adminCode: code,
            address: value("address_zh").map { LocalizedText(zh: $0, en: value("address_en") ?? "") },
            authorisations: [standard.id: categories], validFrom: validFrom, validTo: validTo
        )
    }
}
