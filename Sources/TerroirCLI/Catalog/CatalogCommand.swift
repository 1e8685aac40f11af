import ArgumentParser

/// `terroir catalog`: the certified catalog as platforms take it.
struct CatalogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "catalog",
        abstract: "Export the certified catalog and read its change feed.",
        subcommands: [CatalogExportCommand.self, CatalogChangesCommand.self]
    )
}
