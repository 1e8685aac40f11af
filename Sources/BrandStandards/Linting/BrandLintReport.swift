/// What linting one brand file found.
public struct BrandLintReport: Sendable {
    /// The file, as the user named it.
    public let file: String
    /// The standard as read, when the file could be read at all.
    public let standard: BrandStandard?
    /// Every problem, ordered by position.
    public let diagnostics: [Diagnostic]

    /// Whether any diagnostic is an error.
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
    /// Whether any diagnostic is a warning.
    public var hasWarnings: Bool { diagnostics.contains { $0.severity == .warning } }
}
