import BrandStandards
import Measures

/// A diagnostic as one English line editors can jump to, then its Chinese text.
enum DiagnosticText {
    static func render(_ diagnostic: Diagnostic) -> String {
        "\(diagnostic.position): \(diagnostic.severity.rawValue)[\(diagnostic.rule.rawValue)]: \(diagnostic.message.en)\n"
            + "    \(diagnostic.message.zh)"
    }
}
