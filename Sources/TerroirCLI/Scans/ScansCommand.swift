import ArgumentParser

/// `terroir scans ...`: what the resolver learnt from people's scans.
struct ScansCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scans",
        abstract: "Scans of a brand's labels: people's scans, first scans, counterfeit attempts and reports of fakes.",
        subcommands: [ScansReportCommand.self]
    )
}
