import ArgumentParser

/// `terroir brands`: brand standards as files in `Brands/`.
struct BrandsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "brands",
        abstract: "Check and read brand standards.",
        subcommands: [BrandsLintCommand.self, BrandsShowCommand.self, BrandsPublishCommand.self, BrandsVersionsCommand.self, BrandsDiffCommand.self]
    )
}
