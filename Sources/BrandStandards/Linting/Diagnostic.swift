import Measures

/// One problem found in a brand file: where, which rule, and what was expected.
public struct Diagnostic: Error, Equatable, Sendable, Codable {
    /// The file, as the user named it.
    public var file: String
    /// 1-based line; 0 when the problem concerns the whole file.
    public var line: Int
    /// 1-based column, counted in characters.
    public var column: Int
    /// The JSON pointer of the value concerned, when there is one.
    public var pointer: String?
    /// Whether it fails the lint.
    public var severity: Severity
    /// The stable rule code, such as `key.unknown`.
    public var rule: LintRule
    /// What is wrong and what was expected, in both languages.
    public var message: LocalizedText

    /// How serious a diagnostic is.
    public enum Severity: String, Equatable, Sendable, Codable, Comparable {
        case error, warning

        public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs == .error && rhs == .warning }
    }

    /// `file:line:column`, the form editors jump to.
    public var position: String {
        line > 0 ? "\(file):\(line):\(column)" : file
    }
}
