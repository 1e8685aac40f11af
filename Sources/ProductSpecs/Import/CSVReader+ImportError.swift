import Foundation

extension CSVReader.Problem {
    /// The problem as an import reports it, in both languages.
    public var importError: ImportFileError {
        switch self {
        case .undecodable(let line, let column, let encoding):
            let letter = ProductFileReader.columnLetter(column)
            return switch encoding {
            case .some(let encoding):
                ImportFileError(code: "file.encoding", line: line,
                                zh: "第 \(line) 行 \(letter) 列不是 \(encoding.displayName) 文本，而文件的其余部分是：文件混用了编码；请整体另存为“CSV UTF-8”",
                                en: "line \(line) column \(letter) is not \(encoding.displayName) text, as the file before it is: the file mixes encodings; save it as a whole as “CSV UTF-8”")
            case nil:
                ImportFileError(code: "file.encoding", line: line,
                                zh: "第 \(line) 行 \(letter) 列既不是 UTF-8 也不是 GB18030（GBK）文本；请另存为“CSV UTF-8”",
                                en: "line \(line) column \(letter) is neither UTF-8 nor GB18030 (GBK) text: save the file as “CSV UTF-8”")
            }
        case .ambiguousEncoding(let line, let column, let asUTF8, let asGB18030):
            let letter = ProductFileReader.columnLetter(column)
            return ImportFileError(code: "file.encoding_ambiguous", line: line,
                                   zh: "第 \(line) 行 \(letter) 列按 UTF-8 读作“\(asUTF8)”，按 GB18030 读作“\(asGB18030)”，无法判断文件编码；请另存为“CSV UTF-8”（带 BOM）",
                                   en: "line \(line) column \(letter) reads as “\(asUTF8)” in UTF-8 and as “\(asGB18030)” in GB18030, so the file's encoding cannot be told: save it as “CSV UTF-8” (with BOM)")
        case .unterminatedQuote(let line):
            return ImportFileError(code: "csv.quote", line: line, zh: "第 \(line) 行的引号没有闭合", en: "the quoted cell starting on line \(line) never closes")
        case .strayQuote(let line):
            return ImportFileError(code: "csv.quote", line: line, zh: "第 \(line) 行的未加引号的单元格中有引号", en: "line \(line) has a quote inside an unquoted cell")
        case .unreadable(let path):
            return ImportFileError(code: "file.unreadable", zh: "无法读取文件 \(path)", en: "cannot read \(path)")
        }
    }
}
