import Foundation
import Measures
import Yams

/// A YAML parse failure, with the position and problem libyaml gave.
struct YAMLSyntaxError {
    let rule: LintRule
    /// Where, 1-based; 0 when libyaml gave no place.
    let line: Int, column: Int
    let message: LocalizedText

    /// - Parameter text: the file's text, to name the likely cause of a syntax error.
    init(_ error: any Error, text: String = "") {
        switch error as? YamlError {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            rule = .yamlSyntax
            if let (line, cause) = Self.likelyCause(in: text, near: mark.line) {
                (self.line, column) = (line, 1)
                message = LocalizedText(zh: "YAML 语法错误：\(cause.zh)（libyaml：\(problem)）", en: "YAML syntax error: \(cause.en) (libyaml: \(problem))")
            } else {
                (line, column) = (mark.line, mark.column)
                message = LocalizedText(zh: "YAML 语法错误：\(problem)", en: "YAML syntax error: \(problem)")
            }
        case .duplicatedKeysInMapping(let duplicates, let context):
            rule = .yamlDuplicateKey
            (line, column) = (context.mark.line, context.mark.column)
            let keys = duplicates.joined(separator: ", ")
            message = LocalizedText(zh: "同一映射中重复的键：\(keys)", en: "duplicate key in one mapping: \(keys)")
        case .reader(let problem, _, _, _):
            rule = .fileEncoding
            (line, column) = (0, 0)
            message = LocalizedText(zh: "无法读取文本：\(problem)", en: "the text cannot be read: \(problem)")
        default:
            rule = .yamlSyntax
            (line, column) = (0, 0)
            message = LocalizedText(zh: "YAML 无法解析", en: "the YAML cannot be parsed: \(error)")
        }
    }
}

extension YAMLSyntaxError {
    /// The line at or before `line` (1-based) that most likely broke the YAML, and why:
    /// a tab in the indentation, a full-width colon, an unquoted `#` after a colon.
    /// libyaml often notices such a mistake a line or more later.
    static func likelyCause(in text: String, near line: Int) -> (line: Int, cause: LocalizedText)? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard line >= 1 else { return nil }
        for number in stride(from: min(line, lines.count), through: max(1, line - 3), by: -1) {
            let content = lines[number - 1]
            let indentation = content.prefix { $0 == " " || $0 == "\t" }
            if indentation.contains("\t") {
                return (number, LocalizedText(zh: "第 \(number) 行用制表符（Tab）缩进；YAML 只能用空格缩进", en: "line \(number) is indented with a tab; YAML indents with spaces only"))
            }
            // Only where a key ends: a full-width colon inside a Chinese value is text.
            if content.range(of: #"^[\s-]*[A-Za-z_][A-Za-z0-9_]*\s*："#, options: .regularExpression) != nil {
                return (number, LocalizedText(zh: "第 \(number) 行用了全角冒号“：”；键和值之间应为半角冒号“:”加空格",
                                              en: "line \(number) has a full-width colon “：”; a key and its value are separated by an ASCII colon “:” and a space"))
            }
            if content.range(of: #":\s+#[0-9A-Fa-f]{3,8}\b"#, options: .regularExpression) != nil {
                return (number, LocalizedText(zh: "第 \(number) 行的 # 未加引号，YAML 会把它当作注释；请写成 \"#RRGGBB\"",
                                              en: "line \(number) has an unquoted #, which YAML reads as a comment; write \"#RRGGBB\""))
            }
        }
        return nil
    }
}

extension DiagnosticCollector {
    func report(_ error: YAMLSyntaxError) {
        report(error.rule, error.message, line: error.line, column: error.column)
    }
}
