import ArgumentParser

/// `terroir products`: products registered under brands.
struct ProductsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "products",
        abstract: "Import, validate, list and certify products.",
        subcommands: [
            ProductsImportCommand.self, ProductsValidateCommand.self, ProductsListCommand.self,
            ProductsShowCommand.self, ProductsCertifyCommand.self, ProductsWithdrawCommand.self, ProductsDeleteCommand.self, ProductsRevalidateCommand.self, ProductsTemplateCommand.self,
        ]
    )
}
