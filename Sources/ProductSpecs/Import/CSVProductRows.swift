import BrandStandards
import Foundation
import Measures

/// A products CSV with its header read: what each column is, and the rows after it.
///
/// Headers are matched through the brand's `ColumnVocabulary`, so `货号`, `净含量（kg）`
/// and `sku` all find their column. Every header that names nothing is reported at
/// once, with the nearest known name, unless the import was told to leave it out.
/// A quantity column whose header notes a unit (`净含量（kg）`) reads a bare number
/// (`5`) in that unit (`5 kg`).
final class CSVProductRows: @unchecked Sendable {
    enum Column {
        case field(ProductField)
        /// An attribute, with the unit its header notes.
        case attribute(String, unit: String?)
        /// Left out: an ignored column, or one with no header.
        case skipped(header: String)
        /// An error file's findings, left out.
        case findings
    }

    private var reader: CSVReader
    let columns: [Column]
    /// The header as the file has it.
    let header: [String]
    /// Columns left out by `--ignore-column` or `--ignore-unknown-columns`: letter and header.
    let ignored: [(letter: String, header: String)]
    /// Names given to leave out that no header has.
    let unmatchedIgnores: [String]
    private let keepsCells: Bool
    private let locate: @Sendable (String) -> String

    /// Reads the header of `url`.
    /// - Throws: `ImportFileError` for an unreadable file, an empty one, or a header
    ///   that names unknown, ambiguous or repeated columns.
    init(url: URL, standard: BrandStandard, options: ImportOptions) throws(ImportFileError) {
        do {
            reader = try CSVReader(url: url)
            guard let first = try reader.nextRecord() else {
                throw ImportFileError(code: "csv.empty", zh: "CSV 文件为空", en: "the CSV file is empty")
            }
            header = first.fields.map(\.trimmed)
        } catch let problem as CSVReader.Problem {
            throw problem.importError
        } catch let error as ImportFileError {
            throw error
        } catch {
            throw ImportFileError(code: "file.unreadable", zh: "无法读取 \(url.path)", en: "cannot read \(url.path)")
        }
        keepsCells = options.keepsCells
        let classified = try Self.classify(header, vocabulary: ColumnVocabulary(standard: standard), standard: standard, options: options)
        columns = classified.columns
        ignored = classified.ignored
        let headers = Set(header.map(ColumnHeader.normalize))
        unmatchedIgnores = options.ignoredColumns.filter { !headers.contains(ColumnHeader.normalize($0)) }
        var places: [String: String] = [:]
        for (index, column) in columns.enumerated() {
            let id: String? = switch column {
            case .field(let field): field.name
            case .attribute(let id, _): id
            case .skipped, .findings: nil
            }
            if let id { places[id] = "column \(ProductFileReader.columnLetter(index)) (\(header[index]))" }
        }
        let located = places
        locate = { field in located[field] ?? field }
    }

    /// The file's encoding as read so far (UTF-8 while it held only ASCII).
    var encoding: TextEncoding { reader.encoding ?? .utf8 }
    var hasByteOrderMark: Bool { reader.hasByteOrderMark }

    /// Calls `body` with each row after the header.
    func forEachRow(_ body: (ImportRow) throws -> Void) throws {
        let attributeCount = columns.filter { if case .attribute = $0 { true } else { false } }.count
        while true {
            let record: (line: Int, fields: [String])?
            do { record = try reader.nextRecord() } catch { throw error.importError }
            guard let record else { return }
            var fields = [String?](repeating: nil, count: ProductField.allCases.count)
            var attributes = [String: String](minimumCapacity: attributeCount)
            for (index, value) in record.fields.enumerated() where index < columns.count && !value.isEmpty {
                switch columns[index] {
                case .field(let field): fields[field.rawValue] = value
                case .attribute(let id, let unit): attributes[id] = unit.map { Self.withUnit(value, $0) } ?? value
                case .skipped(let header):
                    if header.isEmpty, !value.trimmedWhitespace.isEmpty { throw unnamedCell(line: record.line, index: index) }
                case .findings: break
                }
            }
            if record.fields.count > columns.count, record.fields[columns.count...].contains(where: { !$0.trimmedWhitespace.isEmpty }) {
                throw ImportFileError(code: "csv.extra_cells", line: record.line,
                                      zh: "第 \(record.line) 行的单元格比表头多（表头 \(columns.count) 列，此行 \(record.fields.count) 列）",
                                      en: "line \(record.line) has more cells than the header (\(columns.count) columns, \(record.fields.count) cells)")
            }
            let input = ProductInput(fieldTexts: fields, attributes: attributes, locate: locate)
            try body(ImportRow(number: record.line, input: input, cells: keepsCells ? record.fields : nil))
        }
    }

    private func unnamedCell(line: Int, index: Int) -> ImportFileError {
        let letter = ProductFileReader.columnLetter(index)
        return ImportFileError(code: "csv.extra_cells", line: line,
                               zh: "第 \(line) 行 \(letter) 列有内容，但该列没有表头：请给它一个表头，或删除这些内容",
                               en: "line \(line) has a value in column \(letter), which has no header: name the column, or clear it")
    }

    /// A bare number in a column whose header notes the unit, with that unit.
    static func withUnit(_ value: String, _ unit: String) -> String {
        Decimal(exactText: value) == nil ? value : "\(value.trimmed) \(unit)"
    }

