import BrandStandards
import Foundation

/// Reads products from CSV, a JSON array, or NDJSON, one row at a time.
///
/// A CSV header names product fields (`sku`, `gtin`, `category`, `name_zh`, ...) and
/// attribute ids of the brand; a column that is neither is refused, never dropped.
/// JSON objects carry the same names, with attributes either at the top level or in
/// an `attributes` object.
public struct ProductFileReader {
    /// The file formats read.
    public enum Format: String, Sendable, CaseIterable {
        case csv, json, ndjson

        /// The format a file's extension names.
        public init?(fileExtension: String) {
            switch fileExtension.lowercased() {
            case "csv": self = .csv
            case "json": self = .json
            case "ndjson", "jsonl": self = .ndjson
            default: return nil
            }
        }
    }

    private let url: URL
    private let format: Format
    private let attributeIDs: Set<String>

    /// Prepares to read `url` for products of `standard`.
    /// - Throws: `ImportFileError` when the extension names no known format.
    public init(url: URL, standard: BrandStandard) throws(ImportFileError) {
        guard let format = Format(fileExtension: url.pathExtension) else {
            throw ImportFileError(code: "file.format",
                                  zh: "无法识别文件格式“.\(url.pathExtension)”：应为 .csv、.json 或 .ndjson",
                                  en: "unknown file format “.\(url.pathExtension)”: expected .csv, .json or .ndjson")
        }
        self.url = url
        self.format = format
        self.attributeIDs = Set(standard.categories.flatMap { $0.attributes.map(\.id) })
    }

    /// Calls `body` with each row, in file order.
    /// - Throws: `ImportFileError` for a file that cannot be read as a whole (its
    ///   encoding, its header, malformed JSON), or whatever `body` throws.
    public func forEachRow(_ body: (ImportRow) throws -> Void) throws {
        switch format {
        case .csv: try readCSV(body)
        case .json: try readJSONArray(body)
        case .ndjson: try readNDJSON(body)
        }
    }

    // MARK: CSV

    private func readCSV(_ body: (ImportRow) throws -> Void) throws {
        var reader: CSVReader
        do { reader = try CSVReader(url: url) } catch { throw Self.fileError(error) }
        let header: [String]
        do {
            guard let first = try reader.nextRecord() else {
                throw ImportFileError(code: "csv.empty", zh: "CSV 文件为空", en: "the CSV file is empty")
            }
            header = first.fields.map { $0.trimmingCharacters(in: .whitespaces) }
        } catch let error as CSVReader.Problem { throw Self.fileError(error) }
        let columns = try classify(header)
        let attributeCount = columns.filter { if case .attribute = $0 { true } else { false } }.count
        let letters = header.indices.map(Self.columnLetter)
        let names = header
        let locate: @Sendable (String) -> String = { field in
            guard let index = names.firstIndex(of: field) else { return field }
            return "column \(letters[index]) (\(field))"
        }
        while true {
            let record: (line: Int, fields: [String])?
            do { record = try reader.nextRecord() } catch { throw Self.fileError(error) }
            guard let record else { return }
            var fields = [String?](repeating: nil, count: ProductInput.Field.allCases.count)
            var attributes = [String: String](minimumCapacity: attributeCount)
            for (index, value) in record.fields.enumerated() where index < columns.count && !value.isEmpty {
                switch columns[index] {
                case .field(let field): fields[field.rawValue] = value
                case .attribute(let id): attributes[id] = value
                }
            }
            if record.fields.count > columns.count, record.fields[columns.count...].contains(where: { !$0.isEmpty }) {
                throw ImportFileError(code: "csv.extra_cells", line: record.line,
                                      zh: "第 \(record.line) 行的单元格比表头多（表头 \(columns.count) 列，此行 \(record.fields.count) 列）",
                                      en: "line \(record.line) has more cells than the header (\(columns.count) columns, \(record.fields.count) cells)")
            }
            try body(ImportRow(number: record.line, input: ProductInput(fieldTexts: fields, attributes: attributes, locate: locate)))
        }
    }

    private enum Column {
        case field(ProductInput.Field)
        case attribute(String)
    }

    private func classify(_ header: [String]) throws(ImportFileError) -> [Column] {
        var columns: [Column] = [], seen: Set<String> = []
        for (index, name) in header.enumerated() {
            let letter = Self.columnLetter(index)
            guard seen.insert(name).inserted else {
                throw ImportFileError(code: "csv.duplicate_column", line: 1,
                                      zh: "表头第 \(letter) 列“\(name)”重复", en: "header column \(letter) “\(name)” appears twice")
            }
            if let field = ProductInput.Field(name: name) {
                columns.append(.field(field))
            } else if attributeIDs.contains(name) {
                columns.append(.attribute(name))
            } else {
                let known = (ProductInput.fieldNames + attributeIDs.sorted()).joined(separator: ", ")
                throw ImportFileError(code: "csv.unknown_column", line: 1,
                                      zh: "表头第 \(letter) 列“\(name)”既不是产品字段，也不是品牌的属性（可用：\(known)）",
                                      en: "header column \(letter) “\(name)” is neither a product field nor an attribute of the brand (known: \(known))")
            }
        }
        guard seen.contains("sku") else {
            throw ImportFileError(code: "csv.missing_column", line: 1, zh: "表头缺少 sku 列", en: "the header has no sku column")
        }
        return columns
    }

