import ArgumentParser

/// `terroir store`: the store file itself: backups and checks.
struct StoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "store",
        abstract: "Back up the store and check that it keeps its promises.",
        subcommands: [StoreBackupCommand.self, StoreVerifyCommand.self]
    )
}
