import ArgumentParser

/// `terroir audit`: the hash-chained audit log.
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Check the audit log's hash chain.",
        subcommands: [AuditVerifyCommand.self]
    )
}
