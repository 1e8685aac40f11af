import ArgumentParser

/// `terroir`: the batch tool of the Terroir brand system.
public struct TerroirCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "terroir",
        abstract: "Manage regional agricultural brands: standards, products, labels and the catalog.",
        discussion: """
        Exit codes: 0 when all is well, 1 when the input failed its checks, 2 for a usage \
        or environment error.
        """,
        subcommands: [BrandsCommand.self, ProducersCommand.self, ProductsCommand.self, LabelsCommand.self, CertificatesCommand.self, LedgerCommand.self, ScansCommand.self, UsersCommand.self, CatalogCommand.self, KeysCommand.self, StoreCommand.self, AuditCommand.self]
    )

    public init() {}
}
