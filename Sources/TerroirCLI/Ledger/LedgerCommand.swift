import ArgumentParser

/// `terroir ledger ...`: the account of every mark issued.
struct LedgerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ledger",
        abstract: "The mark ledger: labels issued, printed, voided and scanned.",
        subcommands: [LedgerReportCommand.self]
    )
}
