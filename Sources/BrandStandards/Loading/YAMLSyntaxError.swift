import Measures
import Yams

/// A YAML parse failure, with the position and problem libyaml gave.
struct YAMLSyntaxError {
    let rule: LintRule
    let mark: Mark?
    let message: LocalizedText

    init(_ error: any Error) {
        switch error as? YamlError {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
            rule = .yamlSyntax
            self.mark = mark
            message = LocalizedText(zh: "YAML 语法错误：\(problem)", en: "YAML syntax error: \(problem)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            rule = .yamlDuplicateKey
            mark = context.mark
            let keys = duplicates.joined(separator: ", ")
            message = LocalizedText(zh: "同一映射中重复的键：\(keys)", en: "duplicate key in one mapping: \(keys)")
        case .reader(let problem, _, _, _):
            rule = .fileEncoding
            mark = nil
            message = LocalizedText(zh: "无法读取文本：\(problem)", en: "the text cannot be read: \(problem)")
        default:
            rule = .yamlSyntax
            mark = nil
            message = LocalizedText(zh: "YAML 无法解析", en: "the YAML cannot be parsed: \(error)")
        }
    }
}

extension DiagnosticCollector {
    func report(_ error: YAMLSyntaxError) {
        report(error.rule, error.message, at: error.mark, pointer: nil)
    }
}
