import BrandStandards
import Foundation
import Measures

/// Reads products from CSV, a JSON array, or NDJSON, one row at a time.
///
/// A CSV header names product fields (`sku`, `gtin`, `category`, `name_zh`, ...) and
/// attributes of the brand, by id or by a name people use (`货号`, `净含量（kg）`); a
/// column that names neither is refused, never dropped, unless the import is told
/// to leave it out (see `CSVProductRows`).
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
    private let csv: CSVProductRows?

    /// Prepares to read `url` for products of `standard`; a CSV's header is read now.
    /// - Throws: `ImportFileError` when the extension names no known format, or the
    ///   CSV's encoding or header is refused.
    public init(url: URL, standard: BrandStandard, options: ImportOptions = ImportOptions()) throws(ImportFileError) {
        guard let format = Format(fileExtension: url.pathExtension) else {
            throw ImportFileError(code: "file.format",
                                  zh: "无法识别文件格式“.\(url.pathExtension)”：应为 .csv、.json 或 .ndjson",
                                  en: "unknown file format “.\(url.pathExtension)”: expected .csv, .json or .ndjson")
        }
        self.url = url
        self.format = format
        csv = format == .csv ? try CSVProductRows(url: url, standard: standard, options: options) : nil
    }

    /// Calls `body` with each row, in file order.
    /// - Throws: `ImportFileError` for a file that cannot be read as a whole (its
    ///   encoding, malformed JSON), or whatever `body` throws.
    public func forEachRow(_ body: (ImportRow) throws -> Void) throws {
        switch format {
        case .csv: try csv!.forEachRow(body)
        case .json: try readJSONArray(body)
        case .ndjson: try readNDJSON(body)
        }
    }

    /// What people should know of how the file was read: its encoding when it is not
    /// plain UTF-8, and the columns left out. Complete once every row was read.
    public var notices: [LocalizedText] {
        guard let csv else { return [] }
        var notices: [LocalizedText] = []
        if csv.encoding != .utf8 || csv.hasByteOrderMark {
            let name = csv.encoding.displayName, mark = csv.hasByteOrderMark
            notices.append(LocalizedText(zh: "按 \(name)\(mark ? "（带 BOM）" : " ")编码读取", en: "read as \(name)\(mark ? " with BOM" : "")"))
        }
        for column in csv.ignored {
            notices.append(LocalizedText(zh: "已跳过 \(column.letter) 列“\(column.header)”", en: "left out column \(column.letter) “\(column.header)”"))
        }
        for name in csv.unmatchedIgnores {
            notices.append(LocalizedText(zh: "表头中没有“\(name)”列（--ignore-column）", en: "no column “\(name)” in the header to leave out (--ignore-column)"))
        }
        return notices
    }

    /// The CSV's header as the file has it; `nil` for JSON.
    public var csvHeader: [String]? { csv?.header }

    /// The positions of the CSV's columns that are not the findings of an earlier
    /// error file: what a new error file keeps of each row.
    public var dataColumns: [Int] {
        guard let csv else { return [] }
        return csv.columns.indices.filter { if case .findings = csv.columns[$0] { false } else { true } }
    }

    /// The encoding the file was read in.
    public var encoding: TextEncoding { csv?.encoding ?? .utf8 }

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