    /// `A`, `B`, ..., `Z`, `AA`: the column names spreadsheets show.
    static func columnLetter(_ index: Int) -> String {
        var index = index + 1, letters = ""
        while index > 0 {
            let remainder = (index - 1) % 26
            letters = String(UnicodeScalar(UInt8(65 + remainder))) + letters
            index = (index - 1) / 26
        }
        return letters
    }

    static func fileError(_ problem: CSVReader.Problem) -> ImportFileError {
        switch problem {
        case .utf16:
            ImportFileError(code: "file.encoding", line: 1,
                            zh: "文件是 UTF-16 编码（Excel“Unicode 文本”的格式），不是 UTF-8；请另存为“CSV UTF-8（逗号分隔）”",
                            en: "the file is UTF-16 (as Excel saves “Unicode Text”), not UTF-8: save it as “CSV UTF-8 (comma delimited)”")
        case .notUTF8(let line, true):
            ImportFileError(code: "file.encoding", line: line,
                            zh: "第 \(line) 行不是 UTF-8 编码，看起来是 GB18030/GBK（Excel、WPS 的默认 CSV 格式）；请另存为“CSV UTF-8”",
                            en: "line \(line) is not UTF-8; it looks like GB18030/GBK as Excel or WPS save CSV by default: save it as “CSV UTF-8”")
        case .notUTF8(let line, false):
            ImportFileError(code: "file.encoding", line: line, zh: "第 \(line) 行不是 UTF-8 编码", en: "line \(line) is not UTF-8 text")
        case .unterminatedQuote(let line):
            ImportFileError(code: "csv.quote", line: line, zh: "第 \(line) 行的引号没有闭合", en: "the quoted cell starting on line \(line) never closes")
        case .strayQuote(let line):
            ImportFileError(code: "csv.quote", line: line, zh: "第 \(line) 行的未加引号的单元格中有引号", en: "line \(line) has a quote inside an unquoted cell")
        case .unreadable(let path):
            ImportFileError(code: "file.unreadable", zh: "无法读取文件 \(path)", en: "cannot read \(path)")
        }
    }

    // MARK: JSON and NDJSON

    private func readJSONArray(_ body: (ImportRow) throws -> Void) throws {
        guard let data = try? Data(contentsOf: url) else {
            throw ImportFileError(code: "file.unreadable", zh: "无法读取文件", en: "cannot read \(url.path)")
        }
        guard let array = (try? JSONSerialization.jsonObject(with: data)) as? [Any] else {
            throw ImportFileError(code: "json.syntax", zh: "文件不是 JSON 数组", en: "the file is not a JSON array of products")
        }
        for (index, element) in array.enumerated() {
            try body(ImportRow(number: index + 1, input: try Self.input(fromJSON: element, pointer: "/\(index)", line: index + 1)))
        }
    }

    private func readNDJSON(_ body: (ImportRow) throws -> Void) throws {
        var reader: LineReader
        do { reader = try LineReader(url: url) } catch { throw ImportFileError(code: "file.unreadable", zh: "无法读取文件", en: "cannot read \(url.path)") }
        while let (number, bytes) = reader.nextLine() {
            if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
            guard let object = try? JSONSerialization.jsonObject(with: Data(bytes)) else {
                throw ImportFileError(code: "json.syntax", line: number, zh: "第 \(number) 行不是有效的 JSON", en: "line \(number) is not valid JSON")
            }
            try body(ImportRow(number: number, input: try Self.input(fromJSON: object, pointer: "", line: number)))
        }
    }

    /// A product from one JSON object: the known fields by name, every other key (or
    /// the members of a nested `attributes` object) an attribute.
    public static func input(fromJSON element: Any, pointer: String = "", line: Int = 1) throws(ImportFileError) -> ProductInput {
        guard let object = element as? [String: Any] else {
            throw ImportFileError(code: "json.type", line: line, zh: "第 \(line) 项不是 JSON 对象", en: "item \(line) is not a JSON object")
        }
        var fields: [String: String] = [:], attributes: [String: String] = [:]
        for (key, value) in object {
            if key == "attributes", let nested = value as? [String: Any] {
                for (id, attribute) in nested { attributes[id] = Self.text(attribute) }
            } else if ProductInput.fieldNames.contains(key) {
                fields[key] = Self.text(value)
            } else {
                attributes[key] = Self.text(value)
            }
        }
        let nestedKeys = Set((object["attributes"] as? [String: Any])?.keys.map { $0 } ?? [])
        return ProductInput(fields: fields, attributes: attributes) { field in
            nestedKeys.contains(field) ? "\(pointer)/attributes/\(field)" : "\(pointer)/\(field)"
        }
    }

    private static func text(_ value: Any) -> String {
        switch value {
        case let string as String: string
        case let number as NSNumber: number.stringValue
        case is NSNull: ""
        default: String(describing: value)
        }
    }
}
