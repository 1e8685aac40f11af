import Measures
import Workflows

/// A refused or failed operation as text: the code, the message in both languages,
/// then each finding or reason on its own lines.
enum WorkflowErrorText {
    static func render(_ error: WorkflowError) -> String {
        if !error.findings.isEmpty {
            return error.findings.map { FindingText.render($0, row: "refused") }.joined(separator: "\n") + "\nnothing was saved 未做任何更改"
        }
        var lines = ["terroir: error[\(error.code)]: \(error.message.en)", "         \(error.message.zh)"]
        if error.reasons.count > 1 {
            for reason in error.reasons { lines += ["  - \(reason.en)", "    \(reason.zh)"] }
        }
        return lines.joined(separator: "\n")
    }
}