    // MARK: The header

    private static func classify(
        _ header: [String], vocabulary: ColumnVocabulary, standard: BrandStandard, options: ImportOptions
    ) throws(ImportFileError) -> (columns: [Column], ignored: [(letter: String, header: String)]) {
        let ignoredNames = Set(options.ignoredColumns.map(ColumnHeader.normalize))
        let quantityIDs = Set(standard.categories.flatMap(\.attributes).filter { $0.type == .quantity }.map(\.id))
        var columns: [Column] = [], ignored: [(letter: String, header: String)] = []
        var unknown: [LocalizedText] = [], ambiguous: [LocalizedText] = [], repeated: [LocalizedText] = []
        var seen: [ColumnVocabulary.Target: String] = [:]
        lazy var knownNames = vocabulary.knownNames
        for (index, text) in header.enumerated() {
            let letter = ProductFileReader.columnLetter(index)
            let parsed = ColumnHeader(text)
            if text.isEmpty || ignoredNames.contains(parsed.normalized) {
                if !text.isEmpty { ignored.append((letter, text)) }
                columns.append(.skipped(header: text))
                continue
            }
            switch vocabulary.match(parsed) {
            case .target(let target):
                if target != .findings, let earlier = seen.updateValue(letter, forKey: target) {
                    repeated.append(LocalizedText(
                        zh: "\(earlier) 列和 \(letter) 列“\(text)”都是“\(target.id)”",
                        en: "columns \(earlier) and \(letter) “\(text)” both name “\(target.id)”"))
                }
                switch target {
                case .field(let field): columns.append(.field(field))
                case .attribute(let id):
                    let unit = parsed.note.flatMap { note in
                        quantityIDs.contains(id) && (try? MeasureUnit(parsing: note, jinRegion: standard.jinRegion)) != nil ? note : nil
                    }
                    columns.append(.attribute(id, unit: unit))
                case .findings: columns.append(.findings)
                }
            case .ambiguous(let targets):
                let ids = targets.map(\.id).joined(separator: ", ")
                ambiguous.append(LocalizedText(
                    zh: "\(letter) 列“\(text)”可以指 \(ids)：请在表头写明其中一个标识",
                    en: "column \(letter) “\(text)” could name \(ids): write one of these ids in the header"))
                columns.append(.skipped(header: text))
            case .unknown:
                if options.ignoresUnknownColumns {
                    ignored.append((letter, text))
                    columns.append(.skipped(header: text))
                    continue
                }
                let key = parsed.name ?? parsed.normalized
                let suggestion = KeySuggestion.closest(to: key, among: knownNames).map { name in
                    (name, vocabulary.target(ofKnownName: name)?.id ?? name)
                }
                unknown.append(LocalizedText(
                    zh: "\(letter) 列“\(text)”" + (suggestion.map { "：是否应为“\($0.0)”（\($0.1)）？" } ?? "：不是产品字段，也不是品牌的属性"),
                    en: "column \(letter) “\(text)”" + (suggestion.map { ": did you mean “\($0.0)” (\($0.1))?" } ?? " is neither a product field nor an attribute of the brand")))
                columns.append(.skipped(header: text))
            }
        }
        if !unknown.isEmpty || !ambiguous.isEmpty || !repeated.isEmpty {
            let code = !unknown.isEmpty ? "csv.unknown_column" : (!ambiguous.isEmpty ? "csv.ambiguous_column" : "csv.duplicate_column")
            let items = unknown + ambiguous + repeated
            var zh = "表头有 \(items.count) 列无法识别或重复：\n" + items.map { "  - \($0.zh)" }.joined(separator: "\n")
            var en = "\(items.count) header column(s) cannot be used:\n" + items.map { "  - \($0.en)" }.joined(separator: "\n")
            if !unknown.isEmpty {
                zh += "\n要跳过某列（例如“备注”），请用 --ignore-column 列名（HTTP 接口：ignore_column=列名），或 --ignore-unknown-columns（ignore_unknown_columns=true）跳过所有无法识别的列"
                en += "\nto leave a column out (a 备注 remarks column, say), use --ignore-column NAME (over HTTP: ignore_column=NAME), or --ignore-unknown-columns (ignore_unknown_columns=true) for every unknown one"
            }
            throw ImportFileError(code: code, line: 1, zh: zh, en: en)
        }
        guard seen[.field(.sku)] != nil else {
            throw ImportFileError(code: "csv.missing_column", line: 1,
                                  zh: "表头缺少货号列（sku 或 货号）", en: "the header has no sku column (sku, or 货号)")
        }
        return (columns, ignored)
    }
}

/// How an import treats the columns it does not know, and what it keeps of each row.
public struct ImportOptions: Sendable {
    /// Headers to leave out (`备注`), as written or in any case and width.
    public var ignoredColumns: [String]
    /// Whether every header that names nothing is left out, rather than refused.
    public var ignoresUnknownColumns: Bool
    /// Whether each row keeps its cells as they came in, for an error file.
    public var keepsCells: Bool

    public init(ignoredColumns: [String] = [], ignoresUnknownColumns: Bool = false, keepsCells: Bool = false) {
        self.ignoredColumns = ignoredColumns
        self.ignoresUnknownColumns = ignoresUnknownColumns
        self.keepsCells = keepsCells
    }
}
