import Measures
import ProductSpecs

/// A finding as text: the row, the place, the code, and the message in both languages.
enum FindingText {
    static func render(_ finding: Finding, row: String) -> String {
        let kind = finding.severity == .error ? "error" : "notice"
        return "\(row): \(kind)[\(finding.code)] \(finding.location): \(finding.message.en)\n    \(finding.message.zh)"
    }
}

/// A refused import file as text: where, the code, and the message in both languages.
enum ImportFileErrorText {
    static func render(_ error: ImportFileError, file: String) -> String {
        let zh = error.message.zh.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }.joined(separator: "\n")
        return "\(file)\(error.line.map { ":\($0)" } ?? ""): error[\(error.code)]: \(error.message.en)\n\(zh)"
    }
}
