import Foundation
import Measures
import ProductSpecs
import Workflows

/// A refused or failed operation as text: the code, the message in both languages,
/// then each finding or reason on its own lines.
enum WorkflowErrorText {
    static func render(_ error: WorkflowError) -> String {
        if !error.findings.isEmpty {
            return error.findings.map { finding in
                var finding = finding
                finding.location = "--" + finding.location.replacingOccurrences(of: "_", with: "-")
                return FindingText.render(finding, row: "refused")
            }.joined(separator: "\n") + "\nnothing was saved 未做任何更改"
        }
        var lines = ["terroir: error[\(error.code)]: \(error.message.en)", "         \(error.message.zh)"]
        if error.reasons.count > 1 {
            for reason in error.reasons { lines += ["  - \(reason.en)", "    \(reason.zh)"] }
        }
        return lines.joined(separator: "\n")
    }
}
