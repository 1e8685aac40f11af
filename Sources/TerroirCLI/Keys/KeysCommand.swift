import ArgumentParser
import CatalogStore

/// `terroir keys ...`: API keys for `terroir-server`.
struct KeysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys",
        abstract: "Create, list and revoke API keys for terroir-server.",
        subcommands: [KeysCreateCommand.self, KeysListCommand.self, KeysRevokeCommand.self]
    )
}

extension APIRole: ExpressibleByArgument {}
