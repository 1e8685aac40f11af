import Measures

/// One product read from an import file, with the row number people see.
public struct ImportRow: Sendable {
    /// The row's number: the line in a CSV (the header is line 1) or NDJSON file, the
    /// element's position (from 1) in a JSON array.
    public let number: Int
    /// The product as entered.
    public let input: ProductInput
    /// The row's cells as they came in, when the import keeps them (for an error file).
    public let cells: [String]?

    public init(number: Int, input: ProductInput, cells: [String]? = nil) {
        self.number = number
        self.input = input
        self.cells = cells
    }
}

/// Why a whole import file was refused before any row was read.
public struct ImportFileError: Error, Equatable, Sendable {
    /// A stable code, such as `file.encoding` or `csv.unknown_column`.
    public let code: String
    /// The line concerned, when there is one.
    public let line: Int?
    /// What is wrong and what was expected.
    public let message: LocalizedText

    /// Creates an error.
    public init(code: String, line: Int? = nil, zh: String, en: String) {
        self.code = code
        self.line = line
        self.message = LocalizedText(zh: zh, en: en)
    }
}
