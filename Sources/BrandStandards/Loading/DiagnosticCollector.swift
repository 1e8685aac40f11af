import Measures
import Yams

/// Collects the diagnostics of one file and remembers where each value it read
/// stood, so that later rules can point at the right line.
final class DiagnosticCollector {
    let file: String
    private(set) var diagnostics: [Diagnostic] = []
    private var locations: [String: Mark] = [:]
    /// Model pointer → source pointer, where a list lost elements that could not be read.
    private var aliases: [String: String] = [:]

    init(file: String) {
        self.file = file
    }

    func remember(_ pointer: String, at mark: Mark?) {
        if let mark, locations[pointer] == nil { locations[pointer] = mark }
    }

    /// Says that the model's `modelPointer` was read from `sourcePointer`.
    func alias(_ modelPointer: String, to sourcePointer: String) {
        aliases[modelPointer] = sourcePointer
    }

    /// Reports at a YAML mark.
    func report(_ rule: LintRule, _ message: LocalizedText, at mark: Mark?, pointer: String?, severity: Diagnostic.Severity = .error) {
        report(rule, message, line: mark?.line ?? 0, column: mark?.column ?? 0, pointer: pointer, severity: severity)
    }

    /// Reports at a line and column (1-based; 0 for none).
    func report(_ rule: LintRule, _ message: LocalizedText, line: Int, column: Int, pointer: String? = nil, severity: Diagnostic.Severity = .error) {
        diagnostics.append(Diagnostic(file: file, line: line, column: column, pointer: pointer, severity: severity, rule: rule, message: message))
    }

    /// Reports at the value a JSON pointer names, or the nearest enclosing value read.
    func report(_ rule: LintRule, _ message: LocalizedText, pointer: String, severity: Diagnostic.Severity = .error) {
        report(rule, message, at: mark(of: pointer), pointer: pointer, severity: severity)
    }

    private func mark(of modelPointer: String) -> Mark? {
        var pointer = ""
        for component in modelPointer.split(separator: "/", omittingEmptySubsequences: false).dropFirst() {
            pointer += "/" + component
            pointer = aliases[pointer] ?? pointer
        }
        var path = Substring(pointer)
        while true {
            if let mark = locations[String(path)] { return mark }
            guard let slash = path.lastIndex(of: "/") else { return locations[""] }
            path = path[..<slash]
        }
    }
}
